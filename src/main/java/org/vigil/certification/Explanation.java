package org.vigil.certification;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Why a person is on the lists they are on in a month (CERT-19; PIPL art. 24 asks that an
 * automated decision be explained): the run's date and policy, each of the person's decisions, and
 * every piece of evidence the departments had delivered about the person by the as-of date.
 *
 * @param evidenceKnown the evidence known on the as-of date, in date order; the decisions name the
 *                      pieces they rest on
 * @param policy        the policy the run decided under, for the evidence kinds' titles
 * @param failures      the month's failed certifications of the person's benefits, with their noted reasons (CERT-15)
 * @param verifications the verification tasks of the person up to the month, with their outcomes
 */
public record Explanation(String idNumber, YearMonth month, LocalDate asOf, CertificationPolicy policy,
        List<RecordedDecision> decisions, List<Evidence> evidenceKnown, List<FailedCertification> failures,
        List<VerificationTask> verifications) {

    public Explanation {
        decisions = List.copyOf(decisions);
        evidenceKnown = List.copyOf(evidenceKnown);
        failures = List.copyOf(failures);
        verifications = List.copyOf(verifications);
    }

    public Explanation(String idNumber, YearMonth month, LocalDate asOf, CertificationPolicy policy,
            List<RecordedDecision> decisions, List<Evidence> evidenceKnown) {
        this(idNumber, month, asOf, policy, decisions, evidenceKnown, List.of(), List.of());
    }

    /** The failed certification of one of the person's benefits in the month, if it failed. */
    public Optional<FailedCertification> failure(long recipientId) {
        return failures.stream().filter(f -> f.recipientId() == recipientId).findFirst();
    }

    /** The catalogue's title of an evidence kind, or the kind itself when the policy does not list it. */
    public String title(String kind) {
        return policy.rule(kind).map(EvidenceRule::title).orElse(kind);
    }
}
