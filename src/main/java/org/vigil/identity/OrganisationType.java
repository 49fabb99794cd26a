package org.vigil.identity;

/**
 * Position 2 of a unified social credit code: the organisation type (机构类别), whose meaning
 * depends on the registration authority in position 1 (GB 32100-2015 Table 1 and its additions).
 */
public enum OrganisationType {

    GOVERNMENT_ORGAN(RegistrationAuthority.INSTITUTIONAL_STAFFING, '1', "机关", "government organ"),
    PUBLIC_INSTITUTION(RegistrationAuthority.INSTITUTIONAL_STAFFING, '2', "事业单位", "public institution"),
    MASS_ORGANISATION(RegistrationAuthority.INSTITUTIONAL_STAFFING, '3', "中央编办直接管理机构编制的群众团体",
            "mass organisation staffed directly by the central staffing office"),
    STAFFING_OTHER(RegistrationAuthority.INSTITUTIONAL_STAFFING, '9', "其他", "other"),

    FOREIGN_NEWS_AGENCY(RegistrationAuthority.FOREIGN_AFFAIRS, '1', "外国常驻新闻机构", "resident foreign news agency"),
    FOREIGN_AFFAIRS_OTHER(RegistrationAuthority.FOREIGN_AFFAIRS, '9', "其他", "other"),

    LAW_FIRM(RegistrationAuthority.JUDICIAL_ADMINISTRATION, '1', "律师执业机构", "law firm"),
    NOTARY_OFFICE(RegistrationAuthority.JUDICIAL_ADMINISTRATION, '2', "公证处", "notary office"),
    GRASSROOTS_LEGAL_SERVICE(RegistrationAuthority.JUDICIAL_ADMINISTRATION, '3', "基层法律服务所", "grassroots legal service office"),
    FORENSIC_APPRAISAL(RegistrationAuthority.JUDICIAL_ADMINISTRATION, '4', "司法鉴定机构", "forensic appraisal body"),
    ARBITRATION_COMMISSION(RegistrationAuthority.JUDICIAL_ADMINISTRATION, '5', "仲裁委员会", "arbitration commission"),
    JUDICIAL_OTHER(RegistrationAuthority.JUDICIAL_ADMINISTRATION, '9', "其他", "other"),

    FOREIGN_CULTURAL_CENTRE(RegistrationAuthority.CULTURE, '1', "外国在华文化中心", "foreign cultural centre in China"),
    CULTURE_OTHER(RegistrationAuthority.CULTURE, '9', "其他", "other"),

    SOCIAL_ORGANISATION(RegistrationAuthority.CIVIL_AFFAIRS, '1', "社会团体", "social organisation"),
    PRIVATE_NON_ENTERPRISE(RegistrationAuthority.CIVIL_AFFAIRS, '2', "民办非企业单位（社会服务机构）",
            "private non-enterprise unit (social service organisation)"),
    FOUNDATION(RegistrationAuthority.CIVIL_AFFAIRS, '3', "基金会", "foundation"),
    CIVIL_AFFAIRS_OTHER(RegistrationAuthority.CIVIL_AFFAIRS, '9', "其他", "other"),

    FOREIGN_TOURISM_OFFICE(RegistrationAuthority.TOURISM, '1', "外国旅游部门常驻代表机构",
            "representative office of a foreign tourism authority"),
    HK_MACAO_TAIWAN_TOURISM_OFFICE(RegistrationAuthority.TOURISM, '2', "港澳台地区旅游部门常驻内地（大陆）代表机构",
            "mainland representative office of a Hong Kong, Macao or Taiwan tourism authority"),
    TOURISM_OTHER(RegistrationAuthority.TOURISM, '9', "其他", "other"),

    RELIGIOUS_VENUE(RegistrationAuthority.RELIGIOUS_AFFAIRS, '1', "宗教活动场所", "place of religious activity"),
    RELIGIOUS_SCHOOL(RegistrationAuthority.RELIGIOUS_AFFAIRS, '2', "宗教院校", "religious school"),
    RELIGIOUS_OTHER(RegistrationAuthority.RELIGIOUS_AFFAIRS, '9', "其他", "other"),

    GRASSROOTS_TRADE_UNION(RegistrationAuthority.TRADE_UNION, '1', "基层工会", "grassroots trade union"),
    TRADE_UNION_OTHER(RegistrationAuthority.TRADE_UNION, '9', "其他", "other"),

    ENTERPRISE(RegistrationAuthority.MARKET_REGULATION, '1', "企业", "enterprise"),
    INDIVIDUAL_BUSINESS(RegistrationAuthority.MARKET_REGULATION, '2', "个体工商户", "individual business"),
    FARMERS_COOPERATIVE(RegistrationAuthority.MARKET_REGULATION, '3', "农民专业合作社", "farmers' specialised cooperative"),

    MILITARY_PUBLIC_INSTITUTION(RegistrationAuthority.MILITARY_STAFFING, '1', "军队事业单位", "military public institution"),
    MILITARY_OTHER(RegistrationAuthority.MILITARY_STAFFING, '9', "其他", "other"),

    GROUP_COLLECTIVE(RegistrationAuthority.AGRICULTURE, '1', "组级集体经济组织", "group-level collective economic organisation"),
    VILLAGE_COLLECTIVE(RegistrationAuthority.AGRICULTURE, '2', "村级集体经济组织", "village-level collective economic organisation"),
    TOWNSHIP_COLLECTIVE(RegistrationAuthority.AGRICULTURE, '3', "乡镇级集体经济组织", "township-level collective economic organisation"),
    AGRICULTURE_OTHER(RegistrationAuthority.AGRICULTURE, '9', "其他", "other"),

    OTHER(RegistrationAuthority.OTHER, '1', "其他（不再细分）", "other (no further types)");

    private final RegistrationAuthority authority;
    private final char code;
    private final String chinese;
    private final String english;

    OrganisationType(RegistrationAuthority authority, char code, String chinese, String english) {
        this.authority = authority;
        this.code = code;
        this.chinese = chinese;
        this.english = english;
    }

    public RegistrationAuthority authority() {
        return authority;
    }

    public char code() {
        return code;
    }

    /** The description in the standard's words. */
    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /** The type for a code under an authority, or null when that authority defines no such type. */
    static OrganisationType of(RegistrationAuthority authority, char c) {
        for (OrganisationType t : values()) {
            if (t.authority == authority && t.code == c) {
                return t;
            }
        }
        return null;
    }
}
