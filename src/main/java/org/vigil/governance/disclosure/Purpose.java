package org.vigil.governance.disclosure;

/**
 * Why a person's data may be seen in full or exported (SHARE-2: every use of shared data carries
 * its purpose; DATA-9). Only these purposes exist: a use that fits none of them is not one Vigil
 * allows. Each is a duty of the agency under the source documents, not a convenience.
 */
public enum Purpose {

    /** Deciding whether a recipient is still entitled (003 第十四至十九条). */
    ELIGIBILITY_CERTIFICATION("待遇领取资格认证", "eligibility certification"),
    /** Visiting the aged, sick or disabled at home to certify them (003 第二十三条). */
    HOME_VISIT("上门核实服务", "home visit"),
    /** Recovering benefits paid after the right ended (000 三(四)). */
    OVERPAYMENT_RECOVERY("追回多发待遇", "overpayment recovery"),
    /** Checking department data that contradicts the agency's records or another department's. */
    CONTRADICTION_INVESTIGATION("核查数据矛盾", "investigation of a contradiction"),
    /** Answering the person's own query at a window or by phone, after checking who asks (004 第十条). */
    OWN_QUERY("答复本人查询", "answering the person's own query"),
    /** Paying the reward of a tip-off that proved true: the one use of a reporter's identity (003 第三十二条). */
    TIP_OFF_REWARD("发放举报奖励", "paying a tip-off reward");

    private final String chinese;
    private final String english;

    Purpose(String chinese, String english) {
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
