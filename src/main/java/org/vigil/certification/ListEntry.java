package org.vigil.certification;

import java.util.List;

import org.vigil.identity.Money;

/**
 * One recipient on one of a month's lists, with what a community worker needs to act on it: who,
 * which benefit and amount, why (the first reason), the dates, the ledger bucket (CERT-11), where
 * the recipient is listed (CERT-2) and the evidence (CERT-19).
 */
public record ListEntry(long recipientId, String idNumber, String name, BenefitKind benefit, Money monthlyAmount,
        Decision decision, Jurisdiction jurisdiction) {

    public EligibilityStatus status() {
        return decision.status();
    }

    public Decision.Reason reason() {
        return decision.reason();
    }

    public List<EvidenceRef> evidence() {
        return decision.evidence();
    }
}
