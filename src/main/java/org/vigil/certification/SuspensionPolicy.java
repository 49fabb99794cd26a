package org.vigil.certification;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One version of the suspension policy, in force from a date: the circuit breaker's limits and
 * how a month's money is counted. Kept apart from {@link CertificationPolicy} because it governs
 * payment, not eligibility, and changes on its own; the release day stays the certification
 * policy's {@code suspensionByDay} (第二十五条).
 *
 * @param breaker        the breaker's limits (CERT-16)
 * @param usualMonths    how many earlier batches make the usual month
 * @param minSuspensions a batch, district or source with fewer suspensions is not judged by share:
 *                       three suspensions of twenty recipients is a small city, not a broken feed
 * @param lossMonthOwed  whether the month in which the right ended is still paid (the month of death
 *                       is owed, ADR 0018), for overpayments and the months a restoration leaves out
 */
public record SuspensionPolicy(String version, LocalDate effectiveFrom, SuspensionBreaker.Limits breaker, int usualMonths,
        long minSuspensions, boolean lossMonthOwed) {

    public SuspensionPolicy {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(breaker, "breaker");
        if (usualMonths < 1 || usualMonths > 24) {
            throw new IllegalArgumentException("the usual month is taken over 1 to 24 earlier batches, not " + usualMonths);
        }
        if (minSuspensions < 0) {
            throw new IllegalArgumentException("minSuspensions is not negative");
        }
    }
}
