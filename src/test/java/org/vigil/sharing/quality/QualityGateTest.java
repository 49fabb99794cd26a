package org.vigil.sharing.quality;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.registry.RegistryBaseline;
import org.vigil.sharing.DeliveryIngestion;
import org.vigil.sharing.DeliveryReport;
import org.vigil.sharing.DeliveryStatus;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.ProviderRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The quality gate inside the real ingestion pipeline (DATA-12, DATA-13): what it holds, that a
 * held delivery applies nothing until an officer releases it, the history check against the
 * provider's own usual volume, and effective-dated thresholds.
 */
@QualityIntegrationTest
class QualityGateTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);

    @TempDir
    static Path workspace;

    private final DeliveryIngestion ingestion;
    private final RegistryBaseline registry;
    private final ProviderRegistry providers;
    private final AgreementRegister agreements;
    private final QualityThresholds thresholds;
    private final Rectifications rectifications;
    private final JdbcClient jdbc;
    private QualityFixture fx;

    @Autowired
    QualityGateTest(DeliveryIngestion ingestion, RegistryBaseline registry, ProviderRegistry providers,
            AgreementRegister agreements, QualityThresholds thresholds, Rectifications rectifications, JdbcClient jdbc) {
        this.ingestion = ingestion;
        this.registry = registry;
        this.providers = providers;
        this.agreements = agreements;
        this.thresholds = thresholds;
        this.rectifications = rectifications;
        this.jdbc = jdbc;
    }

    @BeforeAll
    void city() {
        fx = new QualityFixture(ingestion, registry, providers, agreements, workspace);
    }

    @Test
    void data12_deliveryBelowTheIngestionAndAnomalyThresholdsIsHeld_andNothingIsApplied() {
        String provider = fx.provider("gate_low", QualityFixture.DEATHS);

        DeliveryReport report = fx.ingest(provider, QualityFixture.DEATHS, MARCH, fx.deaths(MARCH, 0, 70, 30));

        assertThat(report.status()).isEqualTo(DeliveryStatus.QUARANTINED);
        String reason = report.reason().orElseThrow();
        assertThat(reason).contains("入库率 70.0%（70/100）低于下限 90.0%")
                .contains("ingestion rate 70.0% (70 of 100) is below the minimum 90.0%")
                .contains("异常率 30.0%（30/100）高于上限 5.0%")
                .contains("anomaly rate 30.0% (30 of 100) is above the maximum 5.0%");
        assertThat(reason).doesNotContain("重复率").doesNotContain("齐全率");
        assertThat(facts(report.deliveryId())).isZero();
        assertThat(status(report.deliveryId())).isEqualTo("QUARANTINED");
        assertThat(jdbc.sql("select count(*) from sharing.reject where delivery_id = :id")
                .param("id", report.deliveryId()).query(Long.class).single())
                .as("the provider can correct from the rejects of a held delivery").isEqualTo(30);
    }

    @Test
    void data12_deliveryWithinEveryThresholdIsApplied() {
        String provider = fx.provider("gate_ok", QualityFixture.DEATHS);

        // 4 broken rows in 100: ingestion 96 %, anomaly 4 %
        DeliveryReport report = fx.ingest(provider, QualityFixture.DEATHS, MARCH, fx.deaths(MARCH, 40, 96, 4));

        assertThat(report.status()).isEqualTo(DeliveryStatus.APPLIED);
        assertThat(facts(report.deliveryId())).isEqualTo(96);
    }

    @Test
    void data12_aFileOfPeopleTheRegistryDoesNotKnowIsHeldForItsRecordedRate() {
        String provider = fx.provider("gate_strangers", QualityFixture.DEATHS);

        DeliveryReport report = fx.ingest(provider, QualityFixture.DEATHS, MARCH, fx.strangers(MARCH, 100));

        assertThat(report.status()).isEqualTo(DeliveryStatus.QUARANTINED);
        assertThat(report.reason().orElseThrow()).isEqualTo("记实率 0.0%（0/100）低于下限 30.0% / recorded rate 0.0% "
                + "(0 of 100) is below the minimum 30.0%");
    }

    @Test
    void data12_aSmallDeliveryIsNotJudgedOnItsRates() {
        String provider = fx.provider("gate_small", QualityFixture.DEATHS);

        // 30 broken of 60 would be 50 % anomalies, but fewer than 100 rows are judged in the month's total
        DeliveryReport report = fx.ingest(provider, QualityFixture.DEATHS, MARCH, fx.deaths(MARCH, 70, 30, 30));

        assertThat(report.status()).isEqualTo(DeliveryStatus.APPLIED);
    }

    @Test
    void data13_heldDeliveryReleasedByAnOfficerIsApplied_withItsFacts() {
        String provider = fx.provider("gate_release", QualityFixture.DEATHS);
        DeliveryReport held = fx.ingest(provider, QualityFixture.DEATHS, MARCH, fx.deaths(MARCH, 80, 70, 30));
        assertThat(held.status()).isEqualTo(DeliveryStatus.QUARANTINED);

        DeliveryReport released = ingestion.release(held.deliveryId(), "李科长", "核实：号码错误系派出所录入问题，其余记录可用");

        assertThat(released.status()).isEqualTo(DeliveryStatus.APPLIED);
        assertThat(released.deliveryId()).isEqualTo(held.deliveryId());
        assertThat(facts(held.deliveryId())).isEqualTo(70);
        assertThat(status(held.deliveryId())).isEqualTo("APPLIED");
        assertThat(jdbc.sql("select decided_by from sharing.delivery where id = :id").param("id", held.deliveryId())
                .query(String.class).single()).isEqualTo("李科长");
    }

    @Test
    void data13_heldDeliveryDiscardedByAnOfficerAppliesNothing() {
        String provider = fx.provider("gate_discard", QualityFixture.DEATHS);
        DeliveryReport held = fx.ingest(provider, QualityFixture.DEATHS, MARCH, fx.deaths(MARCH, 120, 70, 30));

        ingestion.discard(held.deliveryId(), "李科长", "错误过多，退回重报");

        assertThat(status(held.deliveryId())).isEqualTo("DISCARDED");
        assertThat(facts(held.deliveryId())).isZero();
        assertThatThrownBy(() -> ingestion.release(held.deliveryId(), "李科长", "再放行"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void data13_aHeldDeliveryIssuesARectificationNoticePerFinding_withADeadline() {
        String provider = fx.provider("gate_notice", QualityFixture.DEATHS);
        fx.ingest(provider, QualityFixture.DEATHS, MARCH, fx.deaths(MARCH, 160, 70, 30));

        // a monthly check run by another test may add notices of late months; this one is about March
        List<Rectification> notices = rectifications.list(Optional.of(provider), Optional.empty(),
                QualityTestConfiguration.TODAY).stream().filter(r -> r.month().equals(MARCH)).toList();

        assertThat(notices).extracting(Rectification::issue)
                .containsExactlyInAnyOrder(QualityIssue.INGESTION_RATE, QualityIssue.ANOMALY_RATE);
        assertThat(notices).allSatisfy(r -> {
            assertThat(r.month()).isEqualTo(MARCH);
            assertThat(r.status()).isEqualTo(RectificationStatus.OPEN);
            assertThat(r.openedOn()).isEqualTo(QualityTestConfiguration.TODAY);
            assertThat(r.deadline()).isEqualTo(QualityTestConfiguration.TODAY.plusDays(30));
            assertThat(r.openedBy()).isEqualTo(Rectification.SYSTEM);
        });
    }

    @Test
    void data12_deliveryTenTimesTheUsualCountIsHeld() {
        String provider = fx.provider("gate_history", QualityFixture.DEATHS);
        int[] usual = {10, 9, 11};
        int next = 200;
        for (int m = 0; m < usual.length; m++) {
            YearMonth month = YearMonth.of(2026, 1 + m);
            DeliveryReport r = fx.ingest(provider, QualityFixture.DEATHS, month, fx.deaths(month, next, usual[m], 0));
            assertThat(r.status()).as("usual month %s", month).isEqualTo(DeliveryStatus.APPLIED);
            next += usual[m];
        }
        YearMonth april = YearMonth.of(2026, 4);

        DeliveryReport report = fx.ingest(provider, QualityFixture.DEATHS, april, fx.deaths(april, next, 120, 0));

        assertThat(report.status()).isEqualTo(DeliveryStatus.QUARANTINED);
        assertThat(report.reason().orElseThrow())
                .contains("行数 120 超过本单位该数据项近 3 次已入库报送的中位数 10 的 10 倍")
                .contains("120 rows is more than 10 times the median 10 of this provider's last 3 applied deliveries")
                .contains("120 accepted rows is more than 10 times");
        assertThat(facts(report.deliveryId())).isZero();
    }

    @Test
    void data12_deliveryOfAFractionOfTheUsualCountIsHeld_butOnlyWhereTheUsualCountIsLarge() {
        String provider = fx.provider("gate_drop", QualityFixture.DEATHS);
        int next = 340;
        for (int m = 1; m <= 3; m++) {
            YearMonth month = YearMonth.of(2026, m);
            assertThat(fx.ingest(provider, QualityFixture.DEATHS, month, fx.deaths(month, next, 30, 0)).status())
                    .isEqualTo(DeliveryStatus.APPLIED);
            next += 30;
        }
        YearMonth april = YearMonth.of(2026, 4);

        DeliveryReport report = fx.ingest(provider, QualityFixture.DEATHS, april, fx.deaths(april, next, 2, 0));

        assertThat(report.status()).isEqualTo(DeliveryStatus.QUARANTINED);
        assertThat(report.reason().orElseThrow()).contains("行数 2 不足").contains("2 rows is less than 1/10 of the median 30");
    }

    @Test
    void data12_historyCheckWaitsForThreeEarlierDeliveries() {
        String provider = fx.provider("gate_young", QualityFixture.DEATHS);
        int next = 440;
        for (int m = 1; m <= 2; m++) {
            YearMonth month = YearMonth.of(2026, m);
            fx.ingest(provider, QualityFixture.DEATHS, month, fx.deaths(month, next, 5, 0));
            next += 5;
        }

        DeliveryReport report = fx.ingest(provider, QualityFixture.DEATHS, MARCH, fx.deaths(MARCH, next, 120, 0));

        assertThat(report.status()).as("two earlier deliveries are no history yet").isEqualTo(DeliveryStatus.APPLIED);
    }

    @Test
    void data12_aLaterThresholdAppliesFromItsMonthOnly() {
        String feed = QualityFixture.DEATHS;
        YearMonth august = YearMonth.of(2026, 8);
        YearMonth september = YearMonth.of(2026, 9);
        // an override for a feed code no other test judges in these months
        thresholds.change(new ThresholdChange(Optional.of(feed), QualityRule.ANOMALY_RATE_MAX, new BigDecimal("0.01"),
                september, "质量管理员", "公安注销数据质量已稳定，收紧异常率"));
        String provider = fx.provider("gate_dated", feed);

        // 4 broken rows in 100 = 4 %: within the default 5 %, above the override's 1 %
        DeliveryReport before = fx.ingest(provider, feed, august, fx.deaths(august, 560, 96, 4));
        DeliveryReport after = fx.ingest(provider, feed, september, fx.deaths(september, 700, 96, 4));

        assertThat(before.status()).isEqualTo(DeliveryStatus.APPLIED);
        assertThat(after.status()).isEqualTo(DeliveryStatus.QUARANTINED);
        assertThat(after.reason().orElseThrow()).contains("异常率 4.0%（4/100）高于上限 1.0%");
        assertThat(thresholds.inForce(feed, august).value(QualityRule.ANOMALY_RATE_MAX)).isEqualByComparingTo("0.05");
        assertThat(thresholds.inForce(feed, september).values().get(QualityRule.ANOMALY_RATE_MAX).feed()).contains(feed);
        assertThat(thresholds.inForce("death.cremation", september).value(QualityRule.ANOMALY_RATE_MAX))
                .as("an override is for its own feed only").isEqualByComparingTo("0.05");
    }

    @Test
    void data12_aThresholdCannotBeBackDated_norTakeAValueItsRuleDoesNotAllow() {
        assertThatThrownBy(() -> thresholds.change(new ThresholdChange(Optional.empty(), QualityRule.INGESTION_RATE_MIN,
                new BigDecimal("0.8"), YearMonth.of(2026, 5), "质量管理员", "追溯")))
                .isInstanceOf(QualityException.class).hasMessageContaining("before the current month 2026-06");
        assertThatThrownBy(() -> thresholds.change(new ThresholdChange(Optional.empty(), QualityRule.INGESTION_RATE_MIN,
                new BigDecimal("1.5"), YearMonth.of(2026, 7), "质量管理员", "错误")))
                .isInstanceOf(QualityException.class).hasMessageContaining("must be from 0 to 1");
        assertThatThrownBy(() -> thresholds.change(new ThresholdChange(Optional.of("death.nothing"),
                QualityRule.HISTORY_WINDOW, new BigDecimal("2.5"), YearMonth.of(2026, 7), " ", "x")))
                .isInstanceOf(QualityException.class)
                .hasMessageContaining("the catalogue has no feed death.nothing")
                .hasMessageContaining("must be a whole number")
                .hasMessageContaining("officer");
    }

    @Test
    void data12_theShippedOverridesRelaxCommunityReportsAndRegistryFeedsOnly() {
        ThresholdSet community = thresholds.inForce("death.community_report", MARCH);
        ThresholdSet police = thresholds.inForce(QualityFixture.DEATHS, MARCH);
        ThresholdSet household = thresholds.inForce("registry.household", MARCH);

        assertThat(community.value(QualityRule.ANOMALY_RATE_MAX)).isEqualByComparingTo("0.50");
        assertThat(community.value(QualityRule.DUPLICATE_RATE_MAX)).isEqualByComparingTo("0.05");
        assertThat(community.value(QualityRule.RECORDED_RATE_MIN)).as("not overridden").isEqualByComparingTo("0.30");
        assertThat(community.values().get(QualityRule.RECORDED_RATE_MIN).feed()).isEmpty();
        assertThat(police.value(QualityRule.ANOMALY_RATE_MAX)).isEqualByComparingTo("0.05");
        assertThat(household.value(QualityRule.RECORDED_RATE_MIN)).isEqualByComparingTo("0");
        assertThat(police.value(QualityRule.RECORDED_RATE_MIN)).isEqualByComparingTo("0.30");
    }

    private long facts(long deliveryId) {
        return jdbc.sql("select count(*) from sharing.fact where delivery_id = :id").param("id", deliveryId)
                .query(Long.class).single();
    }

    private String status(long deliveryId) {
        return jdbc.sql("select status from sharing.delivery where id = :id").param("id", deliveryId)
                .query(String.class).single();
    }
}
