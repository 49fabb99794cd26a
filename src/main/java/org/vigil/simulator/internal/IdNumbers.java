package org.vigil.simulator.internal;

import org.vigil.identity.ResidentId;

/**
 * Issues citizen ID numbers (GB 11643-1999): the 6-digit region where the holder was first
 * registered, the birth date, a 3-digit sequence whose last digit is odd for men and even for
 * women, and the MOD 11-2 check character from the identity kernel. Sequences are handed out per
 * region and birth date, so numbers are unique by construction.
 */
final class IdNumbers {

    /** Jilin City's districts and counties, then places people moved in from. */
    static final int[] PREFIXES = {
        220202, 220203, 220204, 220211, 220221, 220281, 220282, 220283, 220284,
        220102, 220104, 220122, 222401, 220702, 220302, 220502, 220402, 230103, 230602, 210102, 370102, 130102,
    };
    static final int LOCAL_PREFIXES = 9;
    private static final int[] OUTSIDE_CUM = Rng.cumulative(30, 20, 10, 12, 8, 6, 6, 5, 10, 5, 6, 4, 3);
    /**
     * Where travellers from elsewhere were registered, one for each place in {@link #PREFIXES} people
     * moved in from: regions no resident's number carries, so a traveller's number can never be a
     * resident's (which would be an imperfection no ledger lists).
     */
    static final int[] STRANGER_PREFIXES = {
        110105, 310115, 120101, 440106, 440305, 330106, 510104, 500103, 370202, 210202, 230202, 220602, 220802,
    };

    private final int firstDay;
    private final int days;
    private final byte[] used;

    IdNumbers(int firstBirthDay, int lastBirthDay) {
        this.firstDay = firstBirthDay;
        this.days = lastBirthDay - firstBirthDay + 1;
        this.used = new byte[PREFIXES.length * days * 2];
    }

    /** The region of a traveller from elsewhere, with the same draws as {@link #pickOutsidePrefix(Rng)}. */
    static int pickStrangerPrefix(Rng rng) {
        return STRANGER_PREFIXES[pickOutsidePrefix(rng) - LOCAL_PREFIXES];
    }

    static int pickOutsidePrefix(Rng rng) {
        return LOCAL_PREFIXES + rng.pick(OUTSIDE_CUM);
    }

    /** The 17-digit body for a person; {@code salt} spreads sequences so they do not all start at 001. */
    long issue(int prefixIndex, int birthDay, boolean male, long salt) {
        int slot = ((prefixIndex * days) + (birthDay - firstDay)) * 2 + (male ? 1 : 0);
        int k = used[slot] & 0xFF;
        if (k == 255) {
            throw new IllegalStateException("too many people born on one day in one region");
        }
        used[slot] = (byte) (k + 1);
        // Police stations hold blocks of sequence numbers: start somewhere in the block; stepping by two keeps the sex digit.
        int base = 2 + (int) Long.remainderUnsigned(Rng.mix(salt ^ slot), 450) * 2;
        int seq = 2 + (base - 2 + 2 * k) % 998;
        if (male) {
            seq = seq + 1;
        }
        long ymd = Dates.ymd(birthDay);
        return (PREFIXES[prefixIndex] * 100_000_000L + ymd) * 1_000L + seq;
    }

    /** The 18-character number from its 17-digit body and check character. */
    static String text(long body, char check) {
        char[] id = new char[18];
        long v = body;
        for (int i = 16; i >= 0; i--) {
            id[i] = (char) ('0' + (v % 10));
            v /= 10;
        }
        id[17] = check;
        return new String(id);
    }

    static char check(long body) {
        char[] digits = new char[17];
        long v = body;
        for (int i = 16; i >= 0; i--) {
            digits[i] = (char) ('0' + (v % 10));
            v /= 10;
        }
        return ResidentId.checkDigit(new String(digits));
    }
}
