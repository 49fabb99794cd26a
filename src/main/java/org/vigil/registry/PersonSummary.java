package org.vigil.registry;

import java.time.LocalDate;

import org.vigil.identity.Gender;
import org.vigil.identity.RegionCode;

/**
 * One person of a {@link PersonIndex}, as a value.
 *
 * @param index     the person's number in the snapshot it came from
 * @param idNumber  the normalised 18-character ID number
 * @param name      the normalised name (see {@link PersonIndex#name(int)})
 * @param gender    the sex the registry records
 * @param birthDate the birth date the registry records
 * @param region    the 12-digit community or village of residence
 */
public record PersonSummary(int index, String idNumber, String name, Gender gender, LocalDate birthDate,
        RegionCode region) {

    /** Masked: ID numbers and names must not reach logs in plain text. */
    @Override
    public String toString() {
        return "PersonSummary[index=" + index + ", id=" + idNumber.substring(0, 6) + "********"
                + idNumber.substring(14) + "]";
    }
}
