package org.vigil.sharing.reading;

import java.util.Locale;

/**
 * Tells from a cell's number format whether its number is a date, a time or both: Excel stores
 * dates as day counts and only the format says so.
 */
final class NumberFormats {

    /** A plain number. */
    static final byte NUMBER = 0;
    /** A day: {@code yyyy-MM-dd}, with the time too if the value has one. */
    static final byte DATE = 1;
    /** A moment: {@code yyyy-MM-dd HH:mm:ss}. */
    static final byte DATE_TIME = 2;
    /** A time of day: {@code HH:mm:ss}. */
    static final byte TIME = 3;

    private static final String GENERAL = "general";
    private static final String AM_PM = "am/pm";
    private static final String A_P = "a/p";
    /** [h], [mm], [ss]: elapsed time. Other brackets ([Red], [$-804], [DBNum1]) are colours, locales and numerals. */
    private static final String ELAPSED_TIME = "h+|m+|s+";

    private NumberFormats() {
    }

    /**
     * The kind of a built-in format (ids below 164), as ECMA-376 lists them; 27–36 and 50–58 are
     * the East Asian date and time formats that Chinese Excel writes.
     */
    static byte builtIn(int id) {
        return switch (id) {
            case 14, 15, 16, 17, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58 -> DATE;
            case 22 -> DATE_TIME;
            case 18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56 -> TIME;
            default -> NUMBER;
        };
    }

    /**
     * The kind of a format code such as {@code yyyy/m/d}, {@code [$-804]yyyy"年"m"月"d"日"} or
     * {@code #,##0.00}: date letters outside quotes, escapes and brackets make it a date. Only
     * the first section (for positive numbers) counts.
     */
    static byte classify(String code) {
        if (code == null) {
            return NUMBER;
        }
        String lower = code.toLowerCase(Locale.ROOT);
        if (lower.startsWith(GENERAL)) {
            return NUMBER;
        }
        boolean date = false;
        boolean time = false;
        boolean month = false;
        int i = 0;
        while (i < lower.length()) {
            char c = lower.charAt(i);
            if (c == ';') {
                break;
            }
            switch (c) {
                case '"' -> {
                    int close = lower.indexOf('"', i + 1);
                    i = close < 0 ? lower.length() : close + 1;
                    continue;
                }
                case '\\', '_', '*' -> {
                    i += 2;
                    continue;
                }
                case '[' -> {
                    int close = lower.indexOf(']', i + 1);
                    String inside = lower.substring(i + 1, close < 0 ? lower.length() : close);
                    time |= inside.matches(ELAPSED_TIME);
                    i = close < 0 ? lower.length() : close + 1;
                    continue;
                }
                case 'y', 'd' -> date = true;
                case 'h', 's' -> time = true;
                case 'm' -> month = true;
                case 'a' -> {
                    if (lower.startsWith(AM_PM, i)) {
                        time = true;
                        i += AM_PM.length();
                        continue;
                    }
                    if (lower.startsWith(A_P, i)) {
                        time = true;
                        i += A_P.length();
                        continue;
                    }
                    // aaa, aaaa: the day of the week in Chinese
                    date = true;
                }
                default -> {
                    // digits placeholders, separators, literal text
                }
            }
            i++;
        }
        // an m beside h or s is minutes; alone, or beside y or d, it is a month
        boolean day = date || month && !time;
        if (day && time) {
            return DATE_TIME;
        }
        return day ? DATE : time ? TIME : NUMBER;
    }
}
