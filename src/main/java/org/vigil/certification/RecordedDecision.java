package org.vigil.certification;

import org.vigil.identity.Money;

/** A stored decision about one of a person's benefits, with the benefit it is about. */
public record RecordedDecision(long recipientId, String idNumber, String name, BenefitKind benefit,
        DependentRelation relation, Money monthlyAmount, Decision decision, Jurisdiction jurisdiction) {
}
