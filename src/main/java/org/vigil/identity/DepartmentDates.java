package org.vigil.identity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;

import org.vigil.identity.internal.Chars;

/**
 * Reads dates in the forms departments really send, which no single {@code DateTimeFormatter}
 * covers: {@code 2018-08-09}, {@code 2018/8/9}, {@code 2018.08.09}, {@code 20180809},
 * {@code 2018年8月9日}, Excel serial numbers ({@code 43321}, {@code 43321.5729}), each optionally
 * followed by a time ({@code 13:45}, {@code T13:45:10}, {@code 8:05:00}, {@code 13:45:10.0},
 * {@code 13时45分}); also {@code 20180809134510}. Full-width digits and punctuation are accepted.
 * Months ({@link #parseYearMonth}: {@code 2018-08}, {@code 201808}, {@code 2018年8月}) and times of
 * day on their own ({@link #parseTime}: {@code 13:45:10}, {@code 134510}) have their own readers,
 * because departments write payment months and transaction times in separate columns.
 *
 * <p>Two-digit years and day-first orders are refused: they are ambiguous, and a wrong guess
 * silently moves a death date.
 */
public final class DepartmentDates {

    /** Excel's day 0 for serials after its phantom 1900-02-29 (serial 60). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final LocalDate EXCEL_LEAP_BUG = LocalDate.of(1900, 3, 1);
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    /** Longer than any date and time form, short enough that a pasted paragraph is refused at once. */
    private static final int MAX_LENGTH = 40;

    private DepartmentDates() {
    }

    /** A date, and the time of day when the input had one. */
    public record DateWithTime(LocalDate date, Optional<LocalTime> time) {

        public boolean hasTime() {
            return time.isPresent();
        }

        /** The date at the given time, or at the start of the day when there was none. */
        public LocalDateTime toLocalDateTime() {
            return date.atTime(time.orElse(LocalTime.MIDNIGHT));
        }
    }

    /** The date of the input; a time, if present, is checked and dropped. */
    public static Parsed<LocalDate> parse(CharSequence raw) {
        return parseWithTime(raw).map(DateWithTime::date);
    }

    /** The date and, when present, the time of the input. */
    public static Parsed<DateWithTime> parseWithTime(CharSequence raw) {
        char[] c = normalised(raw);
        if (c == null) {
            return unreadable(raw, "a date");
        }
        if (isNumeric(c)) {
            return parseNumeric(c);
        }
        return new Cursor(c).parseText();
    }

    /**
     * A month: {@code 2018-08}, {@code 2018-8}, {@code 2018/08}, {@code 2018.8}, {@code 201808},
     * {@code 2018年8月}, {@code 2018年8月份}, or any date {@link #parse} reads (the month it falls in),
     * since a month typed into a spreadsheet often becomes a date cell on its first day.
     */
    public static Parsed<YearMonth> parseYearMonth(CharSequence raw) {
        char[] c = normalised(raw);
        if (c == null) {
            return unreadable(raw, "a month");
        }
        if (c.length == 6 && isDigits(c)) {
            return yearMonth(num(c, 0, 4), num(c, 4, 2));
        }
        Parsed<YearMonth> month = new Cursor(c).parseYearMonth();
        if (month != null) {
            return month;
        }
        if (isNumeric(c) && integerDigits(c) < 5) {
            // Excel serials of the last hundred years have five digits; a shorter number is a year or a typo.
            return Parsed.invalid(DepartmentDateReason.INVALID_FORMAT, "a number that is neither yyyyMM nor an Excel serial date");
        }
        Parsed<DateWithTime> date = isNumeric(c) ? parseNumeric(c) : new Cursor(c).parseText();
        if (date.isValid()) {
            return Parsed.valid(YearMonth.from(date.orElseThrow().date()));
        }
        Rejection why = date.problem().orElseThrow();
        if (why.reason() == DepartmentDateReason.INVALID_FORMAT) {
            return Parsed.invalid(DepartmentDateReason.INVALID_FORMAT,
                    "neither a month (yyyy-MM, yyyyMM, yyyy年M月) nor a date: " + why.detail());
        }
        return Parsed.invalid(why);
    }

