package org.vigil.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.vigil.identity.internal.Chars;

/**
 * A citizen ID number (公民身份号码) of GB 11643-1999, or one of the numbers built on the same
 * scheme: the residence permits for Hong Kong, Macao and Taiwan residents and the 2023 foreigners'
 * permanent-residence ID. Always held in its normalised 18-character form.
 *
 * <p>Parsing runs on every row of every department file (tens of millions), so it scans the input
 * once into a small buffer, validates with integer arithmetic and allocates only the result.
 *
 * <p>The region code in a number is the one in force when it was issued and may since have been
 * abolished; only the province is checked, against a constant set of GB/T 2260 province codes.
 */
public final class ResidentId {

    /** What kind of number it is; they share the format but differ in what the first digits mean. */
    public enum Kind {
        /** A mainland citizen's number; the first six digits are the household-registration region. */
        RESIDENT,
        /** Residence permit for Hong Kong (810000) or Macao (820000) residents, 港澳居民居住证. */
        HK_MACAO_PERMIT,
        /** Residence permit for Taiwan residents (830000), 台湾居民居住证. */
        TAIWAN_PERMIT,
        /**
         * The 2023 foreigners' permanent-residence ID (外国人永久居留身份证): a leading 9, the accepting
         * province's two digits, a three-digit nationality code, then the same date, sequence and
         * check digit as a citizen's number.
         */
        FOREIGN_PERMANENT
    }

    /** What {@link #checkDigit(CharSequence)} returns when its input does not start with 17 digits. */
    public static final char NOT_COMPUTABLE = '?';

    static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static final char[] CHECK_CHARS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final int EARLIEST_BIRTH_YEAR = 1880;

    /** Seventeen digits and a check character, not inside a longer run of letters and digits. */
    private static final Pattern ID_SHAPED = Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");

    /** Province-level codes of GB/T 2260 (mainland, Taiwan 71, Hong Kong 81, Macao 82). */
    private static final boolean[] PROVINCE = new boolean[100];

    static {
        int[][] ranges = {{11, 15}, {21, 23}, {31, 37}, {41, 46}, {50, 54}, {61, 65}, {71, 71}, {81, 82}};
        for (int[] r : ranges) {
            for (int p = r[0]; p <= r[1]; p++) {
                PROVINCE[p] = true;
            }
        }
    }

    private final String value;
    private final Kind kind;
    private final boolean upgraded;

    private ResidentId(String value, Kind kind, boolean upgraded) {
        this.value = value;
        this.kind = kind;
        this.upgraded = upgraded;
    }

    /**
     * Reads an ID number as departments send it: blanks anywhere, full-width digits, a lower-case
     * or full-width x, or the 15-digit pre-1999 form, which is upgraded to 18 digits.
     *
     * @param today the date "in the future" is judged against; pass the business date, never the wall clock
     */
    public static Parsed<ResidentId> parse(CharSequence raw, LocalDate today) {
        Objects.requireNonNull(today, "today");
        return parse(raw, today.getYear() * 10_000 + today.getMonthValue() * 100 + today.getDayOfMonth());
    }

    /** As {@link #parse(CharSequence, LocalDate)}, taking today from the clock in its zone. */
    public static Parsed<ResidentId> parse(CharSequence raw, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return parse(raw, LocalDate.now(clock));
    }

