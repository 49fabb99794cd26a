package org.vigil.certification;

/**
 * How far one source's word goes. A police deregistration or a cremation record settles a death;
 * a community worker's report alone does not, and a person must confirm it before a benefit stops.
 */
public enum EvidenceStrength {
    /** Enough on its own to decide. */
    CONCLUSIVE("确定性"),
    /** A lead: it sends the recipient to verification, never to the disqualified list by itself. */
    INDICATIVE("线索性");

    private final String chinese;

    EvidenceStrength(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
