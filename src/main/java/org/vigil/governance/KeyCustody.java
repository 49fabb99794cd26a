package org.vigil.governance;

import java.util.List;

/**
 * The life of the keys the {@link KeyService} uses (DATA-15, DATA-17): a new key made current
 * without stopping anything, and an old one destroyed once nothing is protected by it any more.
 * Destroying a key is how data on a disk sent for repair or scrapped is erased: whatever was
 * sealed under it can no longer be opened by anyone (ADR 0035).
 */
public interface KeyCustody {

    /** The two kinds of key that protect stored data and can be rotated. */
    enum KeyKind {
        /** HMAC-SM3: blind indexes and the audit chain. */
        MAC,
        /** SM4: sealed values. */
        DATA
    }

    /** A key the service holds, by id, and whether new data is protected with it. */
    record HeldKey(String id, KeyKind kind, boolean current) {
    }

    /** Every MAC and data key held, current or not. */
    List<HeldKey> held();

    /**
     * Makes a new key of that kind and makes it current. Values protected by the old one still
     * open; every process using the same folder takes the new key within seconds.
     *
     * @return the new key's id
     */
    String rotate(KeyKind kind);

    /**
     * Overwrites and deletes a key that is no longer current. Callers check first that nothing is
     * protected by it ({@link KeyRotation#retire}).
     *
     * @throws IllegalArgumentException            when the key is current
     * @throws KeyService.UnknownKeyException      when no such key is held
     */
    void destroy(String keyId);
}
