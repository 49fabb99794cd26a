package org.vigil.registry.change;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.vigil.identity.EmailAddress;
import org.vigil.identity.PersonName;
import org.vigil.identity.PhoneNumber;

/**
 * The catalogue of basic-data fields a change request may touch, each with its review level
 * (DATA-6, 004 第七条) and, for fields under manual review, the department that confirms a new
 * value. Contact details and addresses change at once; phone and e-mail at once when they pass the
 * system's check; who a person or an employer is only after approval with a cross-department check.
 *
 * <p>Values travel as text in the form the registry stores: an ID number or credit code in its
 * normalised 18 characters, a sex as {@code M}/{@code F}, a date as {@code yyyy-MM-dd}, a division
 * code in its digits. {@link #masked} is what screens show by default.
 */
public enum ChangeField {

    PERSON_ID_NUMBER(RecordKind.PERSON, "公民身份号码", ReviewLevel.MANUAL_REVIEW, CheckingDepartment.PUBLIC_SECURITY_HOUSEHOLD, false),
    PERSON_NAME(RecordKind.PERSON, "姓名", ReviewLevel.MANUAL_REVIEW, CheckingDepartment.PUBLIC_SECURITY_HOUSEHOLD, false),
    PERSON_GENDER(RecordKind.PERSON, "性别", ReviewLevel.MANUAL_REVIEW, CheckingDepartment.PUBLIC_SECURITY_HOUSEHOLD, false),
    PERSON_BIRTH_DATE(RecordKind.PERSON, "出生日期", ReviewLevel.MANUAL_REVIEW, CheckingDepartment.PUBLIC_SECURITY_HOUSEHOLD, false),
    /** The 12-digit community or village of residence: part of the address. */
    PERSON_REGION(RecordKind.PERSON, "居住社区（村）", ReviewLevel.NONE, null, false),
    PERSON_ADDRESS(RecordKind.PERSON, "联系地址", ReviewLevel.NONE, null, true),
    PERSON_PHONE(RecordKind.PERSON, "联系电话", ReviewLevel.SYSTEM_VALIDATION, null, true),
    PERSON_EMAIL(RecordKind.PERSON, "电子邮箱", ReviewLevel.SYSTEM_VALIDATION, null, true),
    EMPLOYER_CREDIT_CODE(RecordKind.EMPLOYER, "统一社会信用代码", ReviewLevel.MANUAL_REVIEW, CheckingDepartment.MARKET_REGULATION, false),
    EMPLOYER_NAME(RecordKind.EMPLOYER, "单位名称", ReviewLevel.MANUAL_REVIEW, CheckingDepartment.MARKET_REGULATION, false),
    EMPLOYER_REGISTERED_ON(RecordKind.EMPLOYER, "成立（登记）日期", ReviewLevel.MANUAL_REVIEW, CheckingDepartment.MARKET_REGULATION, true),
    /** Where the employer is, at any level from district to community: its address. */
    EMPLOYER_REGION(RecordKind.EMPLOYER, "所在地区划", ReviewLevel.NONE, null, false);

    /** How many characters of an address a masked view keeps: the district and street, not the door. */
    private static final int ADDRESS_SHOWN = 6;

    private final RecordKind kind;
    private final String chinese;
    private final ReviewLevel level;
    private final CheckingDepartment checkedBy;
    private final boolean clearable;

    ChangeField(RecordKind kind, String chinese, ReviewLevel level, CheckingDepartment checkedBy, boolean clearable) {
        this.kind = kind;
        this.chinese = chinese;
        this.level = level;
        this.checkedBy = checkedBy;
        this.clearable = clearable;
    }

    public RecordKind kind() {
        return kind;
    }

    public String chinese() {
        return chinese;
    }

    public ReviewLevel level() {
        return level;
    }

    /** The department that confirms a new value, for a field under manual review; empty otherwise. */
    public Optional<CheckingDepartment> checkedBy() {
        return Optional.ofNullable(checkedBy);
    }

    /** Whether the record may hold no value here, so a change may remove it. */
    public boolean clearable() {
        return clearable;
    }

    /** The fields of one kind of record, in catalogue order. */
    public static List<ChangeField> of(RecordKind kind) {
        return Arrays.stream(values()).filter(f -> f.kind == kind).toList();
    }

    /**
     * The value as shown by default (DATA-9, PIPL minimisation): an ID number with its birth date
     * hidden, a name with its middle hidden, a birth date as its year, an address as its first few
     * characters, phone and e-mail as their kernel types mask them. An employer's data is not
     * personal and shows in full. A value the kernel cannot read is hidden whole.
     */
    public String masked(String value) {
        if (value == null) {
            return null;
        }
        return switch (this) {
            case PERSON_ID_NUMBER -> value.length() == 18 ? value.substring(0, 6) + "********" + value.substring(14)
                    : "******";
            case PERSON_NAME -> PersonName.parse(value).toOptional().map(PersonName::masked).orElse("*");
            case PERSON_BIRTH_DATE -> value.length() >= 4 ? value.substring(0, 4) + "-**-**" : "****";
            case PERSON_ADDRESS -> value.codePointCount(0, value.length()) <= ADDRESS_SHOWN ? "****"
                    : value.substring(0, value.offsetByCodePoints(0, ADDRESS_SHOWN)) + "****";
            case PERSON_PHONE -> PhoneNumber.parse(value).toOptional().map(PhoneNumber::masked).orElse("****");
            case PERSON_EMAIL -> EmailAddress.parse(value).toOptional().map(EmailAddress::masked).orElse("****");
            case PERSON_GENDER, PERSON_REGION, EMPLOYER_CREDIT_CODE, EMPLOYER_NAME, EMPLOYER_REGISTERED_ON,
                    EMPLOYER_REGION -> value;
        };
    }
}
