package org.vigil.vault;

import java.util.Optional;

/**
 * Person numbers for ID numbers and back (DATA-15, ADR 0035). The vault stores each ID number once,
 * sealed with SM4-GCM, and finds it by an HMAC-SM3 blind index; every other table stores the
 * person's number instead, so a copy of any of them names no one. A number, once given, always
 * means the same ID number.
 *
 * <p>ID numbers are passed as their key ({@link org.vigil.identity.IdKeys}): the normalised
 * 18-character form packed into a long, which loops over millions of rows hold anyway.
 */
public interface PersonVault {

    /**
     * The person number of each ID key, recording those the vault has not seen: {@code out[i]} for
     * {@code idKeys[i]}, 0 for a key of 0 (a row without a usable ID).
     *
     * @throws IllegalArgumentException when {@code out} is shorter than {@code idKeys}
     */
    void numbersOf(long[] idKeys, int count, long[] out);

    /** The person number of one ID key, recording it when new. */
    long numberOf(long idKey);

    /** The person number of an ID key the vault holds, without recording anything. */
    Optional<Long> find(long idKey);

    /**
     * The ID key of each person number into {@code out[i]}, opening the sealed ID numbers not yet
     * opened by this process.
     *
     * @throws UnknownPersonException when a number is not the vault's
     */
    void idKeysOf(long[] numbers, int count, long[] out);

    /** The normalised 18-character ID number of a person number. */
    String idNumber(long number);

    /**
     * Opens every ID number the vault holds into this process's map, for a job about to look up
     * most of them (a delivery of a million rows, the monthly run): one pass instead of a round
     * trip per block.
     */
    void preload();

    /** A person number that the vault never gave. */
    final class UnknownPersonException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        public UnknownPersonException(long number) {
            super("the vault holds no person number " + number);
        }
    }
}
