package org.vigil.certification;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Published when a month's verification is stored, so suspension, recovery and the ledgers can
 * take up the lists without reading this module's tables. A repeat that changed nothing is
 * published too, with {@code changed} 0.
 */
public record MonthVerified(YearMonth month, LocalDate asOf, String policyVersion, int revision, long qualified,
        long disqualified, long toBeVerified, long changed) {
}
