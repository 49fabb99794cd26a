package org.vigil.registry.change;

/**
 * How much checking a change to a field of basic data needs before it takes effect (DATA-6, 004
 * 第七条), weakest first, so the level of a request touching several fields is the highest of them.
 */
public enum ReviewLevel {

    /** Contact details and addresses: the change takes effect at once. */
    NONE("无需审核"),
    /** Phone numbers and e-mail: takes effect at once when the value passes the completeness and legality check. */
    SYSTEM_VALIDATION("系统校验"),
    /** ID number, name, birth date, credit code: approved with a cross-department check, then modified and reviewed. */
    MANUAL_REVIEW("人工审核（跨部门核验）");

    private final String chinese;

    ReviewLevel(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** Whether a single record's change of this level takes effect when it is applied for. */
    public boolean atOnce() {
        return this != MANUAL_REVIEW;
    }
}