    /**
     * A time of day on its own: {@code 13:45}, {@code 8:05:00}, {@code 13:45:10.5},
     * {@code 13时45分10秒}, {@code 134510} (banks' {@code HHmmss}), or an Excel time serial, the
     * fraction of a day ({@code 0.5729166667}).
     */
    public static Parsed<LocalTime> parseTime(CharSequence raw) {
        char[] c = normalised(raw);
        if (c == null) {
            return unreadable(raw, "a time");
        }
        if (isNumeric(c)) {
            if (c.length == 6 && isDigits(c)) {
                return timeOf(num(c, 0, 2), num(c, 2, 2), num(c, 4, 2), 0);
            }
            if (c.length >= 3 && c[0] == '0' && c[1] == '.') {
                long seconds = new BigDecimal(new String(c)).multiply(SECONDS_PER_DAY)
                        .setScale(0, RoundingMode.HALF_UP).longValueExact();
                // A fraction that rounds to a whole day is the last instant before midnight, not the next day.
                return Parsed.valid(LocalTime.ofSecondOfDay(Math.min(seconds, 86_399)));
            }
            return Parsed.invalid(DepartmentDateReason.INVALID_FORMAT, "a number that is neither HHmmss nor an Excel time");
        }
        return new Cursor(c).clock();
    }

    /**
     * The input without surrounding blanks, full-width characters made half-width and the
     * ideographic space made a plain one; {@code null} when there is nothing to read or too much
     * ({@link #unreadable} says which).
     */
    private static char[] normalised(CharSequence raw) {
        if (raw == null) {
            return null;
        }
        int from = 0;
        int to = raw.length();
        while (from < to && Chars.isBlank(raw.charAt(from))) {
            from++;
        }
        while (to > from && Chars.isBlank(raw.charAt(to - 1))) {
            to--;
        }
        if (from == to || to - from > MAX_LENGTH) {
            return null;
        }
        char[] c = new char[to - from];
        for (int i = from; i < to; i++) {
            char ch = raw.charAt(i);
            c[i - from] = ch == '\u3000' ? ' ' : Chars.halfWidth(ch);
        }
        return c;
    }

    /** Why {@link #normalised} found nothing to read. */
    private static <T> Parsed<T> unreadable(CharSequence raw, String what) {
        if (raw == null || raw.length() == 0) {
            return Parsed.invalid(DepartmentDateReason.EMPTY, "");
        }
        for (int i = 0; i < raw.length(); i++) {
            if (!Chars.isBlank(raw.charAt(i))) {
                return Parsed.invalid(DepartmentDateReason.INVALID_FORMAT, "too long for " + what);
            }
        }
        return Parsed.invalid(DepartmentDateReason.EMPTY, "only blanks");
    }

