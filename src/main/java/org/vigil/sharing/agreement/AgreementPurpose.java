package org.vigil.sharing.agreement;

/**
 * What shared data may be used for. An agreement lists the purposes it permits and every use of
 * shared data states one (SHARE-2); the sharing notice's agreement template (000 附件2 三) permits
 * only the anti-fraud comparison, the other purposes come from the documents that need
 * department data for their own work.
 */
public enum AgreementPurpose {

    /** Comparison against fraudulent pension claims, and suspension where it finds one (000 三(二)). */
    FRAUD_PREVENTION("防冒领数据比对", "comparison against fraudulent claims", "000 三(二), 附件2"),
    /** Benefit-eligibility certification by big-data comparison (003 第十四至十九条). */
    ELIGIBILITY_CERTIFICATION("待遇领取资格认证", "benefit-eligibility certification", "003 第十四条"),
    /** Comparison with the enrollment registry to find who should be insured and is not (001 四(一)6). */
    ENROLLMENT_EXPANSION("全民参保登记比对扩面", "universal-enrollment comparison and coverage expansion", "001 四(一)6");

    private final String chinese;
    private final String english;
    private final String source;

    AgreementPurpose(String chinese, String english, String source) {
        this.chinese = chinese;
        this.english = english;
        this.source = source;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /** The article of the source documents the purpose comes from. */
    public String source() {
        return source;
    }
}
