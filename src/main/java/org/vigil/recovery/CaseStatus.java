package org.vigil.recovery;

/** Where an overpayment case stands. */
public enum CaseStatus {
    /** 待追回: the overpayment is to be recovered, with the police and courts where needed (SHARE-7(4)). */
    OPEN("待追回", "to recover"),
    /** 已撤销: the suspension proved wrong (the person was alive, say), so nothing was overpaid. */
    CANCELLED("已撤销", "cancelled");

    private final String chinese;
    private final String english;

    CaseStatus(String chinese, String english) {
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
