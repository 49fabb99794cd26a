package org.vigil.certification;

/** What the noted reason of a failed certification rests on (第二十四条). */
public enum FailureGround {
    /** Nobody verified the recipient: no task, or none in this period. */
    NO_VERIFICATION("无核实记录"),
    /** A task was created but not recorded by the as-of date. */
    VERIFICATION_UNFINISHED("核实任务未完成"),
    /** A task was recorded and did not confirm the recipient alive. */
    VERIFICATION_FAILED("核实未通过");

    private final String chinese;

    FailureGround(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
