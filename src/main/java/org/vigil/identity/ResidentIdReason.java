package org.vigil.identity;

/** Why a citizen ID number (公民身份号码) was refused. */
public enum ResidentIdReason implements RejectionReason {

    EMPTY("no ID number given", "身份号码为空"),
    LENGTH("an ID number has 18 characters (15 for the pre-1999 form)", "身份号码位数不对（应为18位，旧号15位）"),
    CHARACTERS("an ID number has only digits and a final check character X", "身份号码含非法字符（只允许数字，末位可为X）"),
    CHECK_DIGIT("the check digit does not match (GB 11643-1999 MOD 11-2)", "校验码不符"),
    BIRTH_DATE_INVALID("the birth date in the ID number is not a real date", "出生日期不存在"),
    BIRTH_DATE_IN_FUTURE("the birth date in the ID number is in the future", "出生日期晚于当前日期"),
    BIRTH_DATE_TOO_EARLY("the birth date in the ID number is before 1880", "出生日期早于1880年"),
    PROVINCE_UNKNOWN("the first two digits are not a province-level division code", "省级行政区划代码不存在");

    private final String english;
    private final String chinese;

    ResidentIdReason(String english, String chinese) {
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
