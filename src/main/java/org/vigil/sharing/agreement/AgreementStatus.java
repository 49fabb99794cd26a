package org.vigil.sharing.agreement;

/** Where an agreement stands on a given day. */
public enum AgreementStatus {

    /** Signed, but its validity has not begun. */
    PENDING("未生效", "not yet in force"),
    IN_FORCE("有效", "in force"),
    /** Its validity ran out. */
    EXPIRED("已到期", "expired"),
    /** Ended early (see {@link Termination}). */
    TERMINATED("已终止", "terminated");

    private final String chinese;
    private final String english;

    AgreementStatus(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }
}
