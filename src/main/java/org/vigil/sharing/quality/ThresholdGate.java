package org.vigil.sharing.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vigil.sharing.DeliveryCounts;

/**
 * The quality gate (DATA-12, DATA-13): a delivery is held when one of the five rates misses the
 * threshold in force for its feed and month, or when its size is far from what the same provider
 * usually delivers for the feed. Holding is cheap (an officer releases it with one action) and a
 * wrongly applied file is not (a broken death feed can suspend pensions), so the gate errs towards
 * holding. Every hold also issues a rectification notice for each finding, since the provider must
 * correct its data whether or not the officer releases this file.
 */
@Component
class ThresholdGate implements QualityGate {

    private static final Logger log = LoggerFactory.getLogger(ThresholdGate.class);

    private final QualityThresholds thresholds;
    private final DeliveryLedger ledger;
    private final JdbcRectifications rectifications;

    ThresholdGate(QualityThresholds thresholds, DeliveryLedger ledger, JdbcRectifications rectifications) {
        this.thresholds = thresholds;
        this.ledger = ledger;
        this.rectifications = rectifications;
    }

    /** One reason to hold, and the issue it is about. */
    record Finding(QualityIssue issue, String text) {
    }

    @Override
    public GateDecision judge(String provider, String feed, YearMonth month, DeliveryCounts counts) {
        List<Finding> findings = findings(provider, feed, month, counts);
        if (findings.isEmpty()) {
            return GateDecision.PASS;
        }
        for (Finding f : findings) {
            rectifications.raise(provider, feed, f.issue(), month, f.text());
        }
        log.info("Holding a delivery of {} {} for {}: {} finding(s)", provider, feed, month, findings.size());
        return GateDecision.hold(findings.stream().map(Finding::text).toList());
    }

    /** Every finding against a delivery, without acting on it. */
    List<Finding> findings(String provider, String feed, YearMonth month, DeliveryCounts counts) {
        ThresholdSet t = thresholds.inForce(feed, month);
        List<Finding> findings = new ArrayList<>(rateFindings(t, counts.rowsRead(), m -> m.of(counts)));
        long window = t.count(QualityRule.HISTORY_WINDOW);
        List<DeliveryLedger.Volume> history = ledger.recentApplied(provider, feed, month, window);
        if (history.size() >= t.count(QualityRule.HISTORY_MIN_DELIVERIES) && !history.isEmpty()) {
            historyFinding(t, QualityIssue.ROWS_VS_HISTORY, "行数", "rows", counts.rowsRead(), history,
                    DeliveryLedger.Volume::rowsRead, findings);
            historyFinding(t, QualityIssue.ACCEPTED_VS_HISTORY, "入库条数", "accepted rows", counts.accepted(), history,
                    DeliveryLedger.Volume::accepted, findings);
        }
        return findings;
    }

    /** The rates that miss their thresholds, when there are enough rows to judge them. */
    static List<Finding> rateFindings(ThresholdSet t, long rowsRead,
            java.util.function.Function<QualityMetric, Rate> rateOf) {
        List<Finding> findings = new ArrayList<>();
        if (rowsRead < t.count(QualityRule.MIN_ROWS_FOR_RATES)) {
            return findings;
        }
        for (QualityMetric metric : QualityMetric.values()) {
            Rate rate = rateOf.apply(metric);
            BigDecimal threshold = t.threshold(metric);
            if (!metric.meets(rate, threshold)) {
                findings.add(new Finding(QualityIssue.of(metric), describe(metric, rate, threshold)));
            }
        }
        return findings;
    }

    static String describe(QualityMetric metric, Rate rate, BigDecimal threshold) {
        boolean minimum = metric.bound() == QualityMetric.Bound.AT_LEAST;
        return metric.chinese() + " " + rate.percent() + "（" + rate.numerator() + "/" + rate.denominator() + "）"
                + (minimum ? "低于下限 " : "高于上限 ") + Rate.percent(threshold) + " / " + metric.english() + " "
                + rate.percent() + " (" + rate.numerator() + " of " + rate.denominator() + ") is "
                + (minimum ? "below the minimum " : "above the maximum ") + Rate.percent(threshold);
    }

    private static void historyFinding(ThresholdSet t, QualityIssue issue, String chinese, String english, long value,
            List<DeliveryLedger.Volume> history, ToLongFunction<DeliveryLedger.Volume> measure, List<Finding> findings) {
        BigDecimal median = median(history.stream().mapToLong(measure).sorted().toArray());
        BigDecimal factor = t.value(QualityRule.HISTORY_FACTOR);
        BigDecimal current = BigDecimal.valueOf(value);
        // a usually empty feed still has a ceiling: factor × 1 rather than factor × 0
        BigDecimal ceiling = factor.multiply(median.max(BigDecimal.ONE));
        String basis = "本单位该数据项近 " + history.size() + " 次已入库报送的中位数 " + plain(median);
        String basisEnglish = "the median " + plain(median) + " of this provider's last " + history.size()
                + " applied deliveries of the feed";
        if (current.compareTo(ceiling) > 0) {
            findings.add(new Finding(issue, chinese + " " + value + " 超过" + basis + " 的 " + plain(factor) + " 倍 / "
                    + value + " " + english + " is more than " + plain(factor) + " times " + basisEnglish));
        }
        else if (median.compareTo(t.value(QualityRule.HISTORY_MIN_MEDIAN)) >= 0
                && current.multiply(factor).compareTo(median) < 0) {
            findings.add(new Finding(issue, chinese + " " + value + " 不足" + basis + " 的 1/" + plain(factor) + " / "
                    + value + " " + english + " is less than 1/" + plain(factor) + " of " + basisEnglish));
        }
    }

    /** The median of sorted values: the middle one, or the mean of the two middle ones. */
    static BigDecimal median(long[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (n % 2 == 1) {
            return BigDecimal.valueOf(sorted[n / 2]);
        }
        return BigDecimal.valueOf(sorted[n / 2 - 1]).add(BigDecimal.valueOf(sorted[n / 2]))
                .divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
