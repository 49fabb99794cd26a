package org.vigil.sharing.catalogue;

import java.util.EnumSet;
import java.util.Set;

/**
 * The part a column plays in the fact a row states, so that ingestion finds "whose ID" and
 * "which date" without knowing each department's headers. A feed has at most one column per role
 * (other than {@link #NONE}); the types each role admits are fixed here.
 */
public enum ColumnRole {

    /** The person the fact is about: their ID number. */
    SUBJECT_ID(EnumSet.of(ColumnType.ID_NUMBER)),
    SUBJECT_NAME(EnumSet.of(ColumnType.NAME)),
    SUBJECT_GENDER(EnumSet.of(ColumnType.GENDER)),
    SUBJECT_BIRTH_DATE(EnumSet.of(ColumnType.DATE)),
    SUBJECT_PHONE(EnumSet.of(ColumnType.PHONE)),
    SUBJECT_ADDRESS(EnumSet.of(ColumnType.ADDRESS)),
    /** The division (community, street, county) the subject is registered in. */
    SUBJECT_REGION(EnumSet.of(ColumnType.REGION_CODE)),
    /**
     * The second person of a two-person fact: the other spouse of a marriage registration, the
     * adopter, a newborn's mother, the head of a household receiving relief.
     */
    OTHER_PARTY_ID(EnumSet.of(ColumnType.ID_NUMBER)),
    OTHER_PARTY_NAME(EnumSet.of(ColumnType.NAME)),
    /** The employer (or, in employer registers, the subject itself): its unified social credit code. */
    EMPLOYER_CREDIT_CODE(EnumSet.of(ColumnType.CREDIT_CODE)),
    EMPLOYER_ORGANIZATION_CODE(EnumSet.of(ColumnType.ORGANIZATION_CODE)),
    EMPLOYER_NAME(EnumSet.of(ColumnType.TEXT)),
    /** When the fact happened: the death, the sentence's start, the visit, the registration. */
    EVENT_DATE(EnumSet.of(ColumnType.DATE, ColumnType.DATE_TIME)),
    /** The time of day of the event, when a department writes it in a column of its own. */
    EVENT_TIME(EnumSet.of(ColumnType.TIME)),
    /** When a state that began at the event date ends: a sentence's end, a release. */
    EVENT_END_DATE(EnumSet.of(ColumnType.DATE)),
    /** Which of a feed's kinds of event a row reports (死亡/走访慰问…, 入监/释放, 参保/停保). */
    EVENT_KIND(EnumSet.of(ColumnType.CHOICE)),
    /** The month or year a payment, wage or participation belongs to. */
    EVENT_PERIOD(EnumSet.of(ColumnType.YEAR_MONTH, ColumnType.YEAR)),
    /** The amount a row is about: a wage, an allowance, a tax payment. */
    AMOUNT(EnumSet.of(ColumnType.MONEY)),
    /** The document behind the row: a judgment or release-certificate scan, a certificate number. */
    DOCUMENT(EnumSet.of(ColumnType.TEXT)),
    PHOTO(EnumSet.of(ColumnType.IMAGE_BASE64)),
    /** Descriptive: kept with the fact, used by nothing that decides. */
    NONE(EnumSet.allOf(ColumnType.class));

    private final Set<ColumnType> types;

    ColumnRole(Set<ColumnType> types) {
        this.types = types;
    }

    /** Whether a column of this type may play this role. */
    public boolean admits(ColumnType type) {
        return types.contains(type);
    }

    /** Whether the role names who or what the fact is about, so that a row can be linked. */
    public boolean identifiesSubject() {
        return this == SUBJECT_ID || this == SUBJECT_NAME || this == EMPLOYER_CREDIT_CODE
                || this == EMPLOYER_ORGANIZATION_CODE;
    }
}
