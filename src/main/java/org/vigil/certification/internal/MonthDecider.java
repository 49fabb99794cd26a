package org.vigil.certification.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.vigil.certification.CertificationPolicy;
import org.vigil.certification.Decision;
import org.vigil.certification.EligibilityRules;
import org.vigil.certification.Evidence;
import org.vigil.certification.EvidenceRef;
import org.vigil.sharing.EvidenceItem;
import org.vigil.sharing.SharedEvidence;

/**
 * Walks the recipients and the shared evidence together, both in person-number order (ADR 0035), and decides every
 * recipient exactly once: with their evidence when the departments have any, with none otherwise,
 * and in either case with the verifications recorded for them (ADR 0017). Only one person's
 * department evidence is in memory at a time; recorded verifications, a small share of recipients,
 * are held whole.
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
    private final VerificationEvidence verifications;
    private int next;
    private long lastKey;
    long evidenceItems;
    long evidenceIgnored;
    /** The kinds left out because the policy does not list them: a feed the catalogue gained and the policy not yet. */
    final Set<String> unknownKinds = new TreeSet<>();

    MonthDecider(RunRecipients recipients, CertificationPolicy policy, LocalDate asOf, VerificationEvidence verifications,
            Sink sink) {
        this.recipients = recipients;
        this.policy = policy;
        this.asOf = asOf;
        this.verifications = verifications;
        this.sink = sink;
    }

    void run(SharedEvidence shared) {
        evidenceItems += verifications.items();
        evidenceIgnored += verifications.ignored();
        unknownKinds.addAll(verifications.unknownKinds());
        shared.forEachPersonByNumber(asOf, this::person);
        decideBefore(Long.MAX_VALUE);
    }

    private void person(long key, List<EvidenceItem> items) {
        if (key <= 0) {
            return;
        }
        if (key <= lastKey) {
            // a merge over an unsorted stream would silently decide people without their evidence
            throw new IllegalStateException("shared evidence is not in person-number order at person " + key);
        }
        lastKey = key;
        decideBefore(key);
        if (next < recipients.size() && recipients.key(next) == key) {
            List<Evidence> evidence = convert(items);
            while (next < recipients.size() && recipients.key(next) == key) {
                decide(next++, evidence);
            }
        }
    }

    /** Recipients the evidence stream has passed without meeting them have no evidence at all. */
    private void decideBefore(long key) {
        while (next < recipients.size() && recipients.key(next) < key) {
            decide(next++, List.of());
        }
    }

    private void decide(int i, List<Evidence> evidence) {
        List<Evidence> recorded = verifications.of(recipients.key(i));
        List<Evidence> all = evidence;
        if (!recorded.isEmpty()) {
            all = new ArrayList<>(evidence.size() + recorded.size());
            all.addAll(evidence);
            all.addAll(recorded);
        }
        sink.accept(i, EligibilityRules.decide(recipients.entitlement(i), all, policy, asOf));
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
            boolean unknown = policy.rule(item.kind()).isEmpty();
            if (unknown || (item.endDate() != null && item.endDate().isBefore(item.date()))) {
                evidenceIgnored++;
                if (unknown) {
                    unknownKinds.add(item.kind());
                }
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
