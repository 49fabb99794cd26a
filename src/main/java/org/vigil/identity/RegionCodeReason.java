package org.vigil.identity;

/** Why a division code (行政区划代码 or 统计用区划代码) was refused. */
public enum RegionCodeReason implements RejectionReason {

    EMPTY("no division code given", "区划代码为空"),
    LENGTH("a division code has 6, 9 or 12 digits", "区划代码位数不对（应为6、9或12位）"),
    CHARACTERS("a division code has only digits", "区划代码含非数字字符"),
    STRUCTURE("the digits do not form a division code", "区划代码结构不对");

    private final String english;
    private final String chinese;

    RegionCodeReason(String english, String chinese) {
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
