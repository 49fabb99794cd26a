package org.vigil.sharing.catalogue;

/**
 * The three review levels of DATA-6 (审核级别), by how much harm a wrong value does: what may
 * change at once, what a system check suffices for, and what a person must verify against other
 * departments' data before it is relied on.
 */
public enum ReviewLevel {

    /** 无需审核: contact details and addresses, which change often and harm nobody when stale. */
    NONE("无需审核"),
    /** 系统校验: values with rules a system can check for completeness and legality (phone, e-mail). */
    SYSTEM_VALIDATION("系统校验"),
    /** 人工审核: identifiers that must be right (ID number, credit code), verified across departments. */
    MANUAL_REVIEW("人工审核");

    private final String chinese;

    ReviewLevel(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
