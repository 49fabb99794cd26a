package org.vigil.identity;

/**
 * The five levels of China's administrative divisions, from the top. The first three share the
 * 6-digit GB/T 2260 code; townships and villages carry the longer statistical codes
 * (统计用区划代码) of 9 and 12 digits.
 */
public enum RegionLevel {

    /** Province, autonomous region, municipality, special administrative region (省级): {@code 220000}. */
    PROVINCE(6, 2, "province", "省级"),
    /** Prefecture-level city, prefecture, league, or a grouping such as 市辖区 (地级): {@code 220200}. */
    CITY(6, 4, "city", "地级"),
    /** District, county, county-level city, banner (县级): {@code 220202}. */
    COUNTY(6, 6, "county", "县级"),
    /** Street, town, township (乡级): {@code 220202001}. */
    TOWNSHIP(9, 9, "township", "乡级"),
    /** Residents' community or village committee (村级): {@code 220202001001}. */
    VILLAGE(12, 12, "village", "村级");

    private final int digits;
    private final int significantDigits;
    private final String english;
    private final String chinese;

    RegionLevel(int digits, int significantDigits, String english, String chinese) {
        this.digits = digits;
        this.significantDigits = significantDigits;
        this.english = english;
        this.chinese = chinese;
    }

    /** How many digits a code at this level has: 6, 9 or 12. */
    public int digits() {
        return digits;
    }

    /**
     * How many leading digits identify a division at this level; the rest are zeros. Every
     * division below it starts with these digits.
     */
    public int significantDigits() {
        return significantDigits;
    }

    public String english() {
        return english;
    }

    public String chinese() {
        return chinese;
    }
}
