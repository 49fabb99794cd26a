package org.vigil.governance;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Personal data as it is stored (DATA-15, 密评): each value sealed with SM4-GCM through the
 * {@link KeyService}, bound to the place it belongs (a table's column and the row's person), and
 * carrying the id of the key that sealed it, so that a rotation can find what is still under an
 * old key with SQL alone ({@link #keyPrefix}) and a value moved to another row does not open there.
 *
 * <p>The stored form is one version byte, the key id's 8 bytes, then the nonce, ciphertext and tag.
 */
public final class SealedValues {

    private static final byte VERSION = 1;
    private static final int KEY_ID_BYTES = 8;
    private static final int HEADER = 1 + KEY_ID_BYTES;
    private static final HexFormat HEX = HexFormat.of();

    private final KeyService keys;

    public SealedValues(KeyService keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Seals the text for that place under the current data key; null stays null. */
    public byte[] seal(String place, long row, String text) {
        if (text == null) {
            return null;
        }
        String keyId = keys.currentDataKey();
        byte[] sealed = keys.encrypt(keyId, text.getBytes(StandardCharsets.UTF_8), associated(place, row));
        byte[] out = new byte[HEADER + sealed.length];
        out[0] = VERSION;
        System.arraycopy(keyIdBytes(keyId), 0, out, 1, KEY_ID_BYTES);
        System.arraycopy(sealed, 0, out, HEADER, sealed.length);
        return out;
    }

    /**
     * Opens what {@link #seal} sealed for the same place; null stays null.
     *
     * @throws KeyService.TamperedException   when the value was changed or belongs to another place
     * @throws KeyService.UnknownKeyException when its key was destroyed
     */
    public String open(String place, long row, byte[] stored) {
        if (stored == null) {
            return null;
        }
        if (stored.length <= HEADER || stored[0] != VERSION) {
            throw new KeyService.TamperedException("a stored value for " + place + " is not a sealed value");
        }
        byte[] opened = keys.decrypt(keyId(stored), Arrays.copyOfRange(stored, HEADER, stored.length),
                associated(place, row));
        return new String(opened, StandardCharsets.UTF_8);
    }

    /** Seals the value again under the current key; the same value when it already is. */
    public byte[] reseal(String place, long row, byte[] stored) {
        if (stored == null || keyId(stored).equals(keys.currentDataKey())) {
            return stored;
        }
        return seal(place, row, open(place, row, stored));
    }

    /** The id of the key a stored value is sealed under. */
    public static String keyId(byte[] stored) {
        if (stored.length <= HEADER) {
            throw new KeyService.TamperedException("a stored value of " + stored.length + " bytes is not a sealed value");
        }
        return HEX.formatHex(stored, 1, HEADER);
    }

    /**
     * The first bytes every value sealed under that key starts with, for SQL: values under a key
     * are those whose {@code substring(column from 1 for 9)} equals this.
     */
    public static byte[] keyPrefix(String keyId) {
        byte[] prefix = new byte[HEADER];
        prefix[0] = VERSION;
        System.arraycopy(keyIdBytes(keyId), 0, prefix, 1, KEY_ID_BYTES);
        return prefix;
    }

    private static byte[] keyIdBytes(String keyId) {
        byte[] id = HEX.parseHex(keyId);
        if (id.length != KEY_ID_BYTES) {
            throw new IllegalArgumentException("a key id is " + KEY_ID_BYTES * 2 + " hex digits, not " + keyId);
        }
        return id;
    }

    private static byte[] associated(String place, long row) {
        return (place + '#' + row).getBytes(StandardCharsets.UTF_8);
    }
}
