package org.vigil.certification;

/**
 * What a kind of evidence says about a recipient's right to the benefit. The policy's evidence
 * catalogue maps each evidence kind to one effect (CERT-8, CERT-9); the rules act on effects, so
 * a new department feed needs a catalogue line, not code.
 */
public enum EvidenceEffect {
    /** Alive on the event date: a certification or a trace of life (CERT-8). */
    ALIVE("生存"),
    /** Dead on the event date (CERT-9: HRSS, population database, household deregistration, court, cremation, death certificate). */
    DEATH("死亡"),
    /** Marked missing in an HRSS database (CERT-9). */
    MISSING("失踪"),
    /** In custody from the event date to the end date, both included; no end date: still in custody (CERT-9). */
    CUSTODY("服刑"),
    /** A work-injury dependent child, grandchild or sibling adopted by another person or body (CERT-9 (二)). */
    ADOPTED("被收养"),
    /** The deceased worker's spouse remarried (CERT-9 (二)). */
    REMARRIED("再婚"),
    /** A work-injury dependent child, grandchild or sibling employed (CERT-9 (二)). */
    EMPLOYED("就业"),
    /** A work-injury dependent child, grandchild or sibling enlisted (CERT-9 (二)). */
    ENLISTED("参军");

    private final String chinese;

    EvidenceEffect(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** Whether this effect ends the right to the benefit. */
    public boolean disqualifies() {
        return this != ALIVE;
    }

    /** Whether only a work-injury dependent's benefit ends by it (CERT-9 (二)). */
    public boolean dependentOnly() {
        return this == ADOPTED || this == REMARRIED || this == EMPLOYED || this == ENLISTED;
    }
}
