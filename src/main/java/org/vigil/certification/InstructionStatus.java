package org.vigil.certification;

/** How far an instruction has gone: built, approved by its district, released to the payment system. */
public enum InstructionStatus {
    PENDING("待审批", "pending approval"),
    APPROVED("已审批", "approved"),
    RELEASED("已下发", "released");

    private final String chinese;
    private final String english;

    InstructionStatus(String chinese, String english) {
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
