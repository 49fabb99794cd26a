package org.vigil.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A recipient's monthly verification result with everything needed to explain it: the list
 * (CERT-7), the reasons, the date eligibility ended for a loss (the date of death, not the date
 * Vigil heard of it: overpayment is counted from it), the new certification date for a qualifying
 * one, the period's end and ledger bucket for one to be verified (CERT-11), and the evidence
 * used (CERT-19).
 *
 * @param lossFrom           the first day without the right to the benefit, for a disqualification
 * @param certifiedOn        the new latest certification, when qualifying evidence certified
 * @param periodEnd          the end of the certification period as it stands after this decision,
 *                           none where there is no period (a dependent under 16)
 * @param bucket             the ledger bucket, for one to be verified
 * @param investigate        the evidence contradicts itself: people look at both sides
 */
public record Decision(EligibilityStatus status, List<Reason> reasons, LocalDate lossFrom, LocalDate certifiedOn,
        LocalDate periodEnd, DueBucket bucket, boolean investigate, List<EvidenceRef> evidence, String policyVersion) {

    public Decision {
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(policyVersion, "policyVersion");
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a decision states its reasons");
        }
        if ((status == EligibilityStatus.DISQUALIFIED) != (lossFrom != null)) {
            throw new IllegalArgumentException("a disqualification, and only that, has the date the right ended");
        }
        if ((status == EligibilityStatus.TO_BE_VERIFIED) != (bucket != null)) {
            throw new IllegalArgumentException("a recipient to be verified, and only that, has a ledger bucket");
        }
    }

    /** The first reason: the one the lists show. */
    public Reason reason() {
        return reasons.get(0);
    }

    /** CERT-15: the period ended without certification. */
    public boolean certificationFailed() {
        return reasons.stream().anyMatch(r -> r.code() == ReasonCode.PERIOD_ENDED);
    }

    /**
     * One reason: its code, and where evidence gave it, the evidence kind and date.
     *
     * @param evidenceKind the catalogue's kind, for a reason evidence gave
     */
    public record Reason(ReasonCode code, String evidenceKind, LocalDate date) {

        public Reason {
            Objects.requireNonNull(code, "code");
        }

        static Reason of(ReasonCode code) {
            return new Reason(code, null, null);
        }
    }
}
