package org.vigil.certification;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a recipient's eligibility depends on besides evidence: the benefit (CERT-1), a dependent's
 * relation to the deceased worker (CERT-9), the birth date (a dependent under 16 has no period,
 * CERT-3), the confirmed start of the benefit and the latest certification (where the period
 * starts, CERT-4), and a period the agency extended by benefit level (CERT-3).
 *
 * @param lastCertified        the latest certification, none for a recipient never certified
 * @param extendedPeriodMonths the agency's longer period for this recipient, or 0 for the policy's
 */
public record Entitlement(BenefitKind benefit, DependentRelation relation, LocalDate birthDate, LocalDate benefitStart,
        LocalDate lastCertified, int extendedPeriodMonths) {

    public Entitlement {
        Objects.requireNonNull(benefit, "benefit");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(benefitStart, "benefitStart");
        if ((benefit == BenefitKind.DEPENDENT) != (relation != null)) {
            throw new IllegalArgumentException("a dependent's benefit, and only that, has a relation to the deceased worker");
        }
        if (extendedPeriodMonths < 0) {
            throw new IllegalArgumentException("a period is not negative: " + extendedPeriodMonths);
        }
    }

    /** Where the current period started: the latest certification, else the confirmed start of the benefit (CERT-4). */
    public LocalDate periodStart() {
        return lastCertified != null && lastCertified.isAfter(benefitStart) ? lastCertified : benefitStart;
    }

    public boolean isDependent() {
        return benefit == BenefitKind.DEPENDENT;
    }
}
