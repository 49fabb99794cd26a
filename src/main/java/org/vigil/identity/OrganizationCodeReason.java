package org.vigil.identity;

/** Why an organisation code (组织机构代码, GB 11714) was refused. */
public enum OrganizationCodeReason implements RejectionReason {

    EMPTY("no organisation code given", "组织机构代码为空"),
    LENGTH("an organisation code has 8 characters and a check character", "组织机构代码应为9位（8位本体代码加1位校验码）"),
    CHARACTERS("only digits and capital letters, with at most one hyphen before the check character",
            "含非法字符（只允许数字、大写字母，校验码前可有一个连字符）"),
    CHECK_CHARACTER("the check character does not match (GB 11714 MOD 11)", "校验码不符");

    private final String english;
    private final String chinese;

    OrganizationCodeReason(String english, String chinese) {
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
