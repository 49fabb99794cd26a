package org.vigil.sharing.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.vigil.sharing.DeliveryCounts;
import org.vigil.sharing.catalogue.Cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The arithmetic of the quality rules, without a database. */
class QualityRulesTest {

    // 100 read: 80 accepted (70 linked), 8 rejected, 4 to review, 3 duplicates, 5 age-filtered
    static final DeliveryCounts COUNTS = new DeliveryCounts(100, 80, 8, 4, 3, 5, 70, 300, 290, 80, 0);

    @Test
    void data12_theFiveRatesAreTheCountsDeliveryCountsDefines() {
        assertThat(ratio(QualityMetric.INGESTION.of(COUNTS))).isCloseTo(COUNTS.ingestionRate(), within(1e-12));
        assertThat(ratio(QualityMetric.COMPLETENESS.of(COUNTS))).isCloseTo(COUNTS.completenessRate(), within(1e-12));
        assertThat(ratio(QualityMetric.RECORDED.of(COUNTS))).isCloseTo(COUNTS.recordedRate(), within(1e-12));
        assertThat(ratio(QualityMetric.ANOMALY.of(COUNTS))).isCloseTo(COUNTS.anomalyRate(), within(1e-12));
        assertThat(ratio(QualityMetric.DUPLICATE.of(COUNTS))).isCloseTo(COUNTS.duplicateRate(), within(1e-12));
        assertThat(QualityMetric.INGESTION.of(COUNTS)).isEqualTo(new Rate(80, 95));
        assertThat(QualityMetric.ANOMALY.of(COUNTS)).isEqualTo(new Rate(12, 100));
    }

    @Test
    void data12_aRateIsJudgedExactlyAtItsThreshold() {
        BigDecimal min = new BigDecimal("0.95");
        assertThat(QualityMetric.COMPLETENESS.meets(new Rate(95, 100), min)).isTrue();
        assertThat(QualityMetric.COMPLETENESS.meets(new Rate(94, 100), min)).isFalse();
        // 19/20 is 0.95 exactly although no binary double says so
        assertThat(QualityMetric.COMPLETENESS.meets(new Rate(19, 20), min)).isTrue();
        BigDecimal max = new BigDecimal("0.05");
        assertThat(QualityMetric.ANOMALY.meets(new Rate(5, 100), max)).isTrue();
        assertThat(QualityMetric.ANOMALY.meets(new Rate(6, 100), max)).isFalse();
        assertThat(QualityMetric.ANOMALY.meets(Rate.NONE, max)).as("nothing measured, nothing wrong").isTrue();
    }

    @Test
    void data12_aggregateRatesAddCountsNotRatios() {
        Rate big = new Rate(900, 1000);
        Rate small = new Rate(1, 10);
        Rate sum = big.plus(small);
        assertThat(sum).isEqualTo(new Rate(901, 1010));
        assertThat(sum.value()).contains(new BigDecimal("0.8921"));
        assertThat(Rate.NONE.value()).isEmpty();
        assertThat(new Rate(2, 3).percent()).isEqualTo("66.7%");
    }

    @Test
    void data12_strainPicksTheFigureFurthestBeyondItsThreshold() {
        // 20 % anomalies against a 5 % maximum strain 4×; 80 % ingestion against 90 % strains 2×
        assertThat(QualityMetric.ANOMALY.strain(new Rate(20, 100), new BigDecimal("0.05"))).isCloseTo(4, within(1e-9));
        assertThat(QualityMetric.INGESTION.strain(new Rate(80, 100), new BigDecimal("0.90"))).isCloseTo(2, within(1e-9));
        assertThat(QualityMetric.INGESTION.strain(new Rate(95, 100), new BigDecimal("0.90"))).isLessThan(1);
    }

    @Test
    void data12_historyMedianIsTheMiddleValue() {
        assertThat(ThresholdGate.median(new long[] {9, 10, 11})).isEqualByComparingTo("10");
        assertThat(ThresholdGate.median(new long[] {9, 10, 11, 40})).isEqualByComparingTo("10.5");
        assertThat(ThresholdGate.median(new long[] {7})).isEqualByComparingTo("7");
    }

    @Test
    void share5_deliveryPeriodsFollowTheCalendar_andAreDueFifteenDaysAfter() {
        DeliveryPeriod quarter = DeliveryPeriod.containing(YearMonth.of(2026, 5), Cadence.QUARTERLY);
        assertThat(quarter).isEqualTo(new DeliveryPeriod(YearMonth.of(2026, 4), YearMonth.of(2026, 6)));
        assertThat(quarter.dueDate(15)).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(quarter.next()).isEqualTo(new DeliveryPeriod(YearMonth.of(2026, 7), YearMonth.of(2026, 9)));
        assertThat(DeliveryPeriod.containing(YearMonth.of(2026, 2), Cadence.MONTHLY).dueDate(15))
                .isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(DeliveryPeriod.containing(YearMonth.of(2026, 8), Cadence.HALF_YEARLY))
                .isEqualTo(new DeliveryPeriod(YearMonth.of(2026, 7), YearMonth.of(2026, 12)));
        assertThat(DeliveryPeriod.containing(YearMonth.of(2026, 8), Cadence.YEARLY).next().start())
                .isEqualTo(YearMonth.of(2027, 1));
        assertThatThrownBy(() -> DeliveryPeriod.containing(YearMonth.of(2026, 8), Cadence.ONCE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void data8_eachRuleTakesOnlyTheValuesItsKindAllows() {
        assertThat(QualityRule.ANOMALY_RATE_MAX.refusal(new BigDecimal("0.05"))).isEmpty();
        assertThat(QualityRule.ANOMALY_RATE_MAX.refusal(new BigDecimal("-0.01"))).isPresent();
        assertThat(QualityRule.MIN_ROWS_FOR_RATES.refusal(new BigDecimal("20"))).isEmpty();
        assertThat(QualityRule.MIN_ROWS_FOR_RATES.refusal(new BigDecimal("20.5"))).isPresent();
        assertThat(QualityRule.HISTORY_WINDOW.refusal(BigDecimal.ZERO)).isPresent();
        assertThat(QualityRule.HISTORY_FACTOR.refusal(BigDecimal.ONE)).isPresent();
        assertThat(QualityRule.HISTORY_FACTOR.refusal(new BigDecimal("5"))).isEmpty();
        assertThat(QualityRule.ANOMALY_RATE_MAX.metric()).contains(QualityMetric.ANOMALY);
        assertThat(QualityRule.HISTORY_FACTOR.metric()).isEmpty();
    }

    private static double ratio(Rate r) {
        return (double) r.numerator() / r.denominator();
    }
}
