package org.vigil.sharing.reading;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * Turns stored cell values into the text the pipeline parses: numbers as Excel shows them in the
 * General format (no {@code .0}, no exponent, 15 significant digits), date serials as ISO dates.
 */
final class ExcelValues {

    /** Excel keeps 15 significant digits; more are floating-point noise (0.1 + 0.2 = 0.30000000000000004). */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    private static final long SECONDS_PER_DAY = 86_400;
    /** The serial of 9999-12-31, the last day Excel knows. */
    private static final double LAST_SERIAL = 2_958_465;
    /** Day 0 of the 1900 system for serials from 61 (1900-03-01) on, past Excel's phantom 1900-02-29. */
    private static final long EPOCH_1900 = LocalDate.of(1899, 12, 30).toEpochDay();
    /** Day 0 of the 1900 system for serials 1–60, before the phantom leap day. */
    private static final long EPOCH_1900_EARLY = LocalDate.of(1899, 12, 31).toEpochDay();
    private static final long EPOCH_1904 = LocalDate.of(1904, 1, 1).toEpochDay();
    private static final int FIRST_SERIAL_AFTER_PHANTOM_DAY = 61;
    private static final char DATE_TIME_SEPARATOR = 'T';
    private static final String MIDNIGHT = "00:00:00";

    private ExcelValues() {
    }

    /**
     * Appends a number stored as {@code raw} ({@code 3}, {@code 3.0}, {@code 2.2020219450312E17},
     * {@code 0.30000000000000004}): integers as they are, other numbers rounded to Excel's 15
     * digits, in plain notation. Text that is not a number is appended as it is.
     */
    static boolean appendNumber(TextBuffer raw, TextBuffer out) {
        char[] c = raw.array();
        int n = raw.length();
        int digitsEnd = integerEnd(c, n);
        if (digitsEnd == n) {
            return out.append(c, 0, n);
        }
        if (digitsEnd == n - 2 && c[n - 2] == '.' && c[n - 1] == '0') {
            return out.append(c, 0, n - 2);
        }
        String text = raw.toString();
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        }
        catch (NumberFormatException notANumber) {
            // not a number after all (a damaged or hand-made part): the text is still what the cell holds
            return out.append(text);
        }
        if (value.precision() > EXCEL_PRECISION.getPrecision()) {
            value = value.round(EXCEL_PRECISION);
        }
        value = value.stripTrailingZeros();
        return out.append(value.signum() == 0 ? "0" : value.toPlainString());
    }

    /**
     * Appends a date serial in the form {@code kind} asks for: a date alone when the format shows
     * none and the value has no time of day, a time alone for a time format and a value under a
     * day. Serials out of Excel's range are appended as numbers.
     */
    static boolean appendDate(TextBuffer raw, byte kind, boolean date1904, TextBuffer out) {
        double serial;
        try {
            serial = Double.parseDouble(raw.toString());
        }
        catch (NumberFormatException notANumber) {
            return appendNumber(raw, out);
        }
        if (!(serial >= 0 && serial <= LAST_SERIAL)) {
            return appendNumber(raw, out);
        }
        long days = (long) Math.floor(serial);
        long seconds = Math.round((serial - days) * SECONDS_PER_DAY);
        if (seconds == SECONDS_PER_DAY) {
            days++;
            seconds = 0;
        }
        if (kind == NumberFormats.TIME && days == 0) {
            return appendTime(seconds, out);
        }
        long epochDay = date1904 ? EPOCH_1904 + days
                : days < FIRST_SERIAL_AFTER_PHANTOM_DAY ? EPOCH_1900_EARLY + days : EPOCH_1900 + days;
        if (!appendDay(LocalDate.ofEpochDay(epochDay), out)) {
            return false;
        }
        if (kind == NumberFormats.DATE && seconds == 0) {
            return true;
        }
        return out.append(' ') && appendTime(seconds, out);
    }

    /**
     * Appends an ISO 8601 date cell ({@code t="d"}) as {@code yyyy-MM-dd} or
     * {@code yyyy-MM-dd HH:mm:ss}; other text as it is.
     */
    static boolean appendIsoDate(TextBuffer raw, TextBuffer out) {
        String text = raw.toString();
        try {
            if (text.indexOf(DATE_TIME_SEPARATOR) < 0) {
                return appendDay(LocalDate.parse(text), out);
            }
            LocalDateTime moment = LocalDateTime.parse(text.endsWith("Z") ? text.substring(0, text.length() - 1) : text);
            String time = String.format("%02d:%02d:%02d", moment.getHour(), moment.getMinute(), moment.getSecond());
            return appendDay(moment.toLocalDate(), out) && (time.equals(MIDNIGHT) || out.append(' ') && out.append(time));
        }
        catch (DateTimeParseException notIso) {
            // a date cell that is not ISO 8601 is still what the cell holds
            return out.append(text);
        }
    }

    /** The end of a leading optional minus and digits, which is the whole text for an integer. */
    private static int integerEnd(char[] c, int n) {
        int i = n > 0 && c[0] == '-' ? 1 : 0;
        int digitsStart = i;
        while (i < n && c[i] >= '0' && c[i] <= '9') {
            i++;
        }
        return i == digitsStart ? -1 : i;
    }

    private static boolean appendDay(LocalDate day, TextBuffer out) {
        return appendDigits(day.getYear(), 4, out) && out.append('-') && appendDigits(day.getMonthValue(), 2, out)
                && out.append('-') && appendDigits(day.getDayOfMonth(), 2, out);
    }

    private static boolean appendTime(long seconds, TextBuffer out) {
        int s = (int) seconds;
        return appendDigits(s / 3600, 2, out) && out.append(':') && appendDigits(s / 60 % 60, 2, out) && out.append(':')
                && appendDigits(s % 60, 2, out);
    }

    private static boolean appendDigits(int value, int width, TextBuffer out) {
        int divisor = 1;
        for (int i = 1; i < width; i++) {
            divisor *= 10;
        }
        for (int d = divisor; d > 0; d /= 10) {
            if (!out.append((char) ('0' + value / d % 10))) {
                return false;
            }
        }
        return true;
    }
}
