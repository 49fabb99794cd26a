package org.vigil.sharing;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.vigil.governance.KeyService;
import org.vigil.sharing.agreement.AgreementIntegrationTest;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.ProviderRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Delivered rows at rest (DATA-15, ADR 0035): after real CSV deliveries of every kind of row — facts
 * with a second person, life signs, rejects quoting IDs and names, review items with names — no ID
 * number or name from the files is in any of the sharing tables' text, seen as the schema's owner
 * (who row-level security does not hide anything from); and a sealed value copied onto another row
 * does not open there.
 */
@AgreementIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharingAtRestTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);

    static final String DEAD = DeliveryFixture.id("230102", LocalDate.of(1941, 2, 2), 801);
    static final String WRONG_CHECK;
    static final String GROOM = DeliveryFixture.id("230102", LocalDate.of(1961, 2, 9), 811);
    static final String BRIDE = DeliveryFixture.id("230102", LocalDate.of(1963, 2, 10), 806);
    static final String TRAVELLER = DeliveryFixture.id("230102", LocalDate.of(1945, 2, 7), 802);
    static final String STRANGER = DeliveryFixture.id("370102", LocalDate.of(1947, 5, 7), 803);

    static {
        String valid = DeliveryFixture.id("230102", LocalDate.of(1944, 2, 3), 805);
        WRONG_CHECK = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
    }

    /** Every name the files carry, the rejected ones included. */
    static final List<String> NAMES = List.of("欧阳秀梅", "司马建华", "上官丽娟", "诸葛明轩", "慕容雪芬", "东方志远",
            "皇甫桂香3", "令狐春生");

    @TempDir
    static Path workspace;

    private final DeliveryIngestion ingestion;
    private final ProviderRegistry providers;
    private final AgreementRegister agreements;
    private final DeliveryLog log;
    private final ReviewQueue reviews;
    private final JdbcClient owner;
    private final List<DeliveryReport> reports = new ArrayList<>();

    @Autowired
    SharingAtRestTest(DeliveryIngestion ingestion, ProviderRegistry providers, AgreementRegister agreements,
            DeliveryLog log, ReviewQueue reviews, DataSource dataSource) throws SQLException {
        this.ingestion = ingestion;
        this.providers = providers;
        this.agreements = agreements;
        this.log = log;
        this.reviews = reviews;
        this.owner = JdbcClient.create(new DriverManagerDataSource(dataSource.unwrap(HikariDataSource.class).getJdbcUrl(),
                "postgres", ""));
    }

    @BeforeAll
    void deliver() throws IOException {
        DeliveryFixture f = new DeliveryFixture(ingestion, providers, agreements, workspace);
        f.provider("rest_police", "death.police_deregistration");
        f.provider("rest_civil", "registry.marriage");
        f.provider("rest_rail", "life.rail");
        f.provider("rest_community", "death.community_report");
        reports.add(deliver("rest_police", "death.police_deregistration", "姓名,公民身份号码,死亡日期",
                "欧阳秀梅," + DEAD + ",2026-03-05",
                "司马建华," + WRONG_CHECK + ",2026-03-06",
                "皇甫桂香3," + STRANGER + ",2026-03-07"));
        reports.add(deliver("rest_civil", "registry.marriage", "登记类别,男方姓名,男方身份证号,女方姓名,女方身份证号,登记日期",
                "结婚登记,上官丽娟," + GROOM + ",诸葛明轩," + BRIDE + ",2026-03-01"));
        reports.add(deliver("rest_rail", "life.rail", "旅客姓名,证件号码,乘车时间",
                "慕容雪芬," + TRAVELLER + ",2026-03-20 08:30",
                "慕容雪芬," + TRAVELLER + ",2026-03-20 08:30"));
        reports.add(deliver("rest_community", "death.community_report", "姓名,性别,出生日期,身份证号,情况类别,发生日期",
                "东方志远,男,1950-01-02,,死亡,2026-03-12",
                "令狐春生,男,1951-01-02,,死亡,2026-03-13"));
    }

    @Test
    void data15_noIdNumberOrNameFromTheDeliveriesIsStoredInClear() throws IOException {
        // the deliveries did what they should: facts, signs, rejects and review items were written
        assertThat(reports.get(0).counts().factsWritten()).isEqualTo(1);
        assertThat(reports.get(0).counts().rejected()).isEqualTo(2);
        assertThat(reports.get(1).counts().factsWritten()).isEqualTo(1);
        assertThat(reports.get(2).counts().lifeSignsWritten()).isEqualTo(1);
        assertThat(reports.get(3).counts().review()).isEqualTo(2);

        List<String> tables = owner.sql("""
                select table_name from information_schema.tables
                 where table_schema = 'sharing' and table_type = 'BASE TABLE' order by table_name""")
                .query(String.class).list();
        assertThat(tables).contains("fact", "life_sign", "reject", "review_item", "delivery");
        List<String> needles = new ArrayList<>(List.of(DEAD, WRONG_CHECK, GROOM, BRIDE, TRAVELLER, STRANGER));
        needles.addAll(NAMES);
        for (String table : tables) {
            // the table's name is the catalogue's, not input; every row as text, bytea as hex
            String dump = owner.sql("select coalesce(string_agg(t::text, E'\\n'), '') from sharing." + table + " t")
                    .query(String.class).single();
            for (String needle : needles) {
                assertThat(dump).as("sharing.%s holds %s", table, needle).doesNotContain(needle)
                        .doesNotContain(HexFormat.of().formatHex(needle.getBytes(StandardCharsets.UTF_8)));
            }
        }

        // what a user is shown opens: the provider's rejects file and the reviewer's queue
        StringWriter rejects = new StringWriter();
        log.writeRejects(reports.get(0).deliveryId(), rejects);
        assertThat(rejects.toString()).contains(WRONG_CHECK).contains("皇甫桂香3");
        assertThat(reviews.open(Optional.of("rest_community"), 0, 10)).extracting(i -> i.name().orElseThrow())
                .containsExactly("东方志远", "令狐春生");
    }

    @Test
    void data15_aSealedRejectCellOrReviewNameMovedToAnotherRowDoesNotOpen() {
        long police = reports.get(0).deliveryId();
        List<Long> rejectIds = owner.sql("""
                select id from sharing.reject where delivery_id = :d and value_sealed is not null order by id""")
                .param("d", police).query(Long.class).list();
        assertThat(rejectIds).hasSize(2);
        byte[] original = sealedReject(rejectIds.get(1));
        owner.sql("update sharing.reject set value_sealed = :v where id = :id")
                .param("v", sealedReject(rejectIds.get(0))).param("id", rejectIds.get(1)).update();
        try {
            assertThatThrownBy(() -> log.writeRejects(police, new StringWriter()))
                    .isInstanceOf(KeyService.TamperedException.class);
        }
        finally {
            owner.sql("update sharing.reject set value_sealed = :v where id = :id").param("v", original)
                    .param("id", rejectIds.get(1)).update();
        }

        long community = reports.get(3).deliveryId();
        List<Long> items = owner.sql("select id from sharing.review_item where delivery_id = :d order by id")
                .param("d", community).query(Long.class).list();
        byte[] name = sealedName(items.get(1));
        owner.sql("update sharing.review_item set name_sealed = :v where id = :id")
                .param("v", sealedName(items.get(0))).param("id", items.get(1)).update();
        try {
            assertThatThrownBy(() -> reviews.open(Optional.of("rest_community"), 0, 10))
                    .isInstanceOf(KeyService.TamperedException.class);
        }
        finally {
            owner.sql("update sharing.review_item set name_sealed = :v where id = :id").param("v", name)
                    .param("id", items.get(1)).update();
        }
        assertThat(reviews.open(Optional.of("rest_community"), 0, 10)).hasSize(2);
    }

    private byte[] sealedReject(long id) {
        return owner.sql("select value_sealed from sharing.reject where id = :id").param("id", id)
                .query((rs, i) -> rs.getBytes(1)).single();
    }

    private byte[] sealedName(long id) {
        return owner.sql("select name_sealed from sharing.review_item where id = :id").param("id", id)
                .query((rs, i) -> rs.getBytes(1)).single();
    }

    /** A CSV taken in as it is, rejects and review rows included; it must be applied. */
    private DeliveryReport deliver(String provider, String feed, String header, String... rows) throws IOException {
        Path file = workspace.resolve(provider + ".csv");
        Files.writeString(file, header + "\r\n" + String.join("\r\n", rows) + "\r\n", StandardCharsets.UTF_8);
        DeliveryReport report = ingestion.ingest(new DeliveryRequest(provider, feed, file, file.getFileName().toString(),
                MARCH, MARCH.atEndOfMonth()));
        assertThat(report.status()).as(report.reason().orElse("")).isEqualTo(DeliveryStatus.APPLIED);
        return report;
    }
}
