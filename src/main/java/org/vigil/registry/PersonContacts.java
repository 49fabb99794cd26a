package org.vigil.registry;

import java.util.Collection;
import java.util.Map;

/**
 * How to reach persons the registry knows, for the staff who verify them (CERT-12: reminders by
 * phone; CERT-11: the ledgers community workers call from). Other modules ask here and never read
 * the registry's tables.
 */
public interface PersonContacts {

    /**
     * The phone numbers on record for these persons, by normalised ID number, as the registry holds
     * them; a person without one, or unknown to the registry, is left out.
     */
    Map<String, String> phones(Collection<String> idNumbers);

    /**
     * The same by the vault's person numbers ({@link org.vigil.vault.PersonVault}), for modules that
     * store those instead of ID numbers (DATA-15).
     */
    Map<Long, String> phonesOfPersons(Collection<Long> personNumbers);
}
