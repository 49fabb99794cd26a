package org.vigil.sharing.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

/** One recorded value of a rule, as the register keeps it: the history of every threshold. */
public record ThresholdEntry(long id, Optional<String> feed, QualityRule rule, BigDecimal value, YearMonth effectiveFrom,
        String recordedBy, Instant recordedAt, String note) {
}
