package org.vigil.sharing.catalogue;

/**
 * The form header cells are compared in. Departments type the same header with a byte-order mark
 * left by Excel, full-width letters and brackets from a Chinese input method, a space or a line
 * break inside the cell to make it fit, or in another letter case ({@code cert_no}); none of that
 * makes it a different column.
 */
public final class HeaderText {

    private HeaderText() {
    }

    /**
     * The header without blanks anywhere (spaces, tabs, line breaks, no-break and ideographic
     * spaces, zero-width spaces, byte-order marks), with full-width ASCII made half-width and
     * Latin letters in lower case.
     */
    public static String normalise(CharSequence header) {
        StringBuilder sb = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (isBlank(c)) {
                continue;
            }
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Whitespace and the invisible characters copy and paste leave behind. */
    static boolean isBlank(char c) {
        if (c <= ' ') {
            return true;
        }
        return c == '\u00A0' || c == '\u3000' || c == '\uFEFF' || (c >= '\u2000' && c <= '\u200D')
                || c == '\u202F' || c == '\u205F' || c == '\u2028' || c == '\u2029' || c == '\u1680' || c == '\u2060';
    }
}
