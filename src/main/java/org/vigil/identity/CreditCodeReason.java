package org.vigil.identity;

/** Why a unified social credit code (统一社会信用代码) was refused. */
public enum CreditCodeReason implements RejectionReason {

    EMPTY("no credit code given", "统一社会信用代码为空"),
    LENGTH("a unified social credit code has 18 characters", "统一社会信用代码应为18位"),
    CHARACTERS("only digits and capital letters other than I, O, S, V, Z; positions 3-8 digits only",
            "含非法字符（不使用I、O、S、V、Z，第3-8位只能是数字）"),
    AUTHORITY_UNKNOWN("position 1 is not a registration authority code", "登记管理部门代码不存在"),
    TYPE_UNKNOWN_FOR_AUTHORITY("position 2 is not an organisation type of that registration authority", "机构类别代码与登记管理部门不符"),
    CHECK_CHARACTER("the check character does not match (GB 32100-2015 MOD 31)", "校验码不符");

    private final String english;
    private final String chinese;

    CreditCodeReason(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public String english() {
        return english;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
