package org.vigil.registry.change;

/**
 * Where a change request stands (DATA-8, 004 第九条: apply, approve, modify, review, each by its
 * post). A request under manual review, and every batch, passes through all four; a single record's
 * change of contact details, phone or e-mail is modified at once and waits only for the review.
 */
public enum ChangeStatus {
    /** Applied for; waits for approval (CHANGE_REVIEW, or a city-level CHANGE_BATCH_APPROVE for a batch). */
    APPLIED("已申请"),
    /** Approved, with the cross-department check where the fields need one; waits to be applied to the record. */
    APPROVED("已审批"),
    /** Applied to the record, a new version of it written; waits for the post-check. */
    MODIFIED("已修改"),
    /** Checked after the modification by someone other than the one who made it; final. */
    REVIEWED("已复核"),
    /** Refused at approval, before modification or at review (a refused modification is reverted); final. */
    REJECTED("已驳回");

    private final String chinese;

    ChangeStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
