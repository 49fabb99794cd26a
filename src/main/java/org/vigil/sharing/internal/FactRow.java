package org.vigil.sharing.internal;

import java.time.LocalDate;
import java.util.Map;

import org.vigil.sharing.catalogue.FactKind;

/**
 * An accepted row that becomes a fact (every kind but life signs, which are folded per month).
 * IDs are held as {@link org.vigil.identity.IdKeys} until the row is written, when the vault turns
 * them into person numbers; nothing here that names a person in clear is ever stored.
 *
 * @param idKey       the subject's ID key, 0 for none
 * @param attributes  the row's other values as stored: no ID, name, phone, e-mail or address
 * @param otherIds    the ID keys of other persons the row names (a marriage's other party), by column key
 */
record FactRow(long row, FactKind kind, long idKey, boolean linked, LocalDate eventDate, LocalDate endDate,
        Map<String, String> attributes, Map<String, Long> otherIds) {

    /** The attribute key under which another person's number is stored for an ID column. */
    static String personKey(String columnKey) {
        return "person:" + columnKey;
    }
}
