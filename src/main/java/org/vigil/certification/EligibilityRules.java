package org.vigil.certification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly decision of articles 10–19 and 24 of the city's certification measures (seed 003):
 * a pure function of a recipient's entitlement, the evidence about them, the policy in force and
 * the as-of date. It reads no clock and no database, so a past month decided again gives the same
 * answer, and every rule has a test named after its article.
 *
 * <p>Order of the rules: evidence dated after the as-of date does not exist yet. A conclusive
 * death or disappearance wins over everything (unless signs of life follow it, which people look
 * at); then custody covering the as-of date; then a work-injury dependent's lost right. Evidence
 * from a weak source never disqualifies by itself. Then the latest sign of life after the period
 * started certifies; a dependent under 16 has no period; everyone else is to be verified, in the
 * ledger bucket of their period's end, and a period already ended is a failed certification.
 */
public final class EligibilityRules {

    private EligibilityRules() {
    }

    public static Decision decide(Entitlement entitlement, List<Evidence> evidence, CertificationPolicy policy,
            LocalDate asOf) {
        LocalDate started = entitlement.periodStart();

        Evidence death = null;          // the earliest conclusive death or disappearance
        List<EvidenceRef> deathRefs = null;
        Evidence custody = null;        // conclusive custody covering the as-of date, the earliest start
        Evidence dependentLoss = null;  // the earliest conclusive loss of a dependent's right
        Evidence weakLoss = null;       // the earliest indicative loss
        Evidence latestLife = null;     // the latest sign of life on or before the as-of date
        String latestLifeKind = null;
        Evidence latestLifeAfterStart = null;

        for (Evidence e : evidence) {
            if (e.date().isAfter(asOf)) {
                continue;
            }
            EvidenceRule rule = policy.evidence().get(e.kind());
            if (rule == null) {
                throw new IllegalArgumentException("evidence kind " + e.kind() + " is not in policy " + policy.version());
            }
            if (!rule.appliesTo(entitlement)) {
                continue;
            }
            EvidenceEffect effect = rule.effect();
            if (effect == EvidenceEffect.ALIVE) {
                if (latestLife == null || later(e, latestLife)) {
                    latestLife = e;
                    latestLifeKind = e.kind();
                }
                // a sign of life from a weak source answers a weak report but certifies nobody
                if (rule.strength() == EvidenceStrength.CONCLUSIVE && e.date().isAfter(started)
                        && (latestLifeAfterStart == null || later(e, latestLifeAfterStart))) {
                    latestLifeAfterStart = e;
                }
                continue;
            }
            if (rule.strength() == EvidenceStrength.INDICATIVE) {
                if (effect != EvidenceEffect.CUSTODY || covers(e, asOf)) {
                    weakLoss = earliest(weakLoss, e);
                }
                continue;
            }
            switch (effect) {
                case DEATH, MISSING -> {
                    if (death == null || e.date().isBefore(death.date())
                            || (e.date().equals(death.date()) && dominates(policy, e, death))) {
                        death = e;
                    }
                    if (deathRefs == null) {
                        deathRefs = new ArrayList<>(2);
                    }
                    deathRefs.add(e.ref());
                }
                case CUSTODY -> {
                    if (covers(e, asOf)) {
                        custody = earliest(custody, e);
                    }
                }
                default -> dependentLoss = earliest(dependentLoss, e);
            }
        }

        if (death != null) {
            EvidenceEffect effect = policy.evidence().get(death.kind()).effect();
            ReasonCode code = ReasonCode.of(effect);
            if (latestLife != null && latestLife.date().isAfter(death.date()) && policy.investigateContradictions()) {
                List<EvidenceRef> both = new ArrayList<>(deathRefs);
                both.add(latestLife.ref());
                return toBeVerified(entitlement, policy, asOf, true, both,
                        new Decision.Reason(ReasonCode.DEATH_CONTRADICTED, death.kind(), death.date()),
                        new Decision.Reason(ReasonCode.PROOF_OF_LIFE, latestLifeKind, latestLife.date()));
            }
            return new Decision(EligibilityStatus.DISQUALIFIED,
                    List.of(new Decision.Reason(code, death.kind(), death.date())), death.date(), null, null, null, false,
                    deathRefs, policy.version());
        }
        if (custody != null) {
            return disqualified(custody, ReasonCode.CUSTODY, policy);
        }
        if (dependentLoss != null) {
            return disqualified(dependentLoss, ReasonCode.of(policy.evidence().get(dependentLoss.kind()).effect()), policy);
        }
        if (weakLoss != null && (latestLife == null || !latestLife.date().isAfter(weakLoss.date()))) {
            return toBeVerified(entitlement, policy, asOf, true, List.of(weakLoss.ref()),
                    new Decision.Reason(ReasonCode.LOSS_UNCONFIRMED, weakLoss.kind(), weakLoss.date()));
        }
        if (latestLifeAfterStart != null) {
            LocalDate certified = latestLifeAfterStart.date();
            int months = policy.periodMonths(entitlement, asOf);
            return new Decision(EligibilityStatus.QUALIFIED,
                    List.of(new Decision.Reason(ReasonCode.PROOF_OF_LIFE, latestLifeAfterStart.kind(), certified)), null,
                    certified, months == 0 ? null : certified.plusMonths(months), null, false,
                    List.of(latestLifeAfterStart.ref()), policy.version());
        }
        if (policy.isMinor(entitlement, asOf)) {
            return new Decision(EligibilityStatus.QUALIFIED, List.of(Decision.Reason.of(ReasonCode.MINOR_DEPENDENT)), null,
                    null, null, null, false, List.of(), policy.version());
        }
        return toBeVerified(entitlement, policy, asOf, false, List.of());
    }

