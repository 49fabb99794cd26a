package org.vigil.certification;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Why a person is on the lists they are on in a month (CERT-19; PIPL art. 24 asks that an
 * automated decision be explained): the run's date and policy, each of the person's decisions, and
 * every piece of evidence the departments had delivered about the person by the as-of date.
 *
 * @param evidenceKnown the evidence known on the as-of date, in date order; the decisions name the
 *                      pieces they rest on
 * @param policy        the policy the run decided under, for the evidence kinds' titles
 */
public record Explanation(String idNumber, YearMonth month, LocalDate asOf, CertificationPolicy policy,
        List<RecordedDecision> decisions, List<Evidence> evidenceKnown) {

    public Explanation {
        decisions = List.copyOf(decisions);
        evidenceKnown = List.copyOf(evidenceKnown);
    }

    /** The catalogue's title of an evidence kind, or the kind itself when the policy does not list it. */
    public String title(String kind) {
        return policy.rule(kind).map(EvidenceRule::title).orElse(kind);
    }
}
