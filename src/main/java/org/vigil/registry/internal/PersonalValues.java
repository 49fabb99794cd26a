package org.vigil.registry.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.vigil.governance.KeyService;
import org.vigil.governance.SealedValues;
import org.vigil.identity.IdKeys;
import org.vigil.vault.PersonVault;

/**
 * How the registry stores a person's data (DATA-15, ADR 0035): the ID number as the vault's person
 * number, names and contact details sealed with SM4-GCM for their table's column and the person's
 * number, so a sealed name copied to another person's row, or into the address column, does not
 * open. Sex, birth date and community code stay in clear: jurisdiction (ADR 0026) and candidate
 * matching (SHARE-6) select on them.
 */
@Component
class PersonalValues {

    /** Places of {@code registry.person}'s sealed columns. */
    static final String PERSON_NAME = "registry.person.name";
    static final String PERSON_ADDRESS = "registry.person.address";
    static final String PERSON_PHONE = "registry.person.phone";
    static final String PERSON_EMAIL = "registry.person.email";

    private final SealedValues sealed;
    private final PersonVault vault;

    PersonalValues(KeyService keys, PersonVault vault) {
        this.sealed = new SealedValues(keys);
        this.vault = vault;
    }

    SealedValues sealed() {
        return sealed;
    }

    PersonVault vault() {
        return vault;
    }

    byte[] seal(String place, long row, String text) {
        return sealed.seal(place, row, text);
    }

    String open(String place, long row, byte[] stored) {
        return sealed.open(place, row, stored);
    }

    /** The person number of a normalised 18-character ID number, recorded in the vault when new. */
    long numberOf(String idNumber) {
        return vault.numberOf(key(idNumber));
    }

    /** The person number of an ID number the vault holds, recording nothing. */
    Optional<Long> find(String idNumber) {
        long key = key(idNumber);
        return key == 0 ? Optional.empty() : vault.find(key);
    }

    String idNumber(long number) {
        return vault.idNumber(number);
    }

    /** The key of a normalised ID number, 0 when it is not one. */
    static long key(String idNumber) {
        if (idNumber == null || idNumber.length() != IdKeys.LENGTH) {
            return 0;
        }
        return IdKeys.ofAscii(idNumber.getBytes(StandardCharsets.US_ASCII), 0);
    }
}
