package org.vigil.sharing.quality;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * The value a rule has for a feed in a month, and where it comes from.
 *
 * @param value         the number (a fraction for rates)
 * @param feed          the feed whose override it is; empty for the default of every feed
 * @param effectiveFrom the first month it applies to
 */
public record ThresholdValue(BigDecimal value, Optional<String> feed, YearMonth effectiveFrom) {

    public ThresholdValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    }
}
