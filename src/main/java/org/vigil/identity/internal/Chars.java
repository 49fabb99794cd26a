package org.vigil.identity.internal;

/**
 * Character tests shared by the kernel's parsers. Department files come from Excel, Word and
 * Chinese input methods, so "blank" and "digit" have to cover the full-width and invisible forms
 * those tools insert, not just ASCII.
 */
public final class Chars {

    private Chars() {
    }

    /**
     * Whitespace in the wide sense: ASCII blanks, the no-break space Excel pastes, the ideographic
     * space of Chinese input methods, the zero-width space and the byte-order mark that survive
     * copy and paste from web pages and UTF-8 files.
     */
    public static boolean isBlank(char c) {
        if (c <= ' ') {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
        }
        if (c < '\u00A0') {
            return false;
        }
        return c == '\u00A0' || c == '\u3000' || c == '\uFEFF' || (c >= '\u2000' && c <= '\u200B')
                || c == '\u202F' || c == '\u205F' || c == '\u2028' || c == '\u2029' || c == '\u1680';
    }

    /** The ASCII form of a full-width ASCII character (U+FF01–U+FF5E); any other character unchanged. */
    public static char halfWidth(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return c;
    }

    /** The value 0–9 of an ASCII or full-width digit, or -1. */
    public static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '\uFF10' && c <= '\uFF19') {
            return c - '\uFF10';
        }
        return -1;
    }

    /** A character quoted for a rejection detail, with its code point when it is not printable ASCII. */
    public static String describe(int codePoint) {
        if (codePoint > ' ' && codePoint < 0x7F) {
            return "'" + (char) codePoint + "'";
        }
        String hex = String.format("U+%04X", codePoint);
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                || Character.getType(codePoint) == Character.FORMAT) {
            return hex;
        }
        return "'" + new String(Character.toChars(codePoint)) + "' (" + hex + ")";
    }
}
