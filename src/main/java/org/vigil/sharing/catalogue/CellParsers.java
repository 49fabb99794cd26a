package org.vigil.sharing.catalogue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.vigil.identity.CreditCode;
import org.vigil.identity.DepartmentDates;
import org.vigil.identity.EmailAddress;
import org.vigil.identity.Gender;
import org.vigil.identity.OrganizationCode;
import org.vigil.identity.Parsed;
import org.vigil.identity.PersonName;
import org.vigil.identity.PhoneNumber;
import org.vigil.identity.RegionCode;
import org.vigil.identity.Rejection;
import org.vigil.identity.ResidentId;
import org.vigil.identity.ResidentIdReason;

/**
 * The parser of each column type, from a cell's text to a typed value or a {@link Rejection}.
 * Identifiers, names, codes, phones and dates go through the identity kernel, so a value means the
 * same wherever it is read. The ID and date paths run for every row of every file and use no
 * regular expressions and no allocation beyond their result.
 *
 * <p>Dates, months and years after the as-of date are refused ({@link CellReason#FUTURE_DATE})
 * unless the column allows them (a sentence's end): a death or a train ride cannot be reported
 * before it happens, and such a date is a typo that would otherwise look like the newest evidence.
 *
 * <p>Text is kept exactly as written. A cell that looks like a spreadsheet formula
 * ({@link #looksLikeFormula}) is such text too: nothing here evaluates anything, and whoever writes
 * the value into a spreadsheet again must escape it.
 */
public final class CellParsers {

    /** The largest image a cell may hold, decoded: far above an ID photo's few kilobytes. */
    public static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;

    private static final Parsed<Gender> MALE = Parsed.valid(Gender.MALE);
    private static final Parsed<Gender> FEMALE = Parsed.valid(Gender.FEMALE);

    private CellParsers() {
    }

    /**
     * The parser for a column's cells.
     *
     * @param asOf the business date cells are judged against ("in the future", IDs born after it)
     */
    public static CellParser<?> forColumn(ColumnDefinition column, LocalDate asOf) {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(asOf, "asOf");
        boolean future = column.futureAllowed();
        return switch (column.type()) {
            case ID_NUMBER -> idNumber(asOf);
            case NAME -> name();
            case GENDER -> gender();
            case DATE -> date(asOf, future);
            case DATE_TIME -> dateTime(asOf, future);
            case TIME -> time();
            case YEAR_MONTH -> yearMonth(asOf, future);
            case YEAR -> year(asOf, future);
            case TEXT, ADDRESS -> text(column.maxLength());
            case CREDIT_CODE -> creditCode();
            case ORGANIZATION_CODE -> organizationCode();
            case REGION_CODE -> regionCode();
            case PHONE -> phone();
            case EMAIL -> email();
            case MONEY -> money();
            case INTEGER -> integer();
            case CHOICE -> choice(column.choices());
            case IMAGE_BASE64 -> imageBase64(MAX_IMAGE_BYTES);
        };
    }

    /**
     * The parsers of every column of a feed, in the order of {@link FeedDefinition#columns()}, so
     * that a reader holding a {@link ResolvedHeader} parses the cell at {@code indexes()[i]} with
     * parser {@code i}.
     */
    public static List<CellParser<?>> forFeed(FeedDefinition feed, LocalDate asOf) {
        Objects.requireNonNull(feed, "feed");
        List<CellParser<?>> parsers = new ArrayList<>(feed.columns().size());
        for (ColumnDefinition column : feed.columns()) {
            parsers.add(forColumn(column, asOf));
        }
        return List.copyOf(parsers);
    }

    /**
     * The parser for a column's cells, typed.
     *
     * @throws IllegalArgumentException when the column's values are not of {@code valueType}
     */
    @SuppressWarnings("unchecked")
    public static <T> CellParser<T> forColumn(ColumnDefinition column, LocalDate asOf, Class<T> valueType) {
        if (column.type().valueType() != valueType) {
            throw new IllegalArgumentException("column " + column.key() + " holds " + column.type().valueType().getSimpleName()
                    + ", not " + valueType.getSimpleName());
        }
        return (CellParser<T>) forColumn(column, asOf);
    }

