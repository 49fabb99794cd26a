package org.vigil.certification.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.vigil.certification.CertificationPolicy;
import org.vigil.certification.Decision;
import org.vigil.certification.EligibilityRules;
import org.vigil.certification.Evidence;
import org.vigil.certification.EvidenceRef;
import org.vigil.sharing.EvidenceItem;
import org.vigil.sharing.SharedEvidence;

/**
 * Walks the recipients and the shared evidence together, both in ID order, and decides every
 * recipient exactly once: with their evidence when the departments have any, with none otherwise.
 * Only one person's evidence is in memory at a time.
 */
final class MonthDecider {

    /** Receives each recipient's decision, in recipient order. */
    @FunctionalInterface
    interface Sink {
        void accept(int recipient, Decision decision);
    }

    private final RunRecipients recipients;
    private final CertificationPolicy policy;
    private final LocalDate asOf;
    private final Sink sink;
    private int next;
    private long lastKey;
    long evidenceItems;
    long evidenceIgnored;

    MonthDecider(RunRecipients recipients, CertificationPolicy policy, LocalDate asOf, Sink sink) {
        this.recipients = recipients;
        this.policy = policy;
        this.asOf = asOf;
        this.sink = sink;
    }

    void run(SharedEvidence shared) {
        shared.forEachPerson(asOf, this::person);
        decideUpTo(Long.MAX_VALUE, List.of());
    }

    private void person(String idNumber, List<EvidenceItem> items) {
        long key = RunRecipients.key(idNumber);
        if (key == 0) {
            return;
        }
        if (key <= lastKey) {
            // a merge over an unsorted stream would silently decide people without their evidence
            throw new IllegalStateException("shared evidence is not in ID order at " + idNumber.substring(0, 6) + "…");
        }
        lastKey = key;
        while (next < recipients.size() && recipients.key(next) < key) {
            decide(next++, List.of());
        }
        if (next < recipients.size() && recipients.key(next) == key) {
            List<Evidence> evidence = convert(items);
            while (next < recipients.size() && recipients.key(next) == key) {
                decide(next++, evidence);
            }
        }
    }

    private void decideUpTo(long key, List<Evidence> evidence) {
        while (next < recipients.size() && recipients.key(next) < key) {
            decide(next++, evidence);
        }
    }

    private void decide(int i, List<Evidence> evidence) {
        sink.accept(i, EligibilityRules.decide(recipients.entitlement(i), evidence, policy, asOf));
    }

    /**
     * The shared items as the rules' evidence. A kind the policy does not list, or an interval that
     * ends before it starts (a department's error), is left out and counted: the rules refuse both,
     * and a benefit must not stop on evidence nobody can weigh.
     */
    private List<Evidence> convert(List<EvidenceItem> items) {
        List<Evidence> out = new ArrayList<>(items.size());
        for (EvidenceItem item : items) {
            evidenceItems++;
            if (policy.rule(item.kind()).isEmpty() || (item.endDate() != null && item.endDate().isBefore(item.date()))) {
                evidenceIgnored++;
                continue;
            }
            out.add(evidence(item));
        }
        return out;
    }

    static Evidence evidence(EvidenceItem item) {
        EvidenceItem.Provenance p = item.source();
        return new Evidence(item.kind(), item.date(), item.endDate(),
                new EvidenceRef(p.provider(), p.feed(), p.deliveryId(), p.row()));
    }

    /** The first reason's evidence, for a certification: the sign of life that certified. */
    static EvidenceRef certifyingRef(Decision d) {
        return d.evidence().isEmpty() ? null : d.evidence().get(0);
    }
}