    private static Parsed<ResidentId> parse(CharSequence raw, int todayYmd) {
        if (raw == null) {
            return Parsed.invalid(ResidentIdReason.EMPTY, "");
        }
        int len = raw.length();
        char[] buf = new char[18];
        int n = 0;
        boolean changed = false;
        for (int i = 0; i < len; i++) {
            char c = raw.charAt(i);
            char d;
            if (c >= '0' && c <= '9' || c == 'X') {
                d = c;
            } else if (c >= '\uFF10' && c <= '\uFF19') {
                d = (char) (c - 0xFEE0);
            } else if (c == 'x' || c == '\uFF38' || c == '\uFF58') {
                d = 'X';
            } else if (Chars.isBlank(c)) {
                changed = true;
                continue;
            } else {
                int cp = Character.codePointAt(raw, i);
                return Parsed.invalid(ResidentIdReason.CHARACTERS,
                        "unexpected character " + Chars.describe(cp) + " at position " + (i + 1));
            }
            if (d != c) {
                changed = true;
            }
            if (n < 18) {
                buf[n] = d;
            }
            n++;
        }
        if (n == 0) {
            return Parsed.invalid(ResidentIdReason.EMPTY, len == 0 ? "" : "only blanks");
        }
        if (n != 18 && n != 15) {
            return Parsed.invalid(ResidentIdReason.LENGTH, "expected 18 characters (or 15 for the old form), found " + n);
        }
        int xLimit = n == 18 ? 17 : 15;
        for (int i = 0; i < xLimit; i++) {
            if (buf[i] == 'X') {
                return Parsed.invalid(ResidentIdReason.CHARACTERS,
                        "'X' at digit " + (i + 1) + ": X is allowed only as the 18th, check character");
            }
        }
        boolean legacy = n == 15;
        if (legacy) {
            // GB 11643-1999 §5: the old form lacks the century and the check digit; every holder was born in the 1900s.
            System.arraycopy(buf, 6, buf, 8, 9);
            buf[6] = '1';
            buf[7] = '9';
            buf[17] = computeCheck(buf);
            changed = true;
        }

        Kind kind;
        int p = (buf[0] - '0') * 10 + (buf[1] - '0');
        if (buf[0] == '9') {
            if (legacy) {
                return Parsed.invalid(ResidentIdReason.PROVINCE_UNKNOWN, "the 15-digit form has no leading 9 numbers");
            }
            int issuing = (buf[1] - '0') * 10 + (buf[2] - '0');
            if (!PROVINCE[issuing] || issuing > 65) {
                return Parsed.invalid(ResidentIdReason.PROVINCE_UNKNOWN,
                        "permanent-residence ID issued in unknown province " + buf[1] + buf[2]);
            }
            kind = Kind.FOREIGN_PERMANENT;
        } else if (p == 81 || p == 82 || p == 83) {
            if (legacy) {
                return Parsed.invalid(ResidentIdReason.PROVINCE_UNKNOWN, "no 15-digit residence permits exist, province " + p);
            }
            kind = p == 83 ? Kind.TAIWAN_PERMIT : Kind.HK_MACAO_PERMIT;
        } else if (PROVINCE[p]) {
            kind = Kind.RESIDENT;
        } else {
            return Parsed.invalid(ResidentIdReason.PROVINCE_UNKNOWN, "no province-level division " + buf[0] + buf[1]);
        }

        int year = num(buf, 6, 4);
        int month = num(buf, 10, 2);
        int day = num(buf, 12, 2);
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return Parsed.invalid(ResidentIdReason.BIRTH_DATE_INVALID,
                    "no such date " + new String(buf, 6, 4) + "-" + new String(buf, 10, 2) + "-" + new String(buf, 12, 2));
        }
        if (year < EARLIEST_BIRTH_YEAR) {
            return Parsed.invalid(ResidentIdReason.BIRTH_DATE_TOO_EARLY, "born in " + year);
        }
        int ymd = year * 10_000 + month * 100 + day;
        if (ymd > todayYmd) {
            return Parsed.invalid(ResidentIdReason.BIRTH_DATE_IN_FUTURE,
                    "born " + year + "-" + new String(buf, 10, 2) + "-" + new String(buf, 12, 2)
                            + ", after " + formatYmd(todayYmd));
        }

