package org.vigil.registry.change;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An employer's basic data in one version.
 *
 * @param validFrom when this version took effect; null for a version 1 loaded before the registry
 *                  recorded load times
 */
public record EmployerRecord(long id, int version, Instant validFrom, String creditCode, String name,
        String regionCode, LocalDate registeredOn) {

    /** A field's value in the stored text form of {@link ChangeField}. */
    public String value(ChangeField field) {
        return switch (field) {
            case EMPLOYER_CREDIT_CODE -> creditCode;
            case EMPLOYER_NAME -> name;
            case EMPLOYER_REGION -> regionCode;
            case EMPLOYER_REGISTERED_ON -> registeredOn == null ? null : registeredOn.toString();
            default -> throw new IllegalArgumentException(field + " is not a field of an employer");
        };
    }
}
