package org.vigil.sharing.catalogue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.YearMonth;

import org.vigil.identity.CreditCode;
import org.vigil.identity.EmailAddress;
import org.vigil.identity.Gender;
import org.vigil.identity.OrganizationCode;
import org.vigil.identity.PersonName;
import org.vigil.identity.PhoneNumber;
import org.vigil.identity.RegionCode;
import org.vigil.identity.ResidentId;

/**
 * What a column holds, which decides the parser its cells go through ({@link CellParsers}) and
 * the Java type of the value. Each type has the DATA-6 review level its columns get unless the
 * catalogue says otherwise; the levels DATA-6 names itself cannot be overridden
 * (see {@link #fixedByData6()}).
 */
public enum ColumnType {

    /** A citizen ID number (GB 11643) or a number on the same scheme; 15-digit ones are upgraded. */
    ID_NUMBER(ResidentId.class, ReviewLevel.MANUAL_REVIEW, true),
    NAME(PersonName.class, ReviewLevel.SYSTEM_VALIDATION, false),
    GENDER(Gender.class, ReviewLevel.SYSTEM_VALIDATION, false),
    DATE(LocalDate.class, ReviewLevel.SYSTEM_VALIDATION, false),
    /** A date and time; a date alone reads as the start of that day. */
    DATE_TIME(LocalDateTime.class, ReviewLevel.SYSTEM_VALIDATION, false),
    /** A time of day in a column of its own (a bank's transaction time). */
    TIME(LocalTime.class, ReviewLevel.SYSTEM_VALIDATION, false),
    YEAR_MONTH(YearMonth.class, ReviewLevel.SYSTEM_VALIDATION, false),
    YEAR(Year.class, ReviewLevel.SYSTEM_VALIDATION, false),
    /** Free text: names of institutions, case numbers, remarks. Kept as written, never evaluated. */
    TEXT(String.class, ReviewLevel.NONE, false),
    /** A postal address: text that DATA-6 lets change without review. */
    ADDRESS(String.class, ReviewLevel.NONE, true),
    CREDIT_CODE(CreditCode.class, ReviewLevel.MANUAL_REVIEW, true),
    ORGANIZATION_CODE(OrganizationCode.class, ReviewLevel.MANUAL_REVIEW, false),
    REGION_CODE(RegionCode.class, ReviewLevel.SYSTEM_VALIDATION, false),
    PHONE(PhoneNumber.class, ReviewLevel.SYSTEM_VALIDATION, true),
    EMAIL(EmailAddress.class, ReviewLevel.SYSTEM_VALIDATION, true),
    /** An amount of yuan, read as a {@code Long} number of cents (fen). */
    MONEY(Long.class, ReviewLevel.SYSTEM_VALIDATION, false),
    INTEGER(Long.class, ReviewLevel.SYSTEM_VALIDATION, false),
    /** One of the values the catalogue lists for the column; read as the catalogue's spelling. */
    CHOICE(String.class, ReviewLevel.SYSTEM_VALIDATION, false),
    /** A Base64-encoded image (PNG, JPEG, BMP or GIF). */
    IMAGE_BASE64(ImageData.class, ReviewLevel.SYSTEM_VALIDATION, false);

    private final Class<?> valueType;
    private final ReviewLevel defaultReview;
    private final boolean fixedByData6;

    ColumnType(Class<?> valueType, ReviewLevel defaultReview, boolean fixedByData6) {
        this.valueType = valueType;
        this.defaultReview = defaultReview;
        this.fixedByData6 = fixedByData6;
    }

    /** The class of the values {@link CellParsers#forColumn} gives for a column of this type. */
    public Class<?> valueType() {
        return valueType;
    }

    /** The review level of a column of this type when the catalogue names none. */
    public ReviewLevel defaultReview() {
        return defaultReview;
    }

    /**
     * Whether DATA-6 itself names this kind of data (ID numbers and credit codes: manual review;
     * phones and e-mail: system validation; addresses: none), so no catalogue entry may choose
     * another level.
     */
    public boolean fixedByData6() {
        return fixedByData6;
    }

    /** Whether the type is a date, a month or a year, which may not lie after the as-of date unless allowed. */
    public boolean isCalendar() {
        return this == DATE || this == DATE_TIME || this == YEAR_MONTH || this == YEAR;
    }

    /** Whether the type keeps text as written ({@link #TEXT}, {@link #ADDRESS}) and so has a length limit. */
    public boolean isText() {
        return this == TEXT || this == ADDRESS;
    }
}
