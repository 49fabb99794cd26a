package org.vigil.identity;

/**
 * Position 1 of a unified social credit code: the registration authority (登记管理部门) of
 * GB 32100-2015 Table 1, with the codes added since (A, N).
 */
public enum RegistrationAuthority {

    INSTITUTIONAL_STAFFING('1', "机构编制", "institutional staffing office (bianzhi)"),
    FOREIGN_AFFAIRS('2', "外交", "foreign affairs"),
    JUDICIAL_ADMINISTRATION('3', "司法行政", "judicial administration"),
    CULTURE('4', "文化", "culture"),
    CIVIL_AFFAIRS('5', "民政", "civil affairs"),
    TOURISM('6', "旅游", "tourism"),
    RELIGIOUS_AFFAIRS('7', "宗教", "religious affairs"),
    TRADE_UNION('8', "工会", "trade unions"),
    MARKET_REGULATION('9', "工商（市场监管）", "industry and commerce (market regulation)"),
    MILITARY_STAFFING('A', "中央军委改革和编制办公室", "Central Military Commission reform and staffing office"),
    AGRICULTURE('N', "农业（农业农村）", "agriculture and rural affairs"),
    OTHER('Y', "其他", "other");

    private final char code;
    private final String chinese;
    private final String english;

    RegistrationAuthority(char code, String chinese, String english) {
        this.code = code;
        this.chinese = chinese;
        this.english = english;
    }

    public char code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /** The authority for a code character, or null when the standard defines none. */
    static RegistrationAuthority ofCode(char c) {
        for (RegistrationAuthority a : values()) {
            if (a.code == c) {
                return a;
            }
        }
        return null;
    }
}
