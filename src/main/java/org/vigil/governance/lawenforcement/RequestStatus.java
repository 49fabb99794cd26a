package org.vigil.governance.lawenforcement;

/**
 * Where a law-enforcement request stands. {@code EXPIRED} is never stored: a registered or
 * approved request is expired once its access window has ended, by the clock, without anyone
 * having to act.
 */
public enum RequestStatus {
    REGISTERED("已登记待审批"),
    APPROVED("已批准"),
    REJECTED("已驳回"),
    CLOSED("已办结"),
    EXPIRED("已过期");

    private final String chinese;

    RequestStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
