package org.vigil.sharing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.AuditTrail;
import org.vigil.governance.KeyService;
import org.vigil.sharing.DeliveryReport;
import org.vigil.sharing.DeliveryRequest;
import org.vigil.sharing.DeliveryStatus;
import org.vigil.sharing.agreement.AgeScope;
import org.vigil.sharing.agreement.AgreementDraft;
import org.vigil.sharing.agreement.AgreementPurpose;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.FeedSetting;
import org.vigil.sharing.agreement.ProviderLevel;
import org.vigil.sharing.agreement.ProviderRegistration;
import org.vigil.sharing.agreement.ProviderRegistry;
import org.vigil.sharing.catalogue.FeedCatalogue;
import org.vigil.sharing.reading.ReadLimits;
import org.vigil.vault.PersonVault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A delivery is applied wholly or not at all (issue 3, SHARE-6): a failure at the very last write
 * of the transaction leaves no delivery, fact, life sign, reject or review item behind, and the
 * same file then simply runs again.
 */
@SpringBootTest
@ActiveProfiles("test")
class DeliveryAtomicityTest {

    @TempDir
    Path workspace;

    private final AuditTrail audit;
    private final PersonVault vault;
    private final KeyService keys;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ProviderTerms terms;
    private final ProviderRegistry providers;
    private final AgreementRegister agreements;

    @Autowired
    DeliveryAtomicityTest(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions, ProviderTerms terms,
            ProviderRegistry providers, AgreementRegister agreements, AuditTrail audit, PersonVault vault,
            KeyService keys) {
        this.audit = audit;
        this.vault = vault;
        this.keys = keys;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.terms = terms;
        this.providers = providers;
        this.agreements = agreements;
    }

    @Test
    void share6_aFailureInTheMiddleLeavesNothingApplied_andTheRunCanBeRepeated() throws IOException {
        providers.register(new ProviderRegistration("community_x", "社区", ProviderLevel.COMMUNITY, "220202001001"));
        providers.configureFeed("community_x", new FeedSetting("death.community_report", AgeScope.EVERYONE, Map.of()));
        agreements.record(new AgreementDraft("AGR-X", "community_x", "社保局", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of("death.community_report"),
                EnumSet.of(AgreementPurpose.FRAUD_PREVENTION)));
        Path file = workspace.resolve("community.csv");
        Files.writeString(file, String.join("\n",
                "姓名,出生日期,身份证号,情况类别,发生日期",
                "王秀英,1941-02-03,,死亡,2026-03-02",
                "李建国,1950-06-07,220202195006070016,走访慰问,2026-03-05",
                "赵国强,1950-06-07,220202195006070032,走访慰问,2026-03-06",
                "") , StandardCharsets.UTF_8);
        DeliveryRequest request = new DeliveryRequest("community_x", "death.community_report", file, "community.csv",
                YearMonth.of(2026, 3), LocalDate.of(2026, 3, 31));
        PersonLookup nobody = new PersonLookup() {
            @Override
            public boolean contains(org.vigil.identity.ResidentId id) {
                return false;
            }

            @Override
            public List<Candidate> candidates(String name, org.vigil.identity.Gender gender, LocalDate birthDate,
                    String regionCode, int limit) {
                return List.of();
            }
        };
        DeliveryStore failing = new DeliveryStore(dataSource, jdbc, transactions, audit, vault, keys) {
            @Override
            void insertReviews(long id, List<ReviewItem> reviews) {
                super.insertReviews(id, reviews);
                throw new IllegalStateException("simulated crash after every other write");
            }
        };
        Clock clock = Clock.fixed(java.time.Instant.parse("2026-04-01T02:00:00Z"), ZoneOffset.UTC);
        RawFileStore raw = new RawFileStore(workspace.resolve("raw"));

        IngestionService crashing = new IngestionService(FeedCatalogue.standard(), terms, () -> nobody, failing, raw,
                event -> { }, clock, 2, ReadLimits.standard(), java.util.Optional.empty());
        assertThatThrownBy(() -> crashing.ingest(request)).hasMessageContaining("simulated crash");

        assertThat(rows("sharing.delivery")).isZero();
        assertThat(rows("sharing.fact")).isZero();
        assertThat(rows("sharing.life_sign")).isZero();
        assertThat(rows("sharing.reject")).isZero();
        assertThat(rows("sharing.review_item")).isZero();

        IngestionService healthy = new IngestionService(FeedCatalogue.standard(), terms, () -> nobody,
                new DeliveryStore(dataSource, jdbc, transactions, audit, vault, keys), raw, event -> { }, clock, 2, ReadLimits.standard(), java.util.Optional.empty());
        DeliveryReport report = healthy.ingest(request);
        assertThat(report.status()).isEqualTo(DeliveryStatus.APPLIED);
        assertThat(report.counts().review()).isEqualTo(1);
        assertThat(report.counts().accepted()).isEqualTo(2);
        assertThat(rows("sharing.review_item")).isEqualTo(1);
        assertThat(rows("sharing.life_sign")).isEqualTo(2);
    }

    /** Rows of this test's provider only: other tests share the database. */
    private long rows(String table) {
        String sql = switch (table) {
            case "sharing.delivery" -> "select count(*) from sharing.delivery d where d.provider = ?";
            case "sharing.fact" -> "select count(*) from sharing.fact t join sharing.delivery d on d.id = t.delivery_id where d.provider = ?";
            case "sharing.life_sign" -> "select count(*) from sharing.life_sign t join sharing.delivery d on d.id = t.delivery_id where d.provider = ?";
            case "sharing.reject" -> "select count(*) from sharing.reject t join sharing.delivery d on d.id = t.delivery_id where d.provider = ?";
            case "sharing.review_item" -> "select count(*) from sharing.review_item t join sharing.delivery d on d.id = t.delivery_id where d.provider = ?";
            default -> throw new IllegalArgumentException(table);
        };
        return jdbc.sql(sql).param("community_x").query(Long.class).single();
    }
}
