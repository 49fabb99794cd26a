package org.vigil.governance.lawenforcement;

/**
 * Why the law-enforcement register refused something, in English and Chinese. The kind says what
 * went wrong: bad values, an unknown request, a state that does not allow the act, an actor who
 * may not do it, or a release the approved request does not cover.
 */
public enum LawEnforcementProblem {

    CASE_NUMBER(Kind.INVALID, "a case number is 1–64 characters", "案件编号须为1至64个字符"),
    AGENCY(Kind.INVALID, "the requesting agency is 1–100 characters", "协查机关名称须为1至100个字符"),
    PURPOSE(Kind.INVALID, "the purpose is 1–500 characters", "协查事由须为1至500个字符"),
    LEGAL_BASIS(Kind.INVALID, "the legal basis is 1–200 characters", "法律依据须为1至200个字符"),
    APPROVAL_NUMBER(Kind.INVALID, "the approval document's number is 1–100 characters", "审批文书编号须为1至100个字符"),
    TOO_FEW_OFFICERS(Kind.INVALID, "at least two officers must come and show their credentials (004 第十二条)",
            "执法协查须有两名以上执法人员并出示证件（004 第十二条）"),
    TOO_MANY_OFFICERS(Kind.INVALID, "at most 10 officers are registered on one request", "一次协查登记的执法人员不超过10名"),
    OFFICER_NAME(Kind.INVALID, "not a person's name", "执法人员姓名不正确"),
    CREDENTIAL(Kind.INVALID, "a credential is a type and a number of 4–32 letters, digits or hyphens",
            "执法证件须有证件类型及4至32位字母、数字或连字符组成的证件号码"),
    SAME_OFFICER_TWICE(Kind.INVALID, "two officers show the same credential: they are one officer",
            "两名执法人员证件号码相同，不能视为两人"),
    NO_CATEGORIES(Kind.INVALID, "the scope names at least one category of data", "协查范围须至少包含一类数据"),
    NO_PERSONS(Kind.INVALID, "the scope names at least one person", "协查范围须至少包含一名人员"),
    TOO_MANY_PERSONS(Kind.INVALID, "the scope names at most " + AccessScope.MAX_PERSONS + " persons",
            "协查范围人员不超过" + AccessScope.MAX_PERSONS + "名"),
    PERSON_ID(Kind.INVALID, "not a citizen ID number", "公民身份号码不正确"),
    DOCUMENT_EMPTY(Kind.INVALID, "the approval document's scan is empty", "审批文书扫描件为空"),
    DOCUMENT_FORMAT(Kind.INVALID, "the approval document's scan is a PDF, JPEG or PNG file",
            "审批文书扫描件须为PDF、JPEG或PNG文件"),
    DOCUMENT_TOO_LARGE(Kind.INVALID, "the approval document's scan is larger than allowed", "审批文书扫描件超过大小限制"),
    WINDOW_ORDER(Kind.INVALID, "the access window ends after it starts", "协查时限的截止时间须晚于起始时间"),
    WINDOW_TOO_LONG(Kind.INVALID, "the access window is longer than allowed", "协查时限超过允许的最长期限"),
    WINDOW_OVER(Kind.INVALID, "the access window has already ended", "协查时限已过"),
    SUPERVISOR(Kind.INVALID, "the supervisor to notify needs a name and a post of at most 100 characters",
            "须填写被告知的监督人姓名及职务（不超过100字）"),
    SUPERVISOR_ACCOUNT(Kind.INVALID, "the supervisor's staff account does not exist or is disabled",
            "监督人的工作人员账号不存在或已停用"),
    NO_CONFIDENTIALITY(Kind.INVALID, "the officers must have undertaken to keep the data confidential (004 第十二条)",
            "执法人员须承诺对所获数据保密（004 第十二条）"),
    NOTE(Kind.INVALID, "a note or reason is at most 500 characters; a rejection must give one",
            "说明或驳回理由不超过500字，驳回须说明理由"),
    NO_ITEMS(Kind.INVALID, "a release names at least one item and at most 10,000", "提供数据须列明1至10000项"),
    FILE_HASH(Kind.INVALID, "the SHA-256 of the file handed over is 64 hexadecimal digits",
            "所交付文件的SHA-256须为64位十六进制数"),

    UNKNOWN_REQUEST(Kind.NOT_FOUND, "no such law-enforcement request", "无此执法协查登记"),

    NOT_REGISTERED(Kind.CONFLICT, "only a request waiting for approval can be approved or rejected",
            "只有待审批的协查登记可以批准或驳回"),
    NOT_APPROVED(Kind.CONFLICT, "only an approved request can be closed", "只有已批准的协查登记可以办结"),
    REQUEST_EXPIRED(Kind.CONFLICT, "the request's access window has ended; it can no longer be approved",
            "协查时限已过，不能再批准"),

    NOT_PERMITTED(Kind.FORBIDDEN, "the staff account's role does not allow this act on the register",
            "当前账号角色无权办理此项执法协查业务"),
    SELF_APPROVAL(Kind.FORBIDDEN, "whoever registered a request may not approve or reject it, under any account",
            "登记人不得审批本人登记的协查（含其本人的其他账号）"),

    RELEASE_NOT_APPROVED(Kind.REFUSED, "data is released only on an approved request", "协查登记未经批准，不得提供数据"),
    RELEASE_BEFORE_WINDOW(Kind.REFUSED, "the access window has not opened yet", "协查时限尚未开始，不得提供数据"),
    RELEASE_AFTER_WINDOW(Kind.REFUSED, "the access window has ended", "协查时限已过，不得提供数据"),
    CATEGORY_OUT_OF_SCOPE(Kind.REFUSED, "a category of data outside the approved scope", "所提供数据类别超出批准的协查范围"),
    PERSON_OUT_OF_SCOPE(Kind.REFUSED, "a person outside the approved scope", "所涉人员不在批准的协查范围内");

    /** What kind of wrong it is, which decides the answer's status. */
    public enum Kind {
        /** The values cannot be accepted. */
        INVALID,
        /** The request named does not exist. */
        NOT_FOUND,
        /** The request's state does not allow the act. */
        CONFLICT,
        /** The actor may not do this. */
        FORBIDDEN,
        /** The approved request does not cover this release. */
        REFUSED
    }

    private final Kind kind;
    private final String english;
    private final String chinese;

    LawEnforcementProblem(Kind kind, String english, String chinese) {
        this.kind = kind;
        this.english = english;
        this.chinese = chinese;
    }

    public Kind kind() {
        return kind;
    }

    public String english() {
        return english;
    }

    public String chinese() {
        return chinese;
    }
}
