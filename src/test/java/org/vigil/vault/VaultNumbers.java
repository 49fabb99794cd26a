package org.vigil.vault;

import java.nio.charset.StandardCharsets;

import org.vigil.identity.IdKeys;

/** Tests' look-up of the person number rows now name a person by (DATA-15, ADR 0035). */
public final class VaultNumbers {

    private VaultNumbers() {
    }

    /** The vault's number for an ID number it holds; fails when it holds none. */
    public static long of(PersonVault vault, String idNumber) {
        long key = IdKeys.ofAscii(idNumber.getBytes(StandardCharsets.US_ASCII), 0);
        return vault.find(key).orElseThrow(() -> new AssertionError("the vault holds no " + idNumber.substring(0, 6) + "…"));
    }
}
