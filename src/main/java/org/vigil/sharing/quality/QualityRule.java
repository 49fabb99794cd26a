package org.vigil.sharing.quality;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One number the quality rules depend on. Each is effective-dated data in
 * {@code sharing.quality_threshold}: a default for every feed, and overrides per feed code, each
 * from a month on (see {@link QualityThresholds}). Defaults and the reasons for them are in
 * {@code docs/data-quality.md}.
 */
public enum QualityRule {

    INGESTION_RATE_MIN("入库率下限", "minimum ingestion rate", Kind.RATE),
    COMPLETENESS_RATE_MIN("齐全率下限", "minimum completeness rate", Kind.RATE),
    RECORDED_RATE_MIN("记实率下限", "minimum recorded rate", Kind.RATE),
    ANOMALY_RATE_MAX("异常率上限", "maximum anomaly rate", Kind.RATE),
    DUPLICATE_RATE_MAX("重复率上限", "maximum duplicate rate", Kind.RATE),
    /**
     * Rates are judged only on a delivery (or a month, or a year) of at least this many rows: in a
     * file of thirty rows one repeated row is 3 %, which says nothing about the provider. From 100
     * rows on, chance moves a rate by a few points at most. Small deliveries are judged together, in
     * the monthly check and the yearly evaluation.
     */
    MIN_ROWS_FOR_RATES("判定比率的最少行数", "fewest rows for judging rates", Kind.COUNT),
    /** How many of the provider's latest applied deliveries of the feed make its history. */
    HISTORY_WINDOW("历史比较的报送次数", "deliveries in the history", Kind.COUNT),
    /** The history check runs only when the provider has at least this many earlier applied deliveries. */
    HISTORY_MIN_DELIVERIES("历史比较的最少报送次数", "fewest earlier deliveries for the history check", Kind.COUNT),
    /** A delivery with more than this many times, or less than this fraction of, the history's median is held. */
    HISTORY_FACTOR("偏离历史中位数的倍数", "times the history median", Kind.FACTOR),
    /**
     * A drop below the median's fraction is judged only when the median is at least this: a
     * provider that usually reports three deaths may well report none.
     */
    HISTORY_MIN_MEDIAN("判定骤降的最小中位数", "smallest median for judging a drop", Kind.COUNT),
    /** The yearly evaluation's minimum share of delivery periods delivered by their due date (SHARE-5, SHARE-9). */
    ON_TIME_SHARE_MIN("按时报送率下限", "minimum on-time share", Kind.RATE);

    /** What kind of number a rule takes, and so which values are allowed. */
    public enum Kind {
        /** A fraction from 0 to 1. */
        RATE,
        /** A whole number, 0 or more. */
        COUNT,
        /** A factor above 1. */
        FACTOR
    }

    private final String chinese;
    private final String english;
    private final Kind kind;

    QualityRule(String chinese, String english, Kind kind) {
        this.chinese = chinese;
        this.english = english;
        this.kind = kind;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    public Kind kind() {
        return kind;
    }

    /** The metric this rule bounds, for the five rate thresholds. */
    public Optional<QualityMetric> metric() {
        for (QualityMetric m : QualityMetric.values()) {
            if (m.rule() == this) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Why a value does not fit this rule, in Chinese and English; empty when it fits. */
    public Optional<String> refusal(BigDecimal value) {
        if (value == null) {
            return Optional.of("缺少数值 / a value is required");
        }
        return switch (kind) {
            case RATE -> value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0
                    ? Optional.of(chinese + "应在 0 到 1 之间 / " + english + " must be from 0 to 1, found " + value.toPlainString())
                    : Optional.empty();
            case COUNT -> value.signum() < 0 || value.stripTrailingZeros().scale() > 0
                    || (this == HISTORY_WINDOW && value.signum() == 0)
                    ? Optional.of(chinese + "应为" + (this == HISTORY_WINDOW ? "正" : "非负") + "整数 / " + english
                            + " must be a whole number" + (this == HISTORY_WINDOW ? " above 0" : " of 0 or more")
                            + ", found " + value.toPlainString())
                    : Optional.empty();
            case FACTOR -> value.compareTo(BigDecimal.ONE) <= 0
                    ? Optional.of(chinese + "应大于 1 / " + english + " must be above 1, found " + value.toPlainString())
                    : Optional.empty();
        };
    }
}