        if (!legacy) {
            char expected = computeCheck(buf);
            if (expected != buf[17]) {
                return Parsed.invalid(ResidentIdReason.CHECK_DIGIT, "expected check digit " + expected + ", found " + buf[17]);
            }
        }
        String value = !changed && raw instanceof String s ? s : new String(buf);
        return Parsed.valid(new ResidentId(value, kind, legacy));
    }

    /**
     * The GB 11643-1999 MOD 11-2 check character for the first 17 digits of {@code first17} (more
     * characters may follow; they are ignored). Public so that generated IDs are valid by construction.
     *
     * @return '0'–'9' or 'X', or {@link #NOT_COMPUTABLE} when the input does not start with 17 ASCII digits
     */
    public static char checkDigit(CharSequence first17) {
        if (first17 == null || first17.length() < 17) {
            return NOT_COMPUTABLE;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_COMPUTABLE;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS[sum % 11];
    }

    private static char computeCheck(char[] digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (digits[i] - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS[sum % 11];
    }

    private static int num(char[] buf, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            v = v * 10 + (buf[i] - '0');
        }
        return v;
    }

    private static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = (year % 4 == 0) && (year % 100 != 0 || year % 400 == 0);
                return leap ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    private static String formatYmd(int ymd) {
        return String.format("%04d-%02d-%02d", ymd / 10_000, ymd / 100 % 100, ymd % 100);
    }

    /** The normalised 18-character number, with an upper-case X. */
    public String value() {
        return value;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the input was the 15-digit pre-1999 form, upgraded to 18 digits. */
    public boolean wasUpgradedFromLegacy() {
        return upgraded;
    }

    public LocalDate birthDate() {
        return LocalDate.of(digits(6, 4), digits(10, 2), digits(12, 2));
    }

    public Gender gender() {
        return Gender.ofSequenceDigit(value.charAt(16) - '0');
    }

    /**
     * The first six digits: for a citizen the region of household registration at issue (possibly
     * abolished since), for a permit 810000/820000/830000, for a foreigner's ID the leading 9, the
     * accepting province and the nationality code.
     */
    public String regionPrefix() {
        return value.substring(0, 6);
    }

    /**
     * The two-digit province: the first two digits, except for a foreigner's permanent-residence ID,
     * where it is the province that accepted the application (digits 2–3).
     */
    public String provinceCode() {
        return kind == Kind.FOREIGN_PERMANENT ? value.substring(1, 3) : value.substring(0, 2);
    }

    /** For a foreigner's permanent-residence ID, the three-digit numeric nationality code (digits 4–6). */
    public Optional<String> nationalityCode() {
        return kind == Kind.FOREIGN_PERMANENT ? Optional.of(value.substring(3, 6)) : Optional.empty();
    }

    /** The form shown by default (first 6, 8 asterisks, last 4), so the birth date is never on screen. */
    public String masked() {
        return masked(value);
    }

    private static String masked(String number) {
        return number.substring(0, 6) + "********" + number.substring(14);
    }

    /**
     * The text with every 18-character run of the ID number's shape shown as {@link #masked()}
     * shows a number, whether or not its check digit is right: a mistyped number is still most of
     * someone's. For messages and log lines that may quote what someone typed or sent.
     */
    public static String maskAll(CharSequence text) {
        if (text == null) {
            return null;
        }
        return ID_SHAPED.matcher(text).replaceAll(m -> masked(m.group()));
    }

    /**
     * Completed years of age on {@code date}. Someone born on 29 February completes a year on
     * 1 March in common years, as {@link java.time.Period} counts; a date before birth gives a negative number.
     */
    public int ageOn(LocalDate date) {
        int by = digits(6, 4);
        int bm = digits(10, 2);
        int bd = digits(12, 2);
        int age = date.getYear() - by;
        if (date.getMonthValue() < bm || (date.getMonthValue() == bm && date.getDayOfMonth() < bd)) {
            age--;
        }
        return age;
    }

    private int digits(int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            v = v * 10 + (value.charAt(i) - '0');
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidentId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The masked form: ID numbers must not reach logs in plain text. */
    @Override
    public String toString() {
        return masked();
    }
}
