package org.vigil.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.vigil.identity.CreditCode;
import org.vigil.identity.EmailAddress;
import org.vigil.identity.Gender;
import org.vigil.identity.Parsed;
import org.vigil.identity.PersonName;
import org.vigil.identity.PhoneNumber;
import org.vigil.identity.RegionCode;
import org.vigil.identity.RegionLevel;
import org.vigil.identity.Rejection;
import org.vigil.identity.ResidentId;
import org.vigil.registry.change.ChangeField;
import org.vigil.registry.change.ChangeRefusedException;
import org.vigil.registry.change.ChangeRefusedException.Kind;

/**
 * The system validation of DATA-6 for every field of the catalogue: a new value is read by the
 * identity kernel and kept in its normalised form, or refused naming the field and the kernel's
 * reason. Also the one rule across fields the baseline load holds a person to: the birth date is
 * the one in the ID number.
 */
final class FieldValues {

    /** Longest free text (an address, an employer's name) a change may store. */
    static final int MAX_TEXT = 200;
    private static final LocalDate EARLIEST = LocalDate.of(1880, 1, 1);

    private final Clock clock;

    FieldValues(Clock clock) {
        this.clock = clock;
    }

    /**
     * The value as the registry stores it.
     *
     * @param raw null to remove the value
     * @throws ChangeRefusedException (INVALID) with the reason, in English and Chinese
     */
    String normalise(ChangeField field, String raw) {
        if (raw == null) {
            if (!field.clearable()) {
                throw invalid(field, "a value is required", "不能为空");
            }
            return null;
        }
        return switch (field) {
            case PERSON_ID_NUMBER -> kernel(field, ResidentId.parse(raw, clock)).value();
            case PERSON_NAME -> kernel(field, PersonName.parse(raw)).value();
            case PERSON_GENDER -> kernel(field, Gender.parse(raw)) == Gender.MALE ? "M" : "F";
            case PERSON_BIRTH_DATE, EMPLOYER_REGISTERED_ON -> date(field, raw).toString();
            case PERSON_REGION -> {
                RegionCode code = kernel(field, RegionCode.parse(raw));
                if (code.level() != RegionLevel.VILLAGE) {
                    throw invalid(field, "a person lives in a 12-digit community or village, not at " + code.level().english()
                            + " level", "须为12位社区（村）代码");
                }
                yield code.value();
            }
            case EMPLOYER_REGION -> kernel(field, RegionCode.parse(raw)).value();
            case PERSON_ADDRESS, EMPLOYER_NAME -> text(field, raw);
            case PERSON_PHONE -> kernel(field, PhoneNumber.parse(raw)).value();
            case PERSON_EMAIL -> kernel(field, EmailAddress.parse(raw)).value();
            case EMPLOYER_CREDIT_CODE -> kernel(field, CreditCode.parse(raw)).value();
        };
    }

    /**
     * The person as a change would leave them still has the birth date of their ID number, as the
     * baseline load demands of every row; an ID number and a birth date therefore change together.
     */
    void checkPerson(long personId, Map<ChangeField, String> after) {
        String id = after.get(ChangeField.PERSON_ID_NUMBER);
        LocalDate birth = LocalDate.parse(after.get(ChangeField.PERSON_BIRTH_DATE));
        ResidentId parsed = kernel(ChangeField.PERSON_ID_NUMBER, ResidentId.parse(id, clock));
        if (!parsed.birthDate().equals(birth)) {
            throw new ChangeRefusedException(Kind.INVALID, "person:" + personId + ": the birth date would differ from the "
                    + "one in the ID number; change both in the same request / 出生日期须与公民身份号码一致，请在同一申请中一并变更");
        }
    }

    private LocalDate date(ChangeField field, String raw) {
        LocalDate date;
        try {
            date = LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new ChangeRefusedException(Kind.INVALID, field + ": not a date as yyyy-MM-dd (" + e.getParsedString()
                    + ") / " + field.chinese() + "须为 yyyy-MM-dd 格式的日期", e);
        }
        if (date.isAfter(LocalDate.now(clock)) || date.isBefore(EARLIEST)) {
            throw invalid(field, "the date " + date + " lies in the future or before " + EARLIEST, "日期超出合理范围");
        }
        return date;
    }

    private static String text(ChangeField field, String raw) {
        String s = raw.strip();
        if (s.isEmpty()) {
            throw invalid(field, "a value is required", "不能为空");
        }
        if (s.codePointCount(0, s.length()) > MAX_TEXT) {
            throw invalid(field, "longer than " + MAX_TEXT + " characters", "超过" + MAX_TEXT + "个字符");
        }
        if (s.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid(field, "contains control characters", "含控制字符");
        }
        return s;
    }

    private static <T> T kernel(ChangeField field, Parsed<T> parsed) {
        if (parsed instanceof Parsed.Valid<T> valid) {
            return valid.value();
        }
        Rejection why = parsed.problem().orElseThrow();
        // the kernel's detail may quote the value typed; a refusal goes back to the one who typed it, never to a log
        throw new ChangeRefusedException(Kind.INVALID, field + ": " + why.message() + " / " + field.chinese() + "："
                + why.messageChinese());
    }

    private static ChangeRefusedException invalid(ChangeField field, String english, String chinese) {
        return new ChangeRefusedException(Kind.INVALID, field + ": " + english + " / " + field.chinese() + chinese);
    }
}
