package org.vigil.certification;

/** What an instruction tells the payment system. */
public enum InstructionKind {
    /** 暂停发放 (第二十五条). */
    SUSPEND("暂停发放", "suspend"),
    /** 恢复发放并补发 (第二十六条). */
    RESTORE("恢复发放", "restore");

    private final String chinese;
    private final String english;

    InstructionKind(String chinese, String english) {
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
