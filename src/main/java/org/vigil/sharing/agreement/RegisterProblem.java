package org.vigil.sharing.agreement;

import org.vigil.identity.RejectionReason;

/**
 * Why the provider registry or the agreement register refused a request. Each reason has a kind,
 * which decides what the caller did wrong: sent bad values, named something that is not there, or
 * asked for something the current state does not allow.
 */
public enum RegisterProblem implements RejectionReason {

    PROVIDER_CODE(Kind.INVALID, "a provider code is 2–40 lower-case letters, digits or underscores, starting with a letter",
            "数据提供方代码须为2至40位小写字母、数字或下划线，以字母开头"),
    DEPARTMENT_NAME(Kind.INVALID, "the department name is missing or longer than 100 characters", "部门名称为空或超过100个字"),
    LEVEL_MISSING(Kind.INVALID, "the provider's level is missing", "未填写数据提供方层级"),
    REGION_CODE(Kind.INVALID, "not a division code", "行政区划代码不正确"),
    UNKNOWN_REGION(Kind.INVALID, "no such division in the division table", "区划代码表中无此区划"),
    LEVEL_REGION_MISMATCH(Kind.INVALID, "the division does not fit the provider's level", "区划级别与数据提供方层级不符"),
    LIAISON_NAME(Kind.INVALID, "not a person's name", "联系人姓名不正确"),
    LIAISON_POST(Kind.INVALID, "the liaison's post is missing or longer than 100 characters", "联系人职务为空或超过100个字"),
    LIAISON_PHONE(Kind.INVALID, "not a phone number", "联系电话不正确"),
    LIAISON_DATES(Kind.INVALID, "a liaison cannot stop serving before starting", "联系人离任日期早于任职日期"),
    DATE_MISSING(Kind.INVALID, "a date is missing", "日期为空"),
    UNKNOWN_FEED(Kind.INVALID, "no such feed in the feed catalogue", "数据项目录中无此数据项"),
    AGE_FILTER_NOT_ALLOWED(Kind.INVALID, "the feed catalogue does not allow this feed to be limited by age (SHARE-4)",
            "数据项目录不允许该数据项按年龄提取"),
    ALIAS_HEADER(Kind.INVALID, "a column alias has no header text", "列名别名为空"),
    ALIAS_COLUMN(Kind.INVALID, "a column alias names no column of the feed", "列名别名对应的字段不存在"),
    ALIAS_DUPLICATE(Kind.INVALID, "two column aliases are the same header", "列名别名重复"),
    AGREEMENT_NUMBER(Kind.INVALID, "an agreement number is 1–64 letters, digits and brackets, without blanks or slashes",
            "协议编号须为1至64个字符，不含空格和斜杠"),
    AGENCY_NAME(Kind.INVALID, "the agency party is missing or longer than 100 characters", "使用方名称为空或超过100个字"),
    VALIDITY_ORDER(Kind.INVALID, "the validity period ends before it starts", "协议有效期截止日期早于起始日期"),
    SIGNED_IN_FUTURE(Kind.INVALID, "an agreement cannot be recorded before it is signed", "协议签订日期晚于今天"),
    VALID_BEFORE_SIGNING(Kind.INVALID, "the validity cannot begin before the signing day: an agreement takes effect when signed (000 附件2 五)",
            "协议自签订之日起生效，有效期不能早于签订日期"),
    NO_FEEDS(Kind.INVALID, "an agreement covers at least one feed", "协议至少覆盖一个数据项"),
    FEED_NOT_DELIVERED(Kind.INVALID, "the provider is not registered as delivering this feed", "该数据提供方未登记提供此数据项"),
    NO_PURPOSE(Kind.INVALID, "an agreement permits at least one purpose", "协议至少载明一项数据用途"),
    TERMINATION_DATE(Kind.INVALID, "a termination takes effect from today or later and before the agreement ends",
            "终止日期须不早于今天且不晚于协议截止日期"),
    TERMINATION_REASON(Kind.INVALID, "a termination needs a reason of at most 500 characters", "终止协议须说明原因（不超过500字）"),
    EXPIRY_WINDOW(Kind.INVALID, "the look-ahead is a period from 0 days to 10 years, such as P60D",
            "提前提醒期限须为0天至10年，如P60D"),
    SCAN_EMPTY(Kind.INVALID, "the scan is empty", "协议扫描件为空"),
    SCAN_FORMAT(Kind.INVALID, "a scan is a PDF, JPEG, PNG or TIFF file", "协议扫描件须为PDF、JPEG、PNG或TIFF文件"),
    SCAN_TOO_LARGE(Kind.INVALID, "the scan is larger than allowed", "协议扫描件超过大小限制"),

    UNKNOWN_PROVIDER(Kind.NOT_FOUND, "no such provider", "数据提供方未登记"),
    UNKNOWN_AGREEMENT(Kind.NOT_FOUND, "no such agreement", "无此协议"),
    UNKNOWN_LIAISON(Kind.NOT_FOUND, "no such liaison of this provider", "该数据提供方无此联系人"),
    NO_SCAN(Kind.NOT_FOUND, "the agreement has no scan yet", "该协议尚未上传扫描件"),

    PROVIDER_EXISTS(Kind.CONFLICT, "a provider with this code is already registered", "该数据提供方代码已登记"),
    AGREEMENT_EXISTS(Kind.CONFLICT, "an agreement with this number is already recorded", "该协议编号已登记"),
    ALREADY_TERMINATED(Kind.CONFLICT, "the agreement is already terminated", "该协议已终止"),
    LIAISON_ALREADY_ENDED(Kind.CONFLICT, "the liaison has already stopped serving", "该联系人已离任"),
    SCAN_ALREADY_ATTACHED(Kind.CONFLICT, "the agreement already has a different signed scan; a signed scan is never replaced",
            "该协议已有不同的签字扫描件，扫描件不可替换");

    /** What the caller did wrong. */
    public enum Kind {
        /** The request carries values that cannot be accepted. */
        INVALID,
        /** The request names a provider, agreement or liaison that is not registered. */
        NOT_FOUND,
        /** The request contradicts what is already recorded. */
        CONFLICT
    }

    private final Kind kind;
    private final String english;
    private final String chinese;

    RegisterProblem(Kind kind, String english, String chinese) {
        this.kind = kind;
        this.english = english;
        this.chinese = chinese;
    }

    public Kind kind() {
        return kind;
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
