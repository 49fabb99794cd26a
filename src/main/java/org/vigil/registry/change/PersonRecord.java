package org.vigil.registry.change;

import java.time.Instant;
import java.time.LocalDate;

import org.vigil.identity.Gender;

/**
 * A person's basic data in one version.
 *
 * @param validFrom when this version took effect; null for a version 1 loaded before the registry
 *                  recorded load times
 */
public record PersonRecord(long id, int version, Instant validFrom, String idNumber, String name, Gender gender,
        LocalDate birthDate, String regionCode, String address, String phone, String email) {

    /** A field's value in the stored text form of {@link ChangeField}. */
    public String value(ChangeField field) {
        return switch (field) {
            case PERSON_ID_NUMBER -> idNumber;
            case PERSON_NAME -> name;
            case PERSON_GENDER -> gender == Gender.MALE ? "M" : "F";
            case PERSON_BIRTH_DATE -> birthDate.toString();
            case PERSON_REGION -> regionCode;
            case PERSON_ADDRESS -> address;
            case PERSON_PHONE -> phone;
            case PERSON_EMAIL -> email;
            default -> throw new IllegalArgumentException(field + " is not a field of a person");
        };
    }

    /** Masked: a person's data must not reach logs in plain text. */
    @Override
    public String toString() {
        return "PersonRecord[id=" + id + ", version=" + version + ", idNumber="
                + ChangeField.PERSON_ID_NUMBER.masked(idNumber) + "]";
    }
}
