package org.vigil.sharing;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.vigil.identity.Gender;
import org.vigil.identity.IdKeys;
import org.vigil.identity.ResidentId;
import org.vigil.registry.RegistryBaseline;
import org.vigil.sharing.agreement.AgeScope;
import org.vigil.sharing.agreement.AgreementDraft;
import org.vigil.sharing.agreement.AgreementPurpose;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.FeedSetting;
import org.vigil.sharing.agreement.ProviderLevel;
import org.vigil.sharing.agreement.ProviderRegistration;
import org.vigil.sharing.agreement.ProviderRegistry;
import org.vigil.simulator.CityGenerator;
import org.vigil.simulator.CitySpec;
import org.vigil.vault.PersonVault;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingestion pipeline end to end on real PostgreSQL: a small generated city's persons in the
 * registry, providers with agreements, and department files written the way departments write them
 * (GBK, their own headers, defects of every kind). Each test uses its own provider so the tests do
 * not depend on their order.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryIngestionTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    static final YearMonth MONTH = YearMonth.of(2026, 3);
    static final Charset GBK = Charset.forName("GB18030");

    @TempDir
    static Path workspace;

    private final DeliveryIngestion ingestion;
    private final RegistryBaseline registry;
    private final ProviderRegistry providers;
    private final AgreementRegister agreements;
    private final JdbcClient jdbc;
    private final ReviewQueue reviews;
    private final PersonVault vault;
    private final DeliveryLog log;

    /** Registry persons: id, name, gender, birth date. */
    private final List<String[]> persons = new ArrayList<>();

    @Autowired
    DeliveryIngestionTest(DeliveryIngestion ingestion, RegistryBaseline registry, ProviderRegistry providers,
            AgreementRegister agreements, JdbcClient jdbc, ReviewQueue reviews, PersonVault vault, DeliveryLog log) {
        this.reviews = reviews;
        this.vault = vault;
        this.log = log;
        this.ingestion = ingestion;
        this.registry = registry;
        this.providers = providers;
        this.agreements = agreements;
        this.jdbc = jdbc;
    }

    @BeforeAll
    void loadCity() throws IOException {
        Path city = workspace.resolve("city");
        new CityGenerator(2).generate(new CitySpec(1_000, 1, 7, YearMonth.of(2026, 1), city));
        registry.loadCommunities(city.resolve("agency/communities.csv"));
        registry.loadPersons(city.resolve("agency/persons.csv"));
        List<String> lines = Files.readAllLines(city.resolve("agency/persons.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            persons.add(new String[] {cells[0], cells[1], cells[2], cells[3]});
        }
    }

    // ------------------------------------------------------------------ deaths

    @Test
    void share6_deathRowsBecomeFactsWithProvenance_andEveryDefectIsAccountedFor() throws IOException {
        String provider = setUp("police_a", "death.police_deregistration", AgeScope.EVERYONE);
        String[] a = person(p -> true, 0);
        String[] b = person(p -> p[0].startsWith("2") && p[0].charAt(6) == '1' && p[0].charAt(7) == '9', 1);
        String[] c = person(p -> true, 2);
        String legacy = b[0].substring(0, 6) + b[0].substring(8, 17);
        String wrongCheck = a[0].substring(0, 17) + (a[0].charAt(17) == '0' ? '1' : '0');
        String stranger = outsider();
        Path file = write("police.csv", GBK,
                "姓名,公民身份号码,性别,出生日期,死亡日期,注销日期,注销原因,派出所",
                a[1] + "," + a[0] + ",男,,20260305,20260307,死亡,东站派出所",          // row 2: accepted
                b[1] + "," + legacy + ",,,20260306,,死亡,",                               // row 3: 15 digits, normalised
                c[1] + "," + wrongCheck + ",,,20260307,,死亡,",                           // row 4: wrong check digit
                a[1] + "," + a[0] + ",男,,20260305,20260307,死亡,东站派出所",          // row 5: repeat of row 2
                "," + c[0] + ",,,20260308,,死亡,",                                        // row 6: no name
                "外地人," + stranger + ",,,20260309,,死亡,",                               // row 7: valid, not in registry
                c[1] + "," + c[0] + ",,,2026-13-45,,死亡,");                              // row 8: impossible date

        DeliveryReport report = ingestion.ingest(request(provider, "death.police_deregistration", file));

        assertThat(report.status()).isEqualTo(DeliveryStatus.APPLIED);
        DeliveryCounts n = report.counts();
        assertThat(n.rowsRead()).isEqualTo(7);
        assertThat(n.accepted()).isEqualTo(3);
        assertThat(n.rejected()).isEqualTo(3);
        assertThat(n.duplicates()).isEqualTo(1);
        assertThat(n.linked()).isEqualTo(2);
        assertThat(n.factsWritten()).isEqualTo(3);
        assertThat(n.duplicateRate()).isEqualTo(1.0 / 7);
        assertThat(n.anomalyRate()).isEqualTo(3.0 / 7);
        assertThat(n.recordedRate()).isEqualTo(2.0 / 3);

        List<Map<String, Object>> facts = jdbc.sql("""
                select row_no, kind, person, linked, event_date, attributes->>'name' as name
                  from sharing.fact where delivery_id = :id order by row_no""")
                .param("id", report.deliveryId()).query().listOfRows();
        assertThat(facts).extracting(f -> f.get("row_no")).containsExactly(2L, 3L, 7L);
        assertThat(idOf(facts.get(0))).isEqualTo(a[0]);
        assertThat(facts.get(0).get("name")).as("a fact keeps no name (DATA-15)").isNull();
        assertThat(facts.get(0).get("kind")).isEqualTo("DEATH");
        assertThat(facts.get(0).get("event_date").toString()).isEqualTo("2026-03-05");
        assertThat(idOf(facts.get(1))).as("a 15-digit ID is stored in its 18-digit form").isEqualTo(b[0]);
        assertThat(idOf(facts.get(2))).as("a person the registry lacks is in the vault all the same").isEqualTo(stranger);
        assertThat(facts.get(2).get("linked")).isEqualTo(false);

        List<Map<String, Object>> rejects = jdbc.sql("""
                select row_no, column_header, value_sealed, reason_code from sharing.reject
                 where delivery_id = :id order by row_no, seq""")
                .param("id", report.deliveryId()).query().listOfRows();
        assertThat(rejects).extracting(r -> r.get("row_no") + ":" + r.get("column_header"))
                .containsExactly("4:公民身份号码", "5:", "6:姓名", "8:死亡日期");
        assertThat(rejects.get(0).get("value_sealed")).as("the cell is sealed").isInstanceOf(byte[].class);
        assertThat(rejects.get(1).get("value_sealed")).as("a repeat has no cell").isNull();
        java.io.StringWriter rejectsFile = new java.io.StringWriter();
        assertThat(log.writeRejects(report.deliveryId(), rejectsFile)).isTrue();
        assertThat(rejectsFile.toString()).as("opened for the provider's rejects file")
                .contains("4,公民身份号码," + wrongCheck + ",");
        assertThat(rejects.get(1).get("reason_code")).as("the repeat is listed for the provider").isEqualTo("DUPLICATE_ROW");
        assertThat(rejects.get(2).get("reason_code")).isEqualTo("MISSING_VALUE");
    }

    @Test
    void share6_sameFileTwiceIsAppliedOnce() throws IOException {
        String provider = setUp("police_b", "death.police_deregistration", AgeScope.EVERYONE);
        String[] a = person(p -> true, 3);
        Path file = write("again.csv", GBK, "姓名,公民身份号码,死亡日期", a[1] + "," + a[0] + ",20260310");

        DeliveryReport first = ingestion.ingest(request(provider, "death.police_deregistration", file));
        DeliveryReport second = ingestion.ingest(request(provider, "death.police_deregistration", file));

        assertThat(first.status()).isEqualTo(DeliveryStatus.APPLIED);
        assertThat(second.status()).isEqualTo(DeliveryStatus.ALREADY_APPLIED);
        assertThat(second.deliveryId()).isEqualTo(first.deliveryId());
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(count("select count(*) from sharing.fact f join sharing.delivery d on d.id = f.delivery_id "
                + "where d.provider = ?", provider)).isEqualTo(1);

        // The same bytes for the next month are that month's delivery (an unchanged list is still sent).
        DeliveryReport nextMonth = ingestion.ingest(new DeliveryRequest(provider, "death.police_deregistration", file,
                "again.csv", MONTH.plusMonths(1), MONTH.plusMonths(1).atEndOfMonth()));
        assertThat(nextMonth.status()).isEqualTo(DeliveryStatus.APPLIED);
        assertThat(nextMonth.deliveryId()).isNotEqualTo(first.deliveryId());
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void share2_deliveryWithoutAgreementInForceIsRefused() throws IOException {
        providers.register(new ProviderRegistration("rail_noagr", "铁路局", ProviderLevel.CITY, "220200"));
        String[] a = person(p -> true, 4);
        Path file = write("rail.csv", StandardCharsets.UTF_8, "旅客姓名,证件号码,乘车时间",
                a[1] + "," + a[0] + ",2026-03-03 08:10");

        DeliveryReport report = ingestion.ingest(request("rail_noagr", "life.rail", file));

        assertThat(report.status()).isEqualTo(DeliveryStatus.REFUSED);
        assertThat(report.reason().orElseThrow()).contains("rail_noagr").contains("life.rail");
        assertThat(count("select count(*) from sharing.delivery where provider = ? and status = 'REFUSED'", "rail_noagr"))
                .isEqualTo(1);
        assertThat(count("select count(*) from sharing.life_sign s join sharing.delivery d on d.id = s.delivery_id "
                + "where d.provider = ?", "rail_noagr")).isZero();
    }

    @Test
    void share3_fileWhoseHeaderDoesNotFitTheFeedIsRefusedWithEveryProblem() throws IOException {
        String provider = setUp("police_c", "death.police_deregistration", AgeScope.EVERYONE);
        Path file = write("wrong.csv", GBK, "姓名,证件号,姓名", "张三,220202195001011234,张三");

        DeliveryReport report = ingestion.ingest(request(provider, "death.police_deregistration", file));

        assertThat(report.status()).isEqualTo(DeliveryStatus.REFUSED);
        assertThat(report.problems()).isNotEmpty();
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("wrong.csv"));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.reason()).contains("死亡日期"));
        assertThat(count("select count(*) from sharing.fact f join sharing.delivery d on d.id = f.delivery_id "
                + "where d.provider = ?", provider)).isZero();
    }

    // ------------------------------------------------------------------ review queue

    @Test
    void share6_rowWithoutIdGoesToReviewWithCandidates_neverSilentlyMatched() throws IOException {
        String provider = setUp("community_a", "death.community_report", AgeScope.EVERYONE);
        String[] a = person(p -> true, 5);
        String[] b = person(p -> true, 6);
        Path file = write("community.csv", StandardCharsets.UTF_8,
                "序号,街道,社区,姓名,性别,出生日期,身份证号,情况类别,发生日期,备注",
                "1,,," + a[1] + "," + (a[2].equals("M") ? "男" : "女") + "," + a[3] + ",,死亡,2026-03-12,",
                "2,,," + b[1] + ",,," + b[0] + ",走访慰问,2026-03-15,");

        DeliveryReport report = ingestion.ingest(request(provider, "death.community_report", file));

        assertThat(report.status()).isEqualTo(DeliveryStatus.APPLIED);
        assertThat(report.counts().review()).isEqualTo(1);
        assertThat(report.counts().accepted()).isEqualTo(1);
        assertThat(report.counts().lifeSignsWritten()).isEqualTo(1);
        assertThat(count("select count(*) from sharing.fact where delivery_id = ?", report.deliveryId())).isZero();
        String candidates = jdbc.sql("select candidates::text from sharing.review_item where delivery_id = :id and row_no = 2")
                .param("id", report.deliveryId()).query(String.class).single();
        assertThat(candidates).doesNotContain(a[0]).contains("\"person\": \"" + vault.find(key(a[0])).orElseThrow() + "\"");
        assertThat(jdbc.sql("select status from sharing.review_item where delivery_id = :id")
                .param("id", report.deliveryId()).query(String.class).single()).isEqualTo("OPEN");
    }

    @Test
    void share6_aReviewerMatchesARowToAPerson_andOnlyThenDoesItBecomeAFact() throws IOException {
        String provider = setUp("community_b", "death.community_report", AgeScope.EVERYONE);
        String[] a = person(p -> true, 9);
        String[] b = person(p -> true, 10);
        Path file = write("community.csv", StandardCharsets.UTF_8,
                "姓名,性别,出生日期,身份证号,情况类别,发生日期",
                a[1] + "," + (a[2].equals("M") ? "男" : "女") + "," + a[3] + ",,死亡,2026-03-12",
                b[1] + ",," + b[3] + ",,走访慰问,2026-03-14");
        DeliveryReport report = ingestion.ingest(request(provider, "death.community_report", file));
        assertThat(report.counts().review()).isEqualTo(2);

        List<ReviewItem> open = reviews.open(java.util.Optional.of(provider), 0, 10);
        assertThat(open).hasSize(2);
        assertThat(open.get(0).candidates()).extracting(ReviewItem.Candidate::idNumber).contains(a[0]);
        assertThat(open.get(0).fact()).isEqualTo("DEATH");

        reviews.match(report.deliveryId(), 2, a[0], "王审核");
        reviews.dismiss(report.deliveryId(), 3, "王审核", "本辖区无此人");

        assertThat(reviews.countOpen(java.util.Optional.of(provider))).isZero();
        Map<String, Object> fact = jdbc.sql("""
                select kind, person, linked, event_date, attributes->>'matched_by' as by
                  from sharing.fact where delivery_id = ? and row_no = 2""")
                .params(report.deliveryId()).query().singleRow();
        assertThat(fact.get("kind")).isEqualTo("DEATH");
        assertThat(idOf(fact)).isEqualTo(a[0]);
        assertThat(jdbc.sql("select matched_person from sharing.review_item where delivery_id = ? and row_no = 2")
                .params(report.deliveryId()).query(Long.class).single()).isEqualTo(fact.get("person"));
        assertThat(fact.get("linked")).isEqualTo(true);
        assertThat(fact.get("by")).isEqualTo("王审核");
        assertThat(count("select count(*) from sharing.life_sign where delivery_id = ?", report.deliveryId())).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reviews.match(report.deliveryId(), 2, a[0], "李审核"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not open");
    }

    // ------------------------------------------------------------------ proof of life

    @Test
    void share3_lifeSignsFoldToOnePerPersonFeedAndMonth_keepingTheLatestRow() throws IOException {
        String provider = setUp("rail_a", "life.rail", AgeScope.EVERYONE);
        String[] a = person(p -> true, 7);
        String[] b = person(p -> true, 8);
        Path file = write("rail.csv", StandardCharsets.UTF_8, "旅客姓名,证件类型,证件号码,乘车时间,车次",
                a[1] + ",身份证," + a[0] + ",2026-03-03 08:10,K1",
                a[1] + ",身份证," + a[0] + ",2026-03-20 18:40,K2",
                a[1] + ",身份证," + a[0] + ",2026-03-09 07:00,K3",
                a[1] + ",身份证," + a[0] + ",2026-02-27 07:00,K4",
                b[1] + ",身份证," + b[0] + ",2026-03-20 09:00,K5");

        DeliveryReport report = ingestion.ingest(request(provider, "life.rail", file));

        assertThat(report.counts().accepted()).isEqualTo(5);
        assertThat(report.counts().lifeSignsWritten()).isEqualTo(3);
        List<Map<String, Object>> signs = jdbc.sql("""
                select month, event_date, row_no from sharing.life_sign
                 where delivery_id = :id and person = :person order by month""")
                .param("id", report.deliveryId()).param("person", vault.find(key(a[0])).orElseThrow()).query().listOfRows();
        assertThat(signs).extracting(s -> s.get("month") + "/" + s.get("event_date") + "/" + s.get("row_no"))
                .containsExactly("2026-02-01/2026-02-27/5", "2026-03-01/2026-03-20/3");
    }

    @Test
    void share4_ageFilterLeavesOutMenUnder60AndWomenUnder50() throws IOException {
        String provider = setUp("rail_b", "life.rail", AgeScope.MEN_60_WOMEN_50);
        String[] young = person(p -> age(p) < 40, 0);
        String[] old = person(p -> age(p) >= 65, 0);
        Path file = write("rail.csv", StandardCharsets.UTF_8, "旅客姓名,证件号码,乘车时间",
                young[1] + "," + young[0] + ",2026-03-03 08:10",
                old[1] + "," + old[0] + ",2026-03-04 08:10");

        DeliveryReport report = ingestion.ingest(request(provider, "life.rail", file));

        assertThat(report.counts().ageFiltered()).isEqualTo(1);
        assertThat(report.counts().accepted()).isEqualTo(1);
        assertThat(jdbc.sql("select person from sharing.life_sign where delivery_id = :id")
                .param("id", report.deliveryId()).query(Long.class).list()).containsExactly(vault.find(key(old[0])).orElseThrow());
    }

    // ------------------------------------------------------------------ helpers

    private String setUp(String provider, String feed, AgeScope scope) {
        providers.register(new ProviderRegistration(provider, "测试部门", ProviderLevel.CITY, "220200"));
        providers.configureFeed(provider, new FeedSetting(feed, scope, Map.of()));
        agreements.record(new AgreementDraft("AGR-" + provider, provider, "吉林市社会保险事业管理局",
                LocalDate.of(2025, 12, 20), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of(feed),
                EnumSet.of(AgreementPurpose.FRAUD_PREVENTION, AgreementPurpose.ELIGIBILITY_CERTIFICATION)));
        return provider;
    }

    private DeliveryRequest request(String provider, String feed, Path file) {
        return new DeliveryRequest(provider, feed, file, file.getFileName().toString(), MONTH, AS_OF);
    }

    private Path write(String name, Charset charset, String... lines) throws IOException {
        Path dir = Files.createTempDirectory(workspace, "delivery");
        Path file = dir.resolve(name);
        Files.write(file, (String.join("\r\n", lines) + "\r\n").getBytes(charset));
        return file;
    }

    private String[] person(java.util.function.Predicate<String[]> filter, int skip) {
        return persons.stream().filter(filter).skip(skip).findFirst()
                .orElseThrow(() -> new IllegalStateException("the test city has no such person"));
    }

    private static int age(String[] person) {
        return ResidentId.parse(person[0], AS_OF).orElseThrow().ageOn(AS_OF);
    }

    /** A valid ID no registry person has. */
    private String outsider() {
        for (int serial = 100; serial < 999; serial++) {
            String first17 = "11010119500101" + serial;
            String id = first17 + ResidentId.checkDigit(first17);
            if (persons.stream().noneMatch(p -> p[0].equals(id))
                    && ResidentId.parse(id, AS_OF).orElseThrow().gender() == Gender.MALE) {
                return id;
            }
        }
        throw new IllegalStateException("no outsider ID");
    }

    private static long key(String idNumber) {
        return IdKeys.of(ResidentId.parse(idNumber, AS_OF).orElseThrow());
    }

    /** The ID number of a fact's person, opened through the vault. */
    private String idOf(Map<String, Object> row) {
        return vault.idNumber((Long) row.get("person"));
    }

    private long count(String sql, Object... args) {
        return jdbc.sql(sql).params(args).query(Long.class).single();
    }
}
