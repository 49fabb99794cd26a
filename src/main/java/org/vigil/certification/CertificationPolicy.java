package org.vigil.certification;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of the certification policy, in force from a date (CERT-3): period lengths, the
 * ledger offsets, the day limits of the monthly run and the suspension batch, the age of the
 * home-visit ledger, how contradictions are handled, and the evidence catalogue. Only the city
 * administrator changes it; a change is a new version, so a past month re-run uses the policy
 * that was in force then.
 *
 * @param dependentMinorAge          below this age a dependent has no period (16, 第十条)
 * @param dependentPeriodMonths      a dependent's period from that age (6, 第十条)
 * @param standardPeriodMonths       everyone else's period (12, 第十一条)
 * @param maxPeriodMonths            the longest period an agency may grant by benefit level (24, 第十一条)
 * @param periodFromMinorAge         a dependent's first period starts on the birthday that ends the
 *                                   minority, when that is later than the last certification
 *                                   (ADR 0015); otherwise at the last certification
 * @param ledgerMonths               the CERT-11 ledgers, in months before the period ends (1, 2, 3)
 * @param homeVisitAge               the age from which a recipient is on the home-visit ledger (80, 第二十三条)
 * @param runBeforeDay               the monthly verification runs before this day of the month (25, 第十五条)
 * @param suspensionByDay            the suspension batch is released by this day of the next month (8, 第二十五条)
 * @param investigateContradictions  a conclusive death followed by signs of life goes to people, not
 *                                   to the disqualified list
 */
public record CertificationPolicy(String version, LocalDate effectiveFrom, int dependentMinorAge,
        int dependentPeriodMonths, int standardPeriodMonths, int maxPeriodMonths, boolean periodFromMinorAge,
        List<Integer> ledgerMonths, int homeVisitAge, int runBeforeDay, int suspensionByDay,
        boolean investigateContradictions, Map<String, EvidenceRule> evidence) {

    public CertificationPolicy {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        ledgerMonths = List.copyOf(ledgerMonths);
        evidence = Map.copyOf(new LinkedHashMap<>(evidence));
        if (dependentMinorAge < 0 || dependentPeriodMonths < 1 || standardPeriodMonths < 1) {
            throw new IllegalArgumentException("periods are at least one month and the minor age not negative");
        }
        if (maxPeriodMonths < standardPeriodMonths || maxPeriodMonths > 24) {
            throw new IllegalArgumentException("the longest period is between the standard one and 24 months (第十一条), not "
                    + maxPeriodMonths);
        }
        if (ledgerMonths.isEmpty() || !ledgerMonths.stream().allMatch(m -> m >= 1 && m <= 3)
                || ledgerMonths.stream().distinct().sorted().toList().size() != ledgerMonths.size()
                || !ledgerMonths.stream().sorted().toList().equals(ledgerMonths)) {
            throw new IllegalArgumentException("ledgers are kept at distinct months among 1, 2, 3 in ascending order, not "
                    + ledgerMonths);
        }
        if (runBeforeDay < 2 || runBeforeDay > 28 || suspensionByDay < 1 || suspensionByDay > 28) {
            throw new IllegalArgumentException("the run and suspension days are days of every month (2–28, 1–28)");
        }
        for (Map.Entry<String, EvidenceRule> e : evidence.entrySet()) {
            if (!e.getKey().equals(e.getValue().kind())) {
                throw new IllegalArgumentException("evidence catalogue key " + e.getKey() + " names rule " + e.getValue().kind());
            }
        }
    }

    public Optional<EvidenceRule> rule(String kind) {
        return Optional.ofNullable(evidence.get(kind));
    }

    /**
     * The period of a recipient at {@code asOf} in months, or 0 where there is none (a dependent
     * under the minor age). A longer period granted by benefit level is capped at the maximum.
     */
    public int periodMonths(Entitlement entitlement, LocalDate asOf) {
        if (entitlement.isDependent()) {
            return isMinor(entitlement, asOf) ? 0 : dependentPeriodMonths;
        }
        if (entitlement.extendedPeriodMonths() > 0) {
            return Math.min(Math.max(entitlement.extendedPeriodMonths(), standardPeriodMonths), maxPeriodMonths);
        }
        return standardPeriodMonths;
    }

    /** Whether a dependent is still under the minor age on {@code date}. */
    public boolean isMinor(Entitlement entitlement, LocalDate date) {
        return entitlement.isDependent() && date.isBefore(entitlement.birthDate().plusYears(dependentMinorAge));
    }

    /** Where the current period started, given the policy's rule for dependents leaving minority. */
    public LocalDate periodStart(Entitlement entitlement) {
        LocalDate start = entitlement.periodStart();
        if (entitlement.isDependent() && periodFromMinorAge) {
            LocalDate grownUp = entitlement.birthDate().plusYears(dependentMinorAge);
            if (grownUp.isAfter(start)) {
                return grownUp;
            }
        }
        return start;
    }
}