    /**
     * Citizen ID numbers and numbers on the same scheme, through {@link ResidentId#parse}: 15-digit
     * numbers upgraded, a lower-case x accepted, birth dates after {@code asOf} refused. An ID a
     * spreadsheet turned into a number is told apart ({@link CellReason#ID_AS_NUMBER}), since the
     * department must re-export it as text rather than look for a typo.
     */
    public static CellParser<ResidentId> idNumber(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return raw -> {
            Parsed<ResidentId> id = ResidentId.parse(raw, asOf);
            if (id.isValid()) {
                return id;
            }
            return looksLikeSpreadsheetNumber(raw, id.problem().orElseThrow())
                    ? Parsed.invalid(CellReason.ID_AS_NUMBER, "'" + raw + "'")
                    : id;
        };
    }

    public static CellParser<PersonName> name() {
        return PersonName::parse;
    }

    public static CellParser<Gender> gender() {
        return raw -> {
            if (raw.length() == 1) {
                // The forms nearly every file uses, answered without allocating.
                switch (raw.charAt(0)) {
                    case '男', '1':
                        return MALE;
                    case '女', '2':
                        return FEMALE;
                    default:
                        break;
                }
            }
            return Gender.parse(raw);
        };
    }

    /** Dates in every form {@link DepartmentDates#parse} reads, Excel serials included. */
    public static CellParser<LocalDate> date(LocalDate asOf, boolean futureAllowed) {
        int asOfYmd = DateCells.ymd(asOf);
        return raw -> DateCells.date(raw, asOfYmd, futureAllowed);
    }

    /** A date and time of day; a date alone reads as the start of that day. */
    public static CellParser<LocalDateTime> dateTime(LocalDate asOf, boolean futureAllowed) {
        int asOfYmd = DateCells.ymd(asOf);
        return raw -> DateCells.dateTime(raw, asOfYmd, futureAllowed);
    }

    public static CellParser<LocalTime> time() {
        return DepartmentDates::parseTime;
    }

    public static CellParser<YearMonth> yearMonth(LocalDate asOf, boolean futureAllowed) {
        YearMonth current = YearMonth.from(asOf);
        return raw -> {
            Parsed<YearMonth> month = DepartmentDates.parseYearMonth(raw);
            if (month.isValid() && !futureAllowed && month.orElseThrow().isAfter(current)) {
                return Parsed.invalid(CellReason.FUTURE_DATE, month.orElseThrow() + " is after the as-of month " + current);
            }
            return month;
        };
    }

    /** A year: {@code 2026}, {@code 2026年}, {@code 2026年度}. */
    public static CellParser<Year> year(LocalDate asOf, boolean futureAllowed) {
        int current = asOf.getYear();
        return raw -> {
            if (raw.length() == 0) {
                return Parsed.invalid(CellReason.EMPTY, "");
            }
            int end = raw.length();
            if (end > 4 && raw.charAt(end - 1) == '度' && raw.charAt(end - 2) == '年') {
                end -= 2;
            } else if (end > 4 && raw.charAt(end - 1) == '年') {
                end--;
            }
            int y = end == 4 ? digits(raw, 0, 4) : -1;
            if (y < 1000) {
                return Parsed.invalid(CellReason.NOT_A_YEAR, "'" + raw + "'");
            }
            if (!futureAllowed && y > current) {
                return Parsed.invalid(CellReason.FUTURE_DATE, y + " is after the as-of year " + current);
            }
            return Parsed.valid(Year.of(y));
        };
    }

    /**
     * Text kept as written, up to {@code maxLength} characters and without control characters
     * other than tabs and line breaks. Formula-like text ({@code =SUM(A1)}) is text too.
     */
    public static CellParser<String> text(int maxLength) {
        if (maxLength <= 0) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        return raw -> {
            int len = raw.length();
            if (len == 0) {
                return Parsed.invalid(CellReason.EMPTY, "");
            }
            if (len > maxLength) {
                int codePoints = Character.codePointCount(raw, 0, len);
                if (codePoints > maxLength) {
                    return Parsed.invalid(CellReason.TOO_LONG, codePoints + " characters, at most " + maxLength);
                }
            }
            for (int i = 0; i < len; i++) {
                char c = raw.charAt(i);
                if (c < ' ' && c != '\t' && c != '\n' && c != '\r' || c == '\u007F') {
                    return Parsed.invalid(CellReason.CONTROL_CHARACTER, String.format("U+%04X at position %d", (int) c, i + 1));
                }
            }
            return Parsed.valid(raw.toString());
        };
    }

    public static CellParser<CreditCode> creditCode() {
        return CreditCode::parse;
    }

    public static CellParser<OrganizationCode> organizationCode() {
        return OrganizationCode::parse;
    }

    public static CellParser<RegionCode> regionCode() {
        return RegionCode::parse;
    }

    public static CellParser<PhoneNumber> phone() {
        return PhoneNumber::parse;
    }

