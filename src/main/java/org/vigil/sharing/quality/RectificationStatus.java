package org.vigil.sharing.quality;

/**
 * Where a rectification notice stands on a given day. Only OPEN and DONE are stored; OVERDUE is an
 * open notice seen after its deadline, so it is always right on any day without a job flipping it.
 */
public enum RectificationStatus {
    /** Waiting for the provider to correct; the deadline has not passed. */
    OPEN("整改中"),
    /** Corrected and closed by an officer. */
    DONE("已整改"),
    /** Still open after its deadline. */
    OVERDUE("逾期未整改");

    private final String chinese;

    RectificationStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
