package org.vigil.registry.change;

/** What one version changed in one field: the value before and after, in stored text form (null: none). */
public record FieldChange(ChangeField field, String oldValue, String newValue) {

    @Override
    public String toString() {
        return "FieldChange[" + field + ": " + field.masked(oldValue) + " → " + field.masked(newValue) + "]";
    }
}
