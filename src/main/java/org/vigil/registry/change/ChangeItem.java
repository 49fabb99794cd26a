package org.vigil.registry.change;

/**
 * One field of one record that a request changes.
 *
 * @param oldValue what the record held when the request was made (null: nothing); a modification
 *                 finds the record still holding it or refuses, since someone changed it in between
 * @param newValue the value in the registry's stored form (null: remove it, where the field allows)
 */
public record ChangeItem(long recordId, ChangeField field, String oldValue, String newValue) {

    /** Values as ID numbers and phone numbers: never in logs in plain text. */
    @Override
    public String toString() {
        return "ChangeItem[record=" + recordId + ", field=" + field + ", old=" + field.masked(oldValue) + ", new="
                + field.masked(newValue) + "]";
    }
}