    public static CellParser<EmailAddress> email() {
        return EmailAddress::parse;
    }

    /**
     * An amount of yuan as a number of cents (fen): {@code 1234.5}, {@code -12.30},
     * {@code 1,234.56}, {@code ¥200}, {@code 200元}. More than two decimal places are refused
     * unless the extra ones are zeros: rounding money silently would hide a wrong column.
     */
    public static CellParser<Long> money() {
        return raw -> number(raw, true);
    }

    /** A whole number: {@code 82}, {@code -3}, {@code 1,200}; {@code 82.0} as Excel may show it. */
    public static CellParser<Long> integer() {
        return raw -> number(raw, false);
    }

    /**
     * One of {@code values}, compared after the normalisation headers get (blanks, full width,
     * letter case); the value is the catalogue's own spelling.
     */
    public static CellParser<String> choice(List<String> values) {
        List<String> canonical = List.copyOf(values);
        if (canonical.isEmpty()) {
            throw new IllegalArgumentException("a choice needs values");
        }
        List<Parsed<String>> answers = new ArrayList<>();
        Map<String, Parsed<String>> byNormalised = new HashMap<>();
        for (String v : canonical) {
            Parsed<String> answer = Parsed.valid(v);
            answers.add(answer);
            byNormalised.put(HeaderText.normalise(v), answer);
        }
        String allowed = String.join("/", canonical);
        return raw -> {
            for (int i = 0; i < canonical.size(); i++) {
                if (canonical.get(i).contentEquals(raw)) {
                    return answers.get(i);
                }
            }
            if (raw.length() == 0) {
                return Parsed.invalid(CellReason.EMPTY, "");
            }
            Parsed<String> answer = byNormalised.get(HeaderText.normalise(raw));
            return answer != null ? answer
                    : Parsed.invalid(CellReason.NOT_A_CHOICE, "'" + abbreviate(raw) + "', expected one of " + allowed);
        };
    }

    /**
     * A Base64 image, with or without a {@code data:image/…;base64,} prefix and line breaks, of
     * at most {@code maxBytes} decoded bytes, recognised as PNG, JPEG, BMP or GIF by its bytes.
     */
    public static CellParser<ImageData> imageBase64(int maxBytes) {
        return raw -> image(raw, maxBytes);
    }

