package org.vigil.governance.disclosure;

/** Where an export request stands. */
public enum ExportStatus {
    /** Over the approval threshold, or asking for data in full: waits for another person's approval. */
    PENDING("待审批"),
    /** May be produced once, by the requester. */
    APPROVED("已批准"),
    REJECTED("已驳回"),
    /** Its file was produced and recorded; a further file needs a new request. */
    EXPORTED("已导出");

    private final String chinese;

    ExportStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
