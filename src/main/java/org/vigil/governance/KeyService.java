package org.vigil.governance;

/**
 * The one place Vigil's keys live and are used (DATA-15, 密评): keyed hashes with HMAC-SM3,
 * authenticated encryption with SM4-GCM and signatures with SM2 over SM3. Callers name a key by its id and never see key material, so a
 * certified cryptographic module or an HSM can take this interface's place.
 */
public interface KeyService {

    /** Whether this service holds the key (MAC or SM2) with that id. */
    boolean holds(String keyId);

    /** The id of the MAC key new data is protected with. */
    String currentMacKey();

    /**
     * HMAC-SM3 of the data under the given key.
     *
     * @throws UnknownKeyException when no key has that id
     */
    byte[] mac(String keyId, byte[] data);

    /** The id of the SM4 key new data is encrypted with. */
    String currentDataKey();

    /**
     * Encrypts with SM4-GCM under the given key: a fresh 96-bit nonce, then the ciphertext and its
     * 128-bit tag. The associated data (a record's id, a file's name and chunk number) is
     * authenticated, not encrypted, so a sealed value moved to another place does not open there.
     *
     * @throws UnknownKeyException when no key has that id
     */
    byte[] encrypt(String keyId, byte[] plaintext, byte[] associatedData);

    /**
     * Opens what {@link #encrypt} sealed with the same key and associated data.
     *
     * @throws TamperedException    when the value or its associated data was changed
     * @throws UnknownKeyException  when no key has that id
     */
    byte[] decrypt(String keyId, byte[] sealed, byte[] associatedData);

    /** Signs the data with the current SM2 key. */
    Signature sign(byte[] data);

    /**
     * Whether the signature over the data is valid for the given SM2 key.
     *
     * @throws UnknownKeyException when no key has that id
     */
    boolean verify(String keyId, byte[] data, byte[] signature);

    /** An SM2 signature and the id of the key that made it. */
    record Signature(String keyId, byte[] value) {

        public Signature {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }
    }

    /** A sealed value that does not open: changed, truncated, or sealed for another place. */
    final class TamperedException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        public TamperedException(String message) {
            super(message);
        }
    }

    /** A key id that names no key this service holds: data protected by a key that was lost. */
    final class UnknownKeyException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        public UnknownKeyException(String keyId) {
            super("no key with id " + keyId + " is held by the key service");
        }
    }
}
