package org.vigil.certification;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One line of the policy's evidence catalogue: what a kind of evidence does (CERT-8 qualifies,
 * CERT-9 disqualifies), how strong its source is, and for which benefits it counts.
 */
public record EvidenceRule(String kind, String title, EvidenceEffect effect, EvidenceStrength strength,
        Set<BenefitKind> benefits) {

    public EvidenceRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(strength, "strength");
        if (kind.isBlank()) {
            throw new IllegalArgumentException("an evidence kind has a name");
        }
        title = title == null || title.isBlank() ? kind : title;
        benefits = benefits == null || benefits.isEmpty() ? EnumSet.allOf(BenefitKind.class) : Set.copyOf(benefits);
        if (effect.dependentOnly() && !benefits.equals(Set.of(BenefitKind.DEPENDENT))) {
            throw new IllegalArgumentException(kind + ": " + effect + " ends only a work-injury dependent's benefit");
        }
    }

    /** Whether this evidence bears on the given recipient's benefit at all. */
    public boolean appliesTo(Entitlement entitlement) {
        if (!benefits.contains(entitlement.benefit())) {
            return false;
        }
        return switch (effect) {
            case REMARRIED -> entitlement.relation() == DependentRelation.SPOUSE;
            case ADOPTED, EMPLOYED, ENLISTED -> entitlement.relation() == DependentRelation.CHILD
                    || entitlement.relation() == DependentRelation.GRANDCHILD
                    || entitlement.relation() == DependentRelation.SIBLING;
            default -> true;
        };
    }
}
