package org.vigil.identity;

/**
 * Packs a normalised 18-character ID number into one {@code long}: the first 17 digits as a number
 * times 11, plus the check character (0–9, X as 10). That is below 1.1 × 10<sup>18</sup>, well inside
 * a long, and never 0 (no province code starts with 00), so 0 can mark an empty hash slot. A
 * million IDs then cost 8 MB instead of the ~64 MB of a million Strings, and comparing two IDs is
 * one instruction. The packing keeps the order of the text, X after 9. The snapshot query computes
 * the same number in SQL ({@code JdbcPersonDirectory}).
 */
public final class IdKeys {

    public static final int LENGTH = 18;
    private static final int HIGH_DIGITS = 9;
    /** 10 to the power of the 8 digits after the first {@value #HIGH_DIGITS}. */
    private static final long LOW_SCALE = 100_000_000L;

    private IdKeys() {
    }

    /**
     * The key of an ID. {@link ResidentId} holds only the normalised form, 17 ASCII digits and a
     * check character, so nothing is checked again here: this runs once per department row, and
     * without a test per character the processor gets through several lookups while it waits for
     * the memory of one, which doubled the lookup rate in measurement.
     */
    public static long of(ResidentId id) {
        String value = id.value();
        // two independent halves, so their multiply-add chains run side by side
        long high = 0;
        long low = 0;
        for (int i = 0; i < HIGH_DIGITS; i++) {
            high = high * 10 + (value.charAt(i) - '0');
        }
        for (int i = HIGH_DIGITS; i < LENGTH - 1; i++) {
            low = low * 10 + (value.charAt(i) - '0');
        }
        char check = value.charAt(LENGTH - 1);
        return (high * LOW_SCALE + low) * 11 + (check == 'X' ? 10 : check - '0');
    }

    /**
     * The key of an ID written as ASCII at {@code offset}, or 0 when those 18 bytes are not 17
     * digits and the MOD 11-2 check character that belongs to them. Bulk readers use it to link
     * a row without making a String: a key found among validated IDs is itself a valid ID, and
     * one not found is not anybody Vigil knows, so the remaining checks (birth date, province)
     * are left to whoever needs to say why such a row is wrong.
     */
    public static long ofAscii(byte[] bytes, int offset) {
        long high = 0;
        long low = 0;
        int sum = 0;
        for (int i = 0; i < HIGH_DIGITS; i++) {
            int d = bytes[offset + i] - '0';
            if (d < 0 || d > 9) {
                return 0;
            }
            high = high * 10 + d;
            sum += d * ResidentId.WEIGHTS[i];
        }
        for (int i = HIGH_DIGITS; i < LENGTH - 1; i++) {
            int d = bytes[offset + i] - '0';
            if (d < 0 || d > 9) {
                return 0;
            }
            low = low * 10 + d;
            sum += d * ResidentId.WEIGHTS[i];
        }
        int c = bytes[offset + LENGTH - 1] == 'x' ? 'X' : bytes[offset + LENGTH - 1];
        if (c != ResidentId.CHECK_CHARS[sum % 11]) {
            return 0;
        }
        return (high * LOW_SCALE + low) * 11 + (c == 'X' ? 10 : c - '0');
    }

    /** Writes the 18 characters of a key's ID as ASCII at {@code offset}. */
    public static void writeAscii(long key, byte[] out, int offset) {
        int check = (int) (key % 11);
        out[offset + LENGTH - 1] = (byte) (check == 10 ? 'X' : '0' + check);
        long digits = key / 11;
        for (int i = LENGTH - 2; i >= 0; i--) {
            out[offset + i] = (byte) ('0' + digits % 10);
            digits /= 10;
        }
    }

    public static String unpack(long key) {
        char[] out = new char[LENGTH];
        int check = (int) (key % 11);
        out[LENGTH - 1] = check == 10 ? 'X' : (char) ('0' + check);
        long digits = key / 11;
        for (int i = LENGTH - 2; i >= 0; i--) {
            out[i] = (char) ('0' + digits % 10);
            digits /= 10;
        }
        return new String(out);
    }
}
