package org.vigil.identity;

import java.util.Objects;

import org.vigil.identity.internal.Chars;
import org.vigil.identity.internal.SimplifiedChinese;

/**
 * A person's name as Vigil stores and compares it. Departments write the same name in many ways:
 * padded with (full-width) spaces to align two-character names in a column, with one of half a
 * dozen "middle dot" characters between the parts of an ethnic-minority name (阿依古丽·买买提),
 * in traditional characters, with full-width Latin letters. Normalising here makes those forms
 * one value, so exact matching works and {@link NameKey} is left only the homophones.
 */
public final class PersonName {

    /** The separator of ethnic-minority and transliterated names, as the household register writes it. */
    public static final char MIDDLE_DOT = '\u00B7';

    /** Longer than any real name, short enough that a pasted paragraph is caught. */
    static final int MAX_LENGTH = 64;

    private final String value;
    private final boolean han;

    private PersonName(String value, boolean han) {
        this.value = value;
        this.han = han;
    }

    /**
     * Normalises and checks a name: trims and collapses blanks (dropping those next to a Chinese
     * character or a middle dot, since Chinese names have none), converts full-width Latin letters,
     * unifies the middle-dot characters to U+00B7 in names with Chinese characters, and converts
     * traditional characters to simplified.
     */
    public static Parsed<PersonName> parse(CharSequence raw) {
        if (raw == null) {
            return Parsed.invalid(PersonNameReason.EMPTY, "");
        }
        if (raw.length() > MAX_LENGTH * 4) {
            return Parsed.invalid(PersonNameReason.TOO_LONG, raw.length() + " characters");
        }
        String s = raw.toString();
        boolean han = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han = true;
                break;
            }
            i += Character.charCount(cp);
        }

        StringBuilder sb = new StringBuilder(s.length());
        boolean pendingBlank = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp < 0x10000 && Chars.isBlank((char) cp)) {
                pendingBlank = true;
                i += width;
                continue;
            }
            if (cp >= 0xFF01 && cp <= 0xFF5E && cp != 0xFF0E) {
                cp = Chars.halfWidth((char) cp);
            }
            if (isDotVariant(cp) && (han || cp != '.')) {
                cp = MIDDLE_DOT;
            } else if (isHyphenVariant(cp)) {
                cp = '-';
            }
            if (!isAllowed(cp)) {
                return Parsed.invalid(PersonNameReason.CHARACTERS,
                        Chars.describe(cp) + " at position " + (s.codePointCount(0, i) + 1) + " is not used in names");
            }
            if (cp == MIDDLE_DOT) {
                int last = sb.length() - 1;
                if (last >= 0 && sb.charAt(last) == MIDDLE_DOT) {
                    pendingBlank = false;
                    i += width;
                    continue;
                }
            }
            if (pendingBlank && sb.length() > 0) {
                int prev = sb.codePointBefore(sb.length());
                if (!(joinsWithoutBlank(prev) || joinsWithoutBlank(cp))) {
                    sb.append(' ');
                }
            }
            pendingBlank = false;
            sb.appendCodePoint(cp);
            i += width;
        }
        if (sb.length() == 0) {
            return Parsed.invalid(PersonNameReason.EMPTY, s.isEmpty() ? "" : "only blanks");
        }
        if (sb.charAt(0) == MIDDLE_DOT || sb.charAt(sb.length() - 1) == MIDDLE_DOT) {
            return Parsed.invalid(PersonNameReason.CHARACTERS, "a name cannot begin or end with a middle dot");
        }
        if (!hasLetter(sb)) {
            return Parsed.invalid(PersonNameReason.CHARACTERS, "no letter or Chinese character");
        }
        String normalised = sb.toString();
        if (normalised.codePointCount(0, normalised.length()) > MAX_LENGTH) {
            return Parsed.invalid(PersonNameReason.TOO_LONG,
                    normalised.codePointCount(0, normalised.length()) + " characters, at most " + MAX_LENGTH);
        }
        if (han) {
            normalised = SimplifiedChinese.toSimplified(normalised);
        }
        return Parsed.valid(new PersonName(normalised, han));
    }

    /** The dots that input methods, fonts and Japanese or Western keyboards produce for the name separator. */
    static boolean isDotVariant(int cp) {
        switch (cp) {
            case '.':
            case '\u00B7': // middle dot, the household register's form
            case '\u0387': // Greek ano teleia, which NFC folds U+00B7 into in some tools
            case '\u2022': // bullet
            case '\u2024': // one dot leader
            case '\u2027': // hyphenation point
            case '\u2219': // bullet operator
            case '\u22C5': // dot operator
            case '\u2E31': // word separator middle dot
            case '\u30FB': // katakana middle dot, from Japanese input methods
            case '\uFF0E': // full-width full stop
            case '\uFF65': // half-width katakana middle dot
            case '\uFE52': // small full stop
            case '\u318D': // Hangul letter araea, used as a dot by Korean input methods
                return true;
            default:
                return false;
        }
    }

    private static boolean isHyphenVariant(int cp) {
        return cp == '\u2010' || cp == '\u2011' || cp == '\u2012' || cp == '\u2013' || cp == '\u2014' || cp == '\u2212';
    }

    private static boolean isAllowed(int cp) {
        if (Character.isLetter(cp) || Character.isIdeographic(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
            return true;
        }
        return cp == MIDDLE_DOT || cp == '.' || cp == '-' || cp == '\'' || cp == '\u2019';
    }

    private static boolean joinsWithoutBlank(int cp) {
        return cp == MIDDLE_DOT || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static boolean hasLetter(CharSequence s) {
        return s.codePoints().anyMatch(cp -> Character.isLetter(cp) || Character.isIdeographic(cp));
    }

    /** The normalised name. */
    public String value() {
        return value;
    }

    /** Whether the name contains Chinese characters (otherwise it is in Latin or another script). */
    public boolean hasChineseCharacters() {
        return han;
    }

    /** Length in characters (code points, so a rare character outside the BMP counts once). */
    public int length() {
        return value.codePointCount(0, value.length());
    }

    /**
     * The form shown by default: the first and last characters kept, every other one an asterisk
     * (张*明, 欧**明); a two-character name keeps the first (张*).
     */
    public String masked() {
        int n = length();
        if (n <= 1) {
            return "*";
        }
        int first = value.codePointAt(0);
        StringBuilder sb = new StringBuilder(n + 2).appendCodePoint(first);
        if (n == 2) {
            return sb.append('*').toString();
        }
        sb.append("*".repeat(n - 2));
        return sb.appendCodePoint(value.codePointBefore(value.length())).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonName other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    /** The masked form, so names do not reach logs in plain text. */
    @Override
    public String toString() {
        return masked();
    }

    /** Why a name was refused. */
    public enum PersonNameReason implements RejectionReason {
        EMPTY("no name given", "姓名为空"),
        TOO_LONG("longer than " + MAX_LENGTH + " characters", "姓名过长"),
        CHARACTERS("contains characters not used in names (digits, symbols, control characters)", "姓名含非法字符");

        private final String english;
        private final String chinese;

        PersonNameReason(String english, String chinese) {
            this.english = english;
            this.chinese = chinese;
        }

        @Override
        public String code() {
            return name();
        }

        @Override
        public String english() {
            return english;
        }

        @Override
        public String chinese() {
            return chinese;
        }
    }
}
