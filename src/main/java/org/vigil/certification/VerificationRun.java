package org.vigil.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A month's stored verification: as of which date and under which policy version its decisions
 * were taken, how often they were taken again with a different result (the revision), and the
 * sizes of the three lists (CERT-7).
 *
 * @param revision    1 for the first run; one more whenever a later run of the month changed anything
 * @param startedAt   when the run that produced the stored revision started
 * @param certified   recipients certified by this month's evidence (CERT-4: their period restarts)
 * @param investigate recipients on the to-be-verified list whose evidence contradicts itself
 * @param changed     rows the stored revision changed: decisions, certifications and the run itself
 */
public record VerificationRun(YearMonth month, LocalDate asOf, String policyVersion, int revision, Instant startedAt,
        Instant finishedAt, long recipients, long qualified, long disqualified, long toBeVerified, long investigate,
        long certified, long changed) {

    public long count(EligibilityStatus status) {
        return switch (status) {
            case QUALIFIED -> qualified;
            case DISQUALIFIED -> disqualified;
            case TO_BE_VERIFIED -> toBeVerified;
        };
    }
}