    private static Decision disqualified(Evidence e, ReasonCode code, CertificationPolicy policy) {
        return new Decision(EligibilityStatus.DISQUALIFIED, List.of(new Decision.Reason(code, e.kind(), e.date())), e.date(),
                null, null, null, false, List.of(e.ref()), policy.version());
    }

    private static Decision toBeVerified(Entitlement entitlement, CertificationPolicy policy, LocalDate asOf,
            boolean investigate, List<EvidenceRef> refs, Decision.Reason... leading) {
        LocalDate end = policy.periodStart(entitlement).plusMonths(policy.periodMonths(entitlement, asOf));
        DueBucket bucket = bucketOf(end, asOf, policy);
        List<Decision.Reason> reasons = new ArrayList<>(leading.length + 1);
        reasons.addAll(List.of(leading));
        reasons.add(Decision.Reason.of(bucket == DueBucket.OVERDUE ? ReasonCode.PERIOD_ENDED : ReasonCode.NO_EVIDENCE));
        return new Decision(EligibilityStatus.TO_BE_VERIFIED, reasons, null, null, end, bucket, investigate, refs,
                policy.version());
    }

    /** The CERT-11 ledger a period ending on {@code end} belongs to at {@code asOf}. */
    public static DueBucket bucketOf(LocalDate end, LocalDate asOf, CertificationPolicy policy) {
        if (end.isBefore(asOf)) {
            return DueBucket.OVERDUE;
        }
        for (int months : policy.ledgerMonths()) {
            if (!end.isAfter(asOf.plusMonths(months))) {
                return DueBucket.within(months);
            }
        }
        return DueBucket.LATER;
    }

    /** Later date; on the same date the greater kind name, so the choice never depends on the order of the input. */
    private static boolean later(Evidence a, Evidence b) {
        int c = a.date().compareTo(b.date());
        return c > 0 || (c == 0 && a.kind().compareTo(b.kind()) > 0);
    }

    private static Evidence earliest(Evidence current, Evidence e) {
        if (current == null) {
            return e;
        }
        int c = e.date().compareTo(current.date());
        return c < 0 || (c == 0 && e.kind().compareTo(current.kind()) < 0) ? e : current;
    }

    /** A death outranks a disappearance on the same day; among equals the smaller kind name, for a stable answer. */
    private static boolean dominates(CertificationPolicy policy, Evidence e, Evidence current) {
        EvidenceEffect a = policy.evidence().get(e.kind()).effect();
        EvidenceEffect b = policy.evidence().get(current.kind()).effect();
        if (a != b) {
            return a == EvidenceEffect.DEATH;
        }
        return e.kind().compareTo(current.kind()) < 0;
    }

    /** Custody from its start to its end, both included; without an end it lasts. */
    private static boolean covers(Evidence custody, LocalDate asOf) {
        return !custody.date().isAfter(asOf) && (custody.endDate() == null || !custody.endDate().isBefore(asOf));
    }
}