    /**
     * Whether a cell's text would be taken for a formula by a spreadsheet ({@code =}, {@code +},
     * {@code -}, {@code @} first). Such text is read and kept as it is; whoever exports it to a
     * spreadsheet again must escape it (a leading {@code '}), or a crafted cell runs in a staff
     * member's spreadsheet.
     */
    public static boolean looksLikeFormula(CharSequence text) {
        if (text == null || text.length() == 0) {
            return false;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@';
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A number a spreadsheet produced from a typed ID: in scientific form ({@code 2.20202194503E17})
     * or, rendered to its 15 significant digits, eighteen digits ending in {@code 000} that fail
     * the check.
     */
    private static boolean looksLikeSpreadsheetNumber(CharSequence raw, Rejection rejection) {
        int len = raw.length();
        int e = -1;
        for (int i = 0; i < len; i++) {
            char c = raw.charAt(i);
            if (c == 'E' || c == 'e') {
                e = i;
            } else if (!(c >= '0' && c <= '9' || c == '.' || c == '+')) {
                return false;
            }
        }
        if (e > 0) {
            return e < len - 1;
        }
        // Only the last three digits are lost, so the birth date and region still pass and the check fails.
        return len == 18 && rejection.reason() == ResidentIdReason.CHECK_DIGIT
                && raw.charAt(15) == '0' && raw.charAt(16) == '0' && raw.charAt(17) == '0';
    }

    private static Parsed<Long> number(CharSequence raw, boolean money) {
        int len = raw.length();
        if (len == 0) {
            return Parsed.invalid(CellReason.EMPTY, "");
        }
        int i = 0;
        int end = len;
        boolean negative = false;
        if (raw.charAt(i) == '-' || raw.charAt(i) == '+') {
            negative = raw.charAt(i) == '-';
            i++;
        }
        if (money && i < end && (raw.charAt(i) == '¥' || raw.charAt(i) == '￥')) {
            i++;
        }
        if (money && end > i && raw.charAt(end - 1) == '元') {
            end--;
        }
        long whole = 0;
        int digitCount = 0;
        boolean overflow = false;
        for (; i < end; i++) {
            char c = raw.charAt(i);
            int d = digit(c);
            if (d >= 0) {
                if (whole > (Long.MAX_VALUE - d) / 10) {
                    overflow = true;
                } else {
                    whole = whole * 10 + d;
                }
                digitCount++;
            } else if (c == ',' && digitCount > 0 && i + 1 < end && digit(raw.charAt(i + 1)) >= 0) {
                continue;
            } else {
                break;
            }
        }
        if (digitCount == 0) {
            return Parsed.invalid(CellReason.NOT_A_NUMBER, "'" + abbreviate(raw) + "'");
        }
        long fraction = 0;
        if (i < end && raw.charAt(i) == '.') {
            i++;
            int places = 0;
            int start = i;
            for (; i < end && digit(raw.charAt(i)) >= 0; i++) {
                int d = digit(raw.charAt(i));
                int allowed = money ? 2 : 0;
                if (places < allowed) {
                    fraction = fraction * 10 + d;
                } else if (d != 0) {
                    return money
                            ? Parsed.invalid(CellReason.TOO_MANY_DECIMALS, "'" + abbreviate(raw) + "'")
                            : Parsed.invalid(CellReason.NOT_A_NUMBER, "'" + abbreviate(raw) + "' is not a whole number");
                }
                places++;
            }
            if (i == start) {
                return Parsed.invalid(CellReason.NOT_A_NUMBER, "'" + abbreviate(raw) + "'");
            }
            if (money && places == 1) {
                fraction *= 10;
            }
        }
        if (i != end) {
            return Parsed.invalid(CellReason.NOT_A_NUMBER, "'" + abbreviate(raw) + "'");
        }
        long value;
        if (overflow) {
            return Parsed.invalid(CellReason.OUT_OF_RANGE, "'" + abbreviate(raw) + "'");
        }
        if (money) {
            if (whole > (Long.MAX_VALUE - fraction) / 100) {
                return Parsed.invalid(CellReason.OUT_OF_RANGE, "'" + abbreviate(raw) + "'");
            }
            value = whole * 100 + fraction;
        } else {
            value = whole;
        }
        return Parsed.valid(negative ? -value : value);
    }

    private static Parsed<ImageData> image(CharSequence raw, int maxBytes) {
        int len = raw.length();
        if (len == 0) {
            return Parsed.invalid(CellReason.EMPTY, "");
        }
        int start = 0;
        if (len > 5 && raw.subSequence(0, 5).toString().equalsIgnoreCase("data:")) {
            int comma = -1;
            for (int i = 5; i < len && i < 100; i++) {
                if (raw.charAt(i) == ',') {
                    comma = i;
                    break;
                }
            }
            if (comma < 0 || !raw.subSequence(0, comma).toString().toLowerCase(java.util.Locale.ROOT).endsWith(";base64")) {
                return Parsed.invalid(CellReason.NOT_BASE64, "a data: URL that is not ;base64");
            }
            start = comma + 1;
        }
        if ((long) (len - start) * 3 / 4 > maxBytes) {
            return Parsed.invalid(CellReason.IMAGE_TOO_LARGE, "about " + (len - start) * 3L / 4 + " bytes, at most " + maxBytes);
        }
        byte[] text = new byte[len - start];
        int n = 0;
        for (int i = start; i < len; i++) {
            char c = raw.charAt(i);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (c == '-' || c == '_') {
                // The URL-safe alphabet some systems use.
                c = c == '-' ? '+' : '/';
            }
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=')) {
                return Parsed.invalid(CellReason.NOT_BASE64, String.format("U+%04X at position %d", (int) c, i + 1));
            }
            text[n++] = (byte) c;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(java.util.Arrays.copyOf(text, n));
        } catch (IllegalArgumentException e) {
            return Parsed.invalid(CellReason.NOT_BASE64, e.getMessage());
        }
        ImageData.Format format = imageFormat(bytes);
        if (format == null) {
            return Parsed.invalid(CellReason.NOT_AN_IMAGE, bytes.length + " bytes of another kind");
        }
        return Parsed.valid(new ImageData(format, bytes));
    }

    private static ImageData.Format imageFormat(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return ImageData.Format.PNG;
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return ImageData.Format.JPEG;
        }
        if (b.length >= 14 && b[0] == 'B' && b[1] == 'M') {
            return ImageData.Format.BMP;
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return ImageData.Format.GIF;
        }
        return null;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '\uFF10' && c <= '\uFF19') {
            return c - '\uFF10';
        }
        return -1;
    }

    private static int digits(CharSequence s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = digit(s.charAt(i));
            if (d < 0) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static String abbreviate(CharSequence raw) {
        return raw.length() <= 40 ? raw.toString() : raw.subSequence(0, 40) + "…";
    }
}
