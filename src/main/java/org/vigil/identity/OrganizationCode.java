package org.vigil.identity;

import org.vigil.identity.internal.Chars;

/**
 * A national organisation code (全国组织机构代码) of GB 11714: eight body characters and a
 * MOD 11 check character. Retired for new registrations by the unified social credit code, whose
 * positions 9–17 carry it, but still present in older department data (REG-11: quality
 * supervision).
 */
public final class OrganizationCode {

    /** What {@link #checkCharacter(CharSequence)} returns when its input does not start with 8 valid body characters. */
    public static final char NOT_COMPUTABLE = '?';

    private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private final String value;

    private OrganizationCode(String value) {
        this.value = value;
    }

    /**
     * Reads a code with blanks, full-width or lower-case characters and at most one hyphen before
     * the check character, as printed on the old certificates ({@code 12345678-9}).
     */
    public static Parsed<OrganizationCode> parse(CharSequence raw) {
        if (raw == null) {
            return Parsed.invalid(OrganizationCodeReason.EMPTY, "");
        }
        char[] buf = new char[9];
        int n = 0;
        int hyphenAfter = -1;
        for (int i = 0, len = raw.length(); i < len; i++) {
            char c = Chars.halfWidth(raw.charAt(i));
            if (Chars.isBlank(c)) {
                continue;
            }
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - 32);
            }
            if (isHyphen(c)) {
                if (hyphenAfter >= 0) {
                    return Parsed.invalid(OrganizationCodeReason.CHARACTERS, "more than one hyphen");
                }
                hyphenAfter = n;
                continue;
            }
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
                return Parsed.invalid(OrganizationCodeReason.CHARACTERS,
                        "unexpected character " + Chars.describe(Character.codePointAt(raw, i)) + " at position " + (i + 1));
            }
            if (n < 9) {
                buf[n] = c;
            }
            n++;
        }
        if (n == 0) {
            return Parsed.invalid(OrganizationCodeReason.EMPTY, hyphenAfter >= 0 ? "only a hyphen" : "only blanks");
        }
        if (n != 9) {
            return Parsed.invalid(OrganizationCodeReason.LENGTH, "expected 9 characters, found " + n);
        }
        if (hyphenAfter >= 0 && hyphenAfter != 8) {
            return Parsed.invalid(OrganizationCodeReason.CHARACTERS, "a hyphen may stand only before the check character");
        }
        char expected = check(buf);
        if (expected != buf[8]) {
            return Parsed.invalid(OrganizationCodeReason.CHECK_CHARACTER,
                    "expected check character " + expected + ", found " + buf[8]);
        }
        return Parsed.valid(new OrganizationCode(new String(buf)));
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014' || c == '\u2212';
    }

    /**
     * The GB 11714 check character for the first 8 characters of {@code first8} (digits and upper-case
     * letters; more characters may follow and are ignored).
     *
     * @return '0'–'9' or 'X', or {@link #NOT_COMPUTABLE} for anything else
     */
    public static char checkCharacter(CharSequence first8) {
        if (first8 == null || first8.length() < 8) {
            return NOT_COMPUTABLE;
        }
        char[] buf = new char[8];
        for (int i = 0; i < 8; i++) {
            char c = first8.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
                return NOT_COMPUTABLE;
            }
            buf[i] = c;
        }
        return check(buf);
    }

    private static char check(char[] body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body[i];
            int v = c <= '9' ? c - '0' : c - 'A' + 10;
            sum += v * WEIGHTS[i];
        }
        int c9 = 11 - sum % 11;
        if (c9 == 10) {
            return 'X';
        }
        if (c9 == 11) {
            return '0';
        }
        return (char) ('0' + c9);
    }

    /** The nine characters without the hyphen. */
    public String value() {
        return value;
    }

    /** The eight body characters (本体代码). */
    public String body() {
        return value.substring(0, 8);
    }

    /** The printed form, {@code 12345678-9}. */
    public String formatted() {
        return value.substring(0, 8) + "-" + value.charAt(8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrganizationCode other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return formatted();
    }
}
