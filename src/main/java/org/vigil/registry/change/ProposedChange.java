package org.vigil.registry.change;

import java.util.Objects;

/**
 * One field of one record as an applicant asks to change it.
 *
 * @param recordId the person's or employer's internal id
 * @param newValue the value as typed (blanks, full-width digits, a 15-digit ID are normalised by the
 *                 identity kernel); null or blank removes the value where the field allows it
 */
public record ProposedChange(long recordId, ChangeField field, String newValue) {

    public ProposedChange {
        Objects.requireNonNull(field, "field");
        if (newValue != null && newValue.isBlank()) {
            newValue = null;
        }
    }

    @Override
    public String toString() {
        return "ProposedChange[record=" + recordId + ", field=" + field + ", new=" + field.masked(newValue) + "]";
    }
}
