package org.vigil.identity;

import org.vigil.identity.internal.Chars;

/**
 * A unified social credit code (统一社会信用代码) of GB 32100-2015: registration authority,
 * organisation type, the registering body's division code, the organisation code body and a
 * MOD 31 check character, 18 characters from a 31-character set without I, O, S, V, Z.
 */
public final class CreditCode {

    /** What {@link #checkCharacter(CharSequence)} returns when its input does not start with 17 valid characters. */
    public static final char NOT_COMPUTABLE = '?';

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** Value of each ASCII character in the code's character set, -1 outside it. */
    private static final int[] VALUE = new int[128];
    /** W(i) = 3^(i-1) mod 31, GB 32100-2015 §4.5. */
    private static final int[] WEIGHTS = new int[17];

    static {
        java.util.Arrays.fill(VALUE, -1);
        for (int i = 0; i < CHARSET.length(); i++) {
            VALUE[CHARSET.charAt(i)] = i;
        }
        int w = 1;
        for (int i = 0; i < 17; i++) {
            WEIGHTS[i] = w;
            w = w * 3 % 31;
        }
    }

    private final String value;

    private CreditCode(String value) {
        this.value = value;
    }

    /** Reads a code with blanks anywhere, full-width or lower-case characters. */
    public static Parsed<CreditCode> parse(CharSequence raw) {
        if (raw == null) {
            return Parsed.invalid(CreditCodeReason.EMPTY, "");
        }
        char[] buf = new char[18];
        int n = 0;
        for (int i = 0, len = raw.length(); i < len; i++) {
            char c = Chars.halfWidth(raw.charAt(i));
            if (Chars.isBlank(c)) {
                continue;
            }
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - 32);
            }
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
                return Parsed.invalid(CreditCodeReason.CHARACTERS,
                        "unexpected character " + Chars.describe(Character.codePointAt(raw, i)) + " at position " + (i + 1));
            }
            if (n < 18) {
                buf[n] = c;
            }
            n++;
        }
        if (n == 0) {
            return Parsed.invalid(CreditCodeReason.EMPTY, "only blanks");
        }
        if (n != 18) {
            return Parsed.invalid(CreditCodeReason.LENGTH, "expected 18 characters, found " + n);
        }
        for (int i = 0; i < 18; i++) {
            char c = buf[i];
            if (VALUE[c] < 0) {
                return Parsed.invalid(CreditCodeReason.CHARACTERS,
                        "'" + c + "' at position " + (i + 1) + " is not in the code's character set (I, O, S, V, Z are never used)");
            }
            if (i >= 2 && i < 8 && c > '9') {
                return Parsed.invalid(CreditCodeReason.CHARACTERS,
                        "'" + c + "' at position " + (i + 1) + ": positions 3-8 are a division code, digits only");
            }
        }
        RegistrationAuthority authority = RegistrationAuthority.ofCode(buf[0]);
        if (authority == null) {
            return Parsed.invalid(CreditCodeReason.AUTHORITY_UNKNOWN, "no registration authority '" + buf[0] + "'");
        }
        if (OrganisationType.of(authority, buf[1]) == null) {
            return Parsed.invalid(CreditCodeReason.TYPE_UNKNOWN_FOR_AUTHORITY,
                    "no organisation type '" + buf[1] + "' under authority '" + buf[0] + "' (" + authority.chinese() + ")");
        }
        char expected = check(buf);
        if (expected != buf[17]) {
            return Parsed.invalid(CreditCodeReason.CHECK_CHARACTER, "expected check character " + expected + ", found " + buf[17]);
        }
        return Parsed.valid(new CreditCode(new String(buf)));
    }

    /**
     * The GB 32100-2015 check character for the first 17 characters of {@code first17} (more may
     * follow and are ignored). Public so that generated codes are valid by construction.
     *
     * @return a character of the code's set, or {@link #NOT_COMPUTABLE} when the input does not start
     *         with 17 characters of that set
     */
    public static char checkCharacter(CharSequence first17) {
        if (first17 == null || first17.length() < 17) {
            return NOT_COMPUTABLE;
        }
        char[] buf = new char[17];
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c >= 128 || VALUE[c] < 0) {
                return NOT_COMPUTABLE;
            }
            buf[i] = c;
        }
        return check(buf);
    }

    private static char check(char[] chars) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += VALUE[chars[i]] * WEIGHTS[i];
        }
        // C18 = 31 - MOD(sum, 31), where a result of 31 is written as the character of value 0.
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    /** The normalised 18 characters. */
    public String value() {
        return value;
    }

    public RegistrationAuthority registrationAuthority() {
        return RegistrationAuthority.ofCode(value.charAt(0));
    }

    public OrganisationType organisationType() {
        return OrganisationType.of(registrationAuthority(), value.charAt(1));
    }

    /** Positions 3–8: the division code of the registering body (not necessarily of the organisation's address). */
    public String regionPrefix() {
        return value.substring(2, 8);
    }

    /**
     * Positions 9–17, the organisation code body the credit code was built on. Codes issued from an
     * existing organisation code carry it unchanged; others (many individual businesses) carry a body
     * that is not a valid organisation code, which {@link EmbeddedOrganizationCode#isValid()} tells.
     */
    public EmbeddedOrganizationCode organizationCode() {
        String embedded = value.substring(8, 17);
        return new EmbeddedOrganizationCode(embedded, OrganizationCode.parse(embedded));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreditCode other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }

    /**
     * The nine characters at positions 9–17 of a credit code and what they are as an organisation code.
     *
     * @param value  the nine characters as they stand in the credit code
     * @param parsed the organisation code they form, or why they do not form one
     */
    public record EmbeddedOrganizationCode(String value, Parsed<OrganizationCode> parsed) {

        public boolean isValid() {
            return parsed.isValid();
        }
    }
}
