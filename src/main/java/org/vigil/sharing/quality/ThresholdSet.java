package org.vigil.sharing.quality;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every rule's value in force for one feed's deliveries of one month: the feed's own override
 * where it has one in force, else the default.
 *
 * @param feed   the feed code; empty for the defaults alone
 * @param month  the delivery month the values are in force for
 * @param values a value for every {@link QualityRule}
 */
public record ThresholdSet(Optional<String> feed, YearMonth month, Map<QualityRule, ThresholdValue> values) {

    public ThresholdSet {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(month, "month");
        EnumMap<QualityRule, ThresholdValue> copy = new EnumMap<>(QualityRule.class);
        copy.putAll(values);
        for (QualityRule rule : QualityRule.values()) {
            if (!copy.containsKey(rule)) {
                throw new IllegalArgumentException("no value in force for " + rule + " of " + feed.orElse("every feed") + " in " + month);
            }
        }
        values = Collections.unmodifiableMap(copy);
    }

    public BigDecimal value(QualityRule rule) {
        return values.get(rule).value();
    }

    /** The threshold of one of the five rates. */
    public BigDecimal threshold(QualityMetric metric) {
        return value(metric.rule());
    }

    /** A count or window rule as a whole number. */
    public long count(QualityRule rule) {
        return value(rule).longValueExact();
    }
}
