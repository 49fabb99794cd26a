package org.vigil.governance.lawenforcement;

/**
 * What kind of a person's data a law-enforcement request may reach (DATA-11): the scope names
 * the categories, and a release of any other category is refused.
 */
public enum DataCategory {
    IDENTITY("身份信息"),
    ENROLLMENT("参保信息"),
    BENEFITS("待遇领取信息"),
    CERTIFICATION("资格认证结论"),
    PAYMENTS("待遇发放记录"),
    CONTACT("联系方式");

    private final String chinese;

    DataCategory(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
