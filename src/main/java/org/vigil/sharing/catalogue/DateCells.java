package org.vigil.sharing.catalogue;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.vigil.identity.DepartmentDates;
import org.vigil.identity.Parsed;
import org.vigil.identity.Rejection;

/**
 * Dates and date-times of cells. The forms departments use every day ({@code 2026-03-05},
 * {@code 20260305}, {@code 2026/3/5}, {@code 2026.03.05}, {@code 2026-03-05 14:07:31},
 * {@code 2026-03-05T14:07}, {@code 20260305140731}) are read here straight from the cell's
 * characters, allocating only the result; anything else, and every refusal, goes to
 * {@link DepartmentDates}, so both always agree.
 */
final class DateCells {

    /** What the fast readers return when the text is not one of their forms. */
    static final long NOT_FAST = -1;

    private DateCells() {
    }

    static Parsed<LocalDate> date(CharSequence raw, int asOfYmd, boolean futureAllowed) {
        int ymd = fastYmd(raw, 0, raw.length());
        LocalDate date;
        if (ymd >= 0) {
            date = LocalDate.of(ymd / 10_000, ymd / 100 % 100, ymd % 100);
        } else {
            Parsed<LocalDate> slow = DepartmentDates.parse(raw);
            if (!slow.isValid()) {
                return slow;
            }
            date = slow.orElseThrow();
            ymd = ymd(date);
        }
        if (!futureAllowed && ymd > asOfYmd) {
            return future(date, asOfYmd);
        }
        return Parsed.valid(date);
    }

    static Parsed<LocalDateTime> dateTime(CharSequence raw, int asOfYmd, boolean futureAllowed) {
        long fast = fastDateTime(raw);
        LocalDateTime moment;
        int ymd;
        if (fast >= 0) {
            ymd = (int) (fast / 1_000_000);
            int hms = (int) (fast % 1_000_000);
            moment = LocalDateTime.of(ymd / 10_000, ymd / 100 % 100, ymd % 100, hms / 10_000, hms / 100 % 100, hms % 100);
        } else {
            Parsed<DepartmentDates.DateWithTime> slow = DepartmentDates.parseWithTime(raw);
            if (!slow.isValid()) {
                return Parsed.invalid(slow.problem().orElseThrow());
            }
            moment = slow.orElseThrow().toLocalDateTime();
            ymd = ymd(moment.toLocalDate());
        }
        if (!futureAllowed && ymd > asOfYmd) {
            return future(moment.toLocalDate(), asOfYmd);
        }
        return Parsed.valid(moment);
    }

    static int ymd(LocalDate date) {
        return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    static <T> Parsed<T> future(Object value, int asOfYmd) {
        return Parsed.invalid(new Rejection(CellReason.FUTURE_DATE, value + " is after the as-of date "
                + String.format("%04d-%02d-%02d", asOfYmd / 10_000, asOfYmd / 100 % 100, asOfYmd % 100)));
    }

    /**
     * {@code yyyyMMdd} or {@code yyyy?M?d} with one separator ({@code -}, {@code /}, {@code .})
     * and one- or two-digit month and day, filling {@code from..to}: the date as
     * {@code yyyymmdd}, or -1 when the text is not such a form or not a real date.
     */
    static int fastYmd(CharSequence s, int from, int to) {
        int len = to - from;
        int y;
        int m;
        int d;
        if (len == 8) {
            int v = digits(s, from, 8);
            if (v >= 0) {
                return isDate(v / 10_000, v / 100 % 100, v % 100) ? v : -1;
            }
        }
        if (len < 8 || len > 10) {
            return -1;
        }
        y = digits(s, from, 4);
        char sep = s.charAt(from + 4);
        if (y < 0 || !(sep == '-' || sep == '/' || sep == '.')) {
            return -1;
        }
        int p = from + 5;
        int second = indexOf(s, sep, p, to);
        if (second < 0 || second - p < 1 || second - p > 2 || to - second - 1 < 1 || to - second - 1 > 2) {
            return -1;
        }
        m = digits(s, p, second - p);
        d = digits(s, second + 1, to - second - 1);
        if (m < 0 || d < 0 || !isDate(y, m, d)) {
            return -1;
        }
        return y * 10_000 + m * 100 + d;
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss}, {@code yyyy-MM-dd HH:mm} (with {@code -}, {@code /} or {@code .}
     * and a space or {@code T}) or {@code yyyyMMddHHmmss}: {@code yyyymmddHHMMSS} as a number, or
     * -1 when the text is not such a form or not a real moment.
     */
    static long fastDateTime(CharSequence s) {
        int len = s.length();
        int ymd;
        int h;
        int min;
        int sec = 0;
        if (len == 14) {
            ymd = fastYmd(s, 0, 8);
            h = digits(s, 8, 2);
            min = digits(s, 10, 2);
            sec = digits(s, 12, 2);
        } else if (len == 16 || len == 19) {
            char t = s.charAt(10);
            if (t != ' ' && t != 'T' || s.charAt(4) != s.charAt(7) || s.charAt(13) != ':') {
                return NOT_FAST;
            }
            ymd = fastYmd(s, 0, 10);
            h = digits(s, 11, 2);
            min = digits(s, 14, 2);
            if (len == 19) {
                if (s.charAt(16) != ':') {
                    return NOT_FAST;
                }
                sec = digits(s, 17, 2);
            }
        } else {
            return NOT_FAST;
        }
        if (ymd < 0 || h < 0 || h > 23 || min < 0 || min > 59 || sec < 0 || sec > 59) {
            return NOT_FAST;
        }
        return ymd * 1_000_000L + h * 10_000L + min * 100L + sec;
    }

    /** The value of {@code count} ASCII digits from {@code from}, or -1 if any is not one. */
    private static int digits(CharSequence s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int indexOf(CharSequence s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    static boolean isDate(int y, int m, int d) {
        if (m < 1 || m > 12 || d < 1) {
            return false;
        }
        int length = switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return d <= length;
    }
}
