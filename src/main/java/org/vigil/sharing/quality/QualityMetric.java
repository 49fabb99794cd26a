package org.vigil.sharing.quality;

import java.math.BigDecimal;
import java.util.Objects;

import org.vigil.sharing.DeliveryCounts;

/**
 * The five DATA-12 quality rates (004 第十四条), each a numerator over a denominator taken from a
 * delivery's {@link DeliveryCounts}, exactly as that record's own rate methods define them.
 * Keeping numerator and denominator, not only the ratio, is what lets months and years be
 * aggregated correctly (sum of numerators over sum of denominators, never an average of ratios).
 */
public enum QualityMetric {

    /** 入库率: accepted rows over the rows read that the provider meant to deliver (all but age-filtered). */
    INGESTION("入库率", "ingestion rate", Bound.AT_LEAST),
    /** 齐全率: filled cells of the catalogue's required columns over the cells expected. */
    COMPLETENESS("齐全率", "completeness rate", Bound.AT_LEAST),
    /** 记实率: accepted rows that name a registry person by ID, over the accepted rows. */
    RECORDED("记实率", "recorded rate", Bound.AT_LEAST),
    /** 异常率: rejected rows plus rows without a usable ID (to review), over the rows read. */
    ANOMALY("异常率", "anomaly rate", Bound.AT_MOST),
    /** 重复率: exact repeats of an earlier row of the same file, over the rows read. */
    DUPLICATE("重复率", "duplicate rate", Bound.AT_MOST);

    /** Which side of its threshold a metric must stay on. */
    public enum Bound {
        /** Good when at least the threshold: a minimum. */
        AT_LEAST,
        /** Good when at most the threshold: a maximum. */
        AT_MOST;

        /**
         * How far beyond its threshold a rate lies, as a multiple of what the threshold tolerates:
         * for a minimum, the failing share over the share allowed to fail; for a maximum, the rate
         * over the maximum. Above 1 means the threshold is missed; used to pick the weakest figure.
         * A rate with nothing to measure strains nothing.
         */
        public double strain(Rate rate, BigDecimal threshold) {
            if (rate.denominator() == 0) {
                return 0;
            }
            double value = (double) rate.numerator() / rate.denominator();
            double limit = threshold.doubleValue();
            double bad = this == AT_LEAST ? 1 - value : value;
            double tolerated = this == AT_LEAST ? 1 - limit : limit;
            if (tolerated <= 0) {
                return bad <= 0 ? 0 : Double.POSITIVE_INFINITY;
            }
            return bad / tolerated;
        }
    }

    private final String chinese;
    private final String english;
    private final Bound bound;

    QualityMetric(String chinese, String english, Bound bound) {
        this.chinese = chinese;
        this.english = english;
        this.bound = bound;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    public Bound bound() {
        return bound;
    }

    /** The threshold rule that bounds this metric. */
    public QualityRule rule() {
        return switch (this) {
            case INGESTION -> QualityRule.INGESTION_RATE_MIN;
            case COMPLETENESS -> QualityRule.COMPLETENESS_RATE_MIN;
            case RECORDED -> QualityRule.RECORDED_RATE_MIN;
            case ANOMALY -> QualityRule.ANOMALY_RATE_MAX;
            case DUPLICATE -> QualityRule.DUPLICATE_RATE_MAX;
        };
    }

    /** The rate of one delivery. */
    public Rate of(DeliveryCounts c) {
        return switch (this) {
            case INGESTION -> new Rate(c.accepted(), c.rowsRead() - c.ageFiltered());
            case COMPLETENESS -> new Rate(c.cellsFilled(), c.cellsExpected());
            case RECORDED -> new Rate(c.linked(), c.accepted());
            case ANOMALY -> new Rate(c.rejected() + c.review(), c.rowsRead());
            case DUPLICATE -> new Rate(c.duplicates(), c.rowsRead());
        };
    }

    /**
     * Whether a rate keeps within its threshold. Compared exactly (numerator against threshold times
     * denominator), so 95 of 100 meets a minimum of 0.95 however the ratio would round. A rate with
     * nothing to measure (denominator 0) always meets it: there is nothing wrong to report.
     */
    public boolean meets(Rate rate, BigDecimal threshold) {
        Objects.requireNonNull(threshold, "threshold");
        if (rate.denominator() == 0) {
            return true;
        }
        int side = BigDecimal.valueOf(rate.numerator())
                .compareTo(threshold.multiply(BigDecimal.valueOf(rate.denominator())));
        return bound == Bound.AT_LEAST ? side >= 0 : side <= 0;
    }

    /** How far beyond its threshold a rate of this metric lies; see {@link Bound#strain}. */
    public double strain(Rate rate, BigDecimal threshold) {
        return bound.strain(rate, threshold);
    }
}
