package org.vigil.certification;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The monthly silent verification of every recipient (CERT-6, 第十五条): for a month and an as-of
 * date, each recipient's evidence from the departments is weighed by {@link EligibilityRules} under
 * the policy in force on that date, and the three lists (CERT-7) are stored with the reasons and
 * evidence of every entry (CERT-19). A month is re-run with the same answer: the certification
 * period of a month starts from the baseline and from certifications of earlier months only.
 */
public interface MonthlyVerification {

    /** The day before the policy's run day of the month (the 24th under the shipped policy). */
    LocalDate defaultAsOf(YearMonth month);

    /**
     * Decides every recipient for the month and stores the decisions, the certifications they
     * record and the run, in one transaction; then publishes {@link MonthVerified}. Run again with
     * the same as-of date and the same evidence, it changes nothing.
     *
     * @param asOf the business date, within the month
     * @throws IllegalArgumentException when the as-of date is not in the month or no policy was in force
     */
    MonthlyRunResult verify(YearMonth month, LocalDate asOf);

    /**
     * Decides the month under another policy, stores nothing, and compares with the month's stored
     * decisions: who would change list, and the monthly amounts involved.
     *
     * @param asOf the business date; the stored run's when null
     * @throws IllegalStateException when the month has not been run
     */
    DryRunReport dryRun(YearMonth month, LocalDate asOf, PolicyBook policies);
}
