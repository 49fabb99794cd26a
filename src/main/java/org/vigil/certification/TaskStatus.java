package org.vigil.certification;

/**
 * Where a verification task stands. It only moves forward: open, assigned to an operator (and
 * reassigned while nobody has recorded it), done once its outcome is recorded; a done task is never
 * changed, because the run may already have certified or failed a recipient on it.
 */
public enum TaskStatus {
    OPEN("待分派"),
    ASSIGNED("核实中"),
    DONE("已完成");

    private final String chinese;

    TaskStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
