package org.vigil.sharing.quality;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * A new value for a rule from a month on (DATA-8: parameters change through the system, and the
 * change stays on record with who made it and why).
 *
 * @param feed          the feed it overrides the default for; empty to change the default of every feed
 * @param rule          which rule
 * @param value         the new value: a fraction for rates (0.95), a whole number for counts
 * @param effectiveFrom the first delivery month it applies to; not before the current month, so a
 *                      month already judged is never judged differently afterwards
 * @param officer       who made the change
 * @param note          why
 */
public record ThresholdChange(Optional<String> feed, QualityRule rule, BigDecimal value, YearMonth effectiveFrom,
        String officer, String note) {

    public ThresholdChange {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    }
}