    /** Only digits and at most one dot: a compact date or time, or an Excel serial. */
    private static boolean isNumeric(char[] c) {
        int dots = 0;
        for (char ch : c) {
            if (ch == '.') {
                dots++;
            } else if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return dots <= 1;
    }

    private static int integerDigits(char[] c) {
        int n = 0;
        while (n < c.length && c[n] != '.') {
            n++;
        }
        return n;
    }

    private static boolean isDigits(char[] c) {
        for (char ch : c) {
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    private static Parsed<YearMonth> yearMonth(int y, int m) {
        if (m < 1 || m > 12) {
            return Parsed.invalid(DepartmentDateReason.INVALID_DATE, String.format("no such month %04d-%02d", y, m));
        }
        return Parsed.valid(YearMonth.of(y, m));
    }

    private static Parsed<DateWithTime> parseNumeric(char[] c) {
        int dot = -1;
        for (int i = 0; i < c.length; i++) {
            if (c[i] == '.') {
                dot = i;
            }
        }
        int intDigits = dot < 0 ? c.length : dot;
        if (dot < 0 && (c.length == 8 || c.length == 12 || c.length == 14)) {
            return compact(c);
        }
        if (intDigits >= 1 && intDigits <= 5 && dot != c.length - 1) {
            return excelSerial(c, intDigits, dot);
        }
        return Parsed.invalid(DepartmentDateReason.INVALID_FORMAT,
                "a number that is neither yyyyMMdd nor an Excel serial date");
    }

    /** {@code yyyyMMdd}, {@code yyyyMMddHHmm}, {@code yyyyMMddHHmmss}. */
    private static Parsed<DateWithTime> compact(char[] c) {
        int y = num(c, 0, 4);
        int m = num(c, 4, 2);
        int d = num(c, 6, 2);
        if (!isDate(y, m, d)) {
            return noSuchDate(y, m, d);
        }
        LocalDate date = LocalDate.of(y, m, d);
        if (c.length == 8) {
            return Parsed.valid(new DateWithTime(date, Optional.empty()));
        }
        int h = num(c, 8, 2);
        int min = num(c, 10, 2);
        int s = c.length == 14 ? num(c, 12, 2) : 0;
        return withTime(date, h, min, s, 0);
    }

    /**
     * An Excel 1900-system serial: days since 1899-12-31, counting the 1900-02-29 that Lotus 1-2-3
     * believed in and Excel kept for compatibility; the fraction is the time of day.
     */
    private static Parsed<DateWithTime> excelSerial(char[] c, int intDigits, int dot) {
        long serial = num(c, 0, intDigits);
        if (serial == 0) {
            return Parsed.invalid(DepartmentDateReason.INVALID_DATE, "Excel serial 0 is the non-date 1900-01-00");
        }
        if (serial == 60) {
            return Parsed.invalid(DepartmentDateReason.INVALID_DATE, "Excel serial 60 is 1900-02-29, which never existed");
        }
        LocalDate date = serial < 60 ? EXCEL_EPOCH.plusDays(serial + 1) : EXCEL_EPOCH.plusDays(serial);
        if (dot < 0) {
            return Parsed.valid(new DateWithTime(date, Optional.empty()));
        }
        BigDecimal fraction = new BigDecimal(new String(c, dot, c.length - dot).replace(".", "0."));
        long seconds = fraction.multiply(SECONDS_PER_DAY).setScale(0, RoundingMode.HALF_UP).longValueExact();
        if (seconds >= 86_400) {
            // Rounding to the second can reach midnight; Excel shows that as the next day at 00:00.
            date = date.plusDays(1);
            seconds = 0;
        }
        return Parsed.valid(new DateWithTime(date, Optional.of(LocalTime.ofSecondOfDay(seconds))));
    }

    /**
     * The Excel 1900-system serial of a date, as Excel would store it; empty for dates before
     * 1900-01-01, which that system cannot hold.
     */
    public static OptionalLong excelSerial(LocalDate date) {
        if (date.getYear() < 1900) {
            return OptionalLong.empty();
        }
        long days = ChronoUnit.DAYS.between(EXCEL_EPOCH, date);
        return OptionalLong.of(date.isBefore(EXCEL_LEAP_BUG) ? days - 1 : days);
    }

    private static int num(char[] c, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            v = v * 10 + (c[i] - '0');
        }
        return v;
    }

    private static boolean isDate(int y, int m, int d) {
        if (m < 1 || m > 12 || d < 1) {
            return false;
        }
        return d <= java.time.YearMonth.of(y, m).lengthOfMonth();
    }

    private static <T> Parsed<T> noSuchDate(int y, int m, int d) {
        return Parsed.invalid(DepartmentDateReason.INVALID_DATE, String.format("no such date %04d-%02d-%02d", y, m, d));
    }

    private static Parsed<DateWithTime> withTime(LocalDate date, int h, int m, int s, int nanos) {
        return timeOf(h, m, s, nanos).map(time -> new DateWithTime(date, Optional.of(time)));
    }

    private static Parsed<LocalTime> timeOf(int h, int m, int s, int nanos) {
        if (h > 23 || m > 59 || s > 59) {
            return Parsed.invalid(DepartmentDateReason.INVALID_TIME, String.format("no such time %02d:%02d:%02d", h, m, s));
        }
        return Parsed.valid(LocalTime.of(h, m, s, nanos));
    }

    /** A hand-written scanner: these forms are read for every date column of every file, and regexes would dominate. */
    private static final class Cursor {
        private final char[] c;
        private int p;

        Cursor(char[] c) {
            this.c = c;
        }

        private boolean more() {
            return p < c.length;
        }

        private char peek() {
            return c[p];
        }

        private int digits(int min, int max) {
            int start = p;
            int v = 0;
            while (p < c.length && p - start < max && c[p] >= '0' && c[p] <= '9') {
                v = v * 10 + (c[p] - '0');
                p++;
            }
            if (p - start < min || (p < c.length && c[p] >= '0' && c[p] <= '9')) {
                return -1;
            }
            return v;
        }

        private <T> Parsed<T> bad(String why) {
            return Parsed.invalid(DepartmentDateReason.INVALID_FORMAT, why);
        }

        Parsed<DateWithTime> parseText() {
            int y = digits(4, 4);
            if (y < 0 || !more()) {
                return bad("expected a four-digit year first");
            }
            char sep = peek();
            boolean chinese = sep == '年';
            if (!(chinese || sep == '-' || sep == '/' || sep == '.')) {
                return bad("expected -, /, . or 年 after the year");
            }
            p++;
            int m = digits(1, 2);
            if (m < 0 || !more()) {
                return bad("expected a month and a day");
            }
            char sep2 = peek();
            if (chinese ? sep2 != '月' : sep2 != sep) {
                return bad(chinese ? "expected 月 after the month" : "the separators differ");
            }
            p++;
            int d = digits(1, 2);
            if (d < 0) {
                return bad("expected a day");
            }
            if (chinese && more() && (peek() == '日' || peek() == '号')) {
                p++;
            }
            if (!isDate(y, m, d)) {
                return noSuchDate(y, m, d);
            }
            LocalDate date = LocalDate.of(y, m, d);
            if (!more()) {
                return Parsed.valid(new DateWithTime(date, Optional.empty()));
            }
            return parseTime(date);
        }

        private Parsed<DateWithTime> parseTime(LocalDate date) {
            boolean separated = false;
            if (peek() == 'T' || peek() == 't') {
                p++;
                separated = true;
            } else {
                while (more() && peek() == ' ') {
                    p++;
                    separated = true;
                }
            }
            if (!separated && !(Character.isDigit(peek()) && c[p - 1] == '日')) {
                return bad("unexpected text after the date");
            }
            if (!more()) {
                return bad("expected a time after the separator");
            }
            Parsed<LocalTime> time = clock();
            return time.map(t -> new DateWithTime(date, Optional.of(t)));
        }

        /**
         * A month from the start of the input, {@code null} when the input is not a month form
         * (it may still be a date, which the caller tries next).
         */
        Parsed<YearMonth> parseYearMonth() {
            int y = digits(4, 4);
            if (y < 0 || !more()) {
                return null;
            }
            char sep = peek();
            boolean chinese = sep == '年';
            if (!(chinese || sep == '-' || sep == '/' || sep == '.')) {
                return null;
            }
            p++;
            int m = digits(1, 2);
            if (m < 0) {
                return null;
            }
            if (chinese) {
                if (!more() || peek() != '月') {
                    return null;
                }
                p++;
                if (more() && peek() == '份') {
                    p++;
                }
            }
            return more() ? null : yearMonth(y, m);
        }

        /** {@code H:mm}, {@code H:mm:ss[.f…]} or {@code H时m分[s秒]} from the cursor to the end. */
        Parsed<LocalTime> clock() {
            int h = digits(1, 2);
            if (h < 0 || !more()) {
                return bad("expected a time as H:mm or H:mm:ss");
            }
            boolean chineseTime = peek() == '时' || peek() == '時' || peek() == '点';
            if (!(peek() == ':' || chineseTime)) {
                return bad("expected : after the hour");
            }
            p++;
            int min = digits(chineseTime ? 1 : 2, 2);
            if (min < 0) {
                return bad("expected two-digit minutes");
            }
            int s = 0;
            int nanos = 0;
            if (chineseTime) {
                if (more() && peek() == '分') {
                    p++;
                    if (more()) {
                        s = digits(1, 2);
                        if (s < 0 || !more() || peek() != '秒') {
                            return bad("expected seconds followed by 秒");
                        }
                        p++;
                    }
                }
            } else if (more() && peek() == ':') {
                p++;
                s = digits(2, 2);
                if (s < 0) {
                    return bad("expected two-digit seconds");
                }
                if (more() && peek() == '.') {
                    p++;
                    int start = p;
                    int frac = digits(1, 9);
                    if (frac < 0) {
                        return bad("expected at most nine digits of fractional seconds");
                    }
                    for (int i = p - start; i < 9; i++) {
                        frac *= 10;
                    }
                    nanos = frac;
                }
            }
            if (more()) {
                return bad("unexpected text after the time");
            }
            return timeOf(h, min, s, nanos);
        }
    }

    /** Why a date was refused. */
    public enum DepartmentDateReason implements RejectionReason {
        EMPTY("no date given", "日期为空"),
        INVALID_FORMAT("not a recognised date form (yyyy-MM-dd, yyyy/M/d, yyyyMMdd, yyyy年M月d日, yyyy.MM.dd, Excel serial)",
                "日期格式无法识别"),
        INVALID_DATE("no such date", "日期不存在"),
        INVALID_TIME("no such time of day", "时间不存在");

        private final String english;
        private final String chinese;

        DepartmentDateReason(String english, String chinese) {
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
