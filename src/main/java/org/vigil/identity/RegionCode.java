package org.vigil.identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.vigil.identity.internal.Chars;

/**
 * A division code: the 6-digit administrative division code of GB/T 2260 (province, city,
 * county) or a statistical division code (统计用区划代码) of 9 digits (township, town, street) or
 * 12 digits (village committee, residents' community).
 *
 * <pre>
 *   22 02 02 001 001
 *   ── ── ── ─── ───
 *   │  │  │  │   └ village / community   (12 digits, VILLAGE)
 *   │  │  │  └ township / town / street   (9 digits, TOWNSHIP)
 *   │  │  └ county / district             (COUNTY, unless 00)
 *   │  └ city / prefecture                (CITY, unless 00)
 *   └ province                            (PROVINCE)
 * </pre>
 *
 * <p><b>Trailing zeros.</b> The statistical tables write every code with 12 digits, padding with
 * zeros: {@code 220202000000} is the county 220202, {@code 220202001000} the township 220202001.
 * {@link #parse} accepts these padded forms and normalises them to the shortest code of the same
 * division (12 → 9 → 6 digits), so a code is always held at its true level and two spellings of
 * one division are equal. A 6-digit code's level follows from its zeros the same way: ending in
 * {@code 0000} it is a province, in {@code 00} a city, otherwise a county.
 *
 * <p><b>What is checked.</b> Only the shape and the province: the first two digits must be a
 * province-level code of GB/T 2260 (a fixed set: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81,
 * 82). Whether a city or county exists is a question for a {@link RegionDirectory}, never a reason
 * to refuse a code: divisions are created and abolished every year, and an ID number keeps the
 * code in force when it was issued. A township or village must sit below a city or county (its
 * first six digits are not a province), and a village below a township (digits 7–9 not 000).
 *
 * <p>Codes order by their digits, which puts every division right after its parent.
 */
public final class RegionCode implements Comparable<RegionCode> {

    private static final boolean[] PROVINCES = new boolean[100];

    static {
        int[] provinces = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45,
            46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82};
        for (int p : provinces) {
            PROVINCES[p] = true;
        }
    }

    private final String value;
    private final RegionLevel level;

    private RegionCode(String value, RegionLevel level) {
        this.value = value;
        this.level = level;
    }

    /**
     * Reads a division code. Blanks anywhere (including the ideographic and no-break spaces of
     * pasted text) are ignored and full-width digits read as digits; a 9- or 12-digit code padded
     * with zeros is normalised to its true level (see the class description).
     *
     * @return the code, or a rejection: {@link RegionCodeReason#EMPTY} for no digits at all,
     *     {@link RegionCodeReason#CHARACTERS} for anything but digits and blanks,
     *     {@link RegionCodeReason#LENGTH} for other than 6, 9 or 12 digits,
     *     {@link RegionCodeReason#STRUCTURE} for digits that cannot be a division code
     */
    public static Parsed<RegionCode> parse(CharSequence input) {
        if (input == null) {
            return Parsed.invalid(RegionCodeReason.EMPTY, "");
        }
        char[] digits = new char[12];
        int count = 0;
        int length = input.length();
        for (int i = 0; i < length; i++) {
            char c = input.charAt(i);
            if (Chars.isBlank(c)) {
                continue;
            }
            int d = Chars.digit(c);
            if (d < 0) {
                int codePoint = Character.codePointAt(input, i);
                return Parsed.invalid(RegionCodeReason.CHARACTERS,
                        "unexpected " + Chars.describe(codePoint) + " at position " + (i + 1));
            }
            if (count < digits.length) {
                digits[count] = (char) ('0' + d);
            }
            count++;
        }
        if (count == 0) {
            return Parsed.invalid(RegionCodeReason.EMPTY, "");
        }
        if (count != 6 && count != 9 && count != 12) {
            return Parsed.invalid(RegionCodeReason.LENGTH, "found " + count + " digits");
        }
        return fromDigits(digits, count);
    }

    /** Whether two digits are a province-level code of GB/T 2260, such as {@code "22"}. */
    public static boolean isProvince(CharSequence twoDigits) {
        if (twoDigits == null || twoDigits.length() != 2) {
            return false;
        }
        int tens = Chars.digit(twoDigits.charAt(0));
        int units = Chars.digit(twoDigits.charAt(1));
        return tens >= 0 && units >= 0 && PROVINCES[tens * 10 + units];
    }

    private static Parsed<RegionCode> fromDigits(char[] digits, int count) {
        int length = count;
        if (length == 12 && zeros(digits, 9, 12)) {
            length = 9;
        }
        if (length == 9 && zeros(digits, 6, 9)) {
            length = 6;
        }
        if (zeros(digits, 0, length)) {
            return Parsed.invalid(RegionCodeReason.STRUCTURE, "all digits are zero");
        }
        int province = (digits[0] - '0') * 10 + (digits[1] - '0');
        if (!PROVINCES[province]) {
            return Parsed.invalid(RegionCodeReason.STRUCTURE,
                    "'" + digits[0] + digits[1] + "' is not a province-level code");
        }
        if (length == 12 && zeros(digits, 6, 9)) {
            return Parsed.invalid(RegionCodeReason.STRUCTURE,
                    "a village lies in a township, but digits 7-9 are 000");
        }
        if (length > 6 && zeros(digits, 2, 6)) {
            return Parsed.invalid(RegionCodeReason.STRUCTURE,
                    "a township lies in a city or county, but digits 3-6 are 0000");
        }
        return Parsed.valid(create(new String(digits, 0, length)));
    }

    private static boolean zeros(char[] digits, int from, int to) {
        for (int i = from; i < to; i++) {
            if (digits[i] != '0') {
                return false;
            }
        }
        return true;
    }

    /** A code from digits already known to be a well-formed, normalised code. */
    private static RegionCode create(String digits) {
        RegionLevel level;
        if (digits.length() == 12) {
            level = RegionLevel.VILLAGE;
        } else if (digits.length() == 9) {
            level = RegionLevel.TOWNSHIP;
        } else if (digits.endsWith("0000")) {
            level = RegionLevel.PROVINCE;
        } else if (digits.endsWith("00")) {
            level = RegionLevel.CITY;
        } else {
            level = RegionLevel.COUNTY;
        }
        return new RegionCode(digits, level);
    }

    /** The normalised digits: 6, 9 or 12 of them. */
    public String value() {
        return value;
    }

    public RegionLevel level() {
        return level;
    }

    /**
     * The code padded with zeros to the 12 digits of the statistical tables, such as
     * {@code 220202000000}.
     */
    public String padded() {
        return value.length() == 12 ? value : (value + "000000").substring(0, 12);
    }

    /**
     * The division directly above: a village's township, a township's county (or city, where a
     * city has no counties, like 441900 东莞市), a county's city (or province, when the city
     * digits are 00), a city's province. Empty for a province.
     */
    public Optional<RegionCode> parent() {
        switch (level) {
            case PROVINCE:
                return Optional.empty();
            case CITY:
                return Optional.of(province());
            case COUNTY:
                return Optional.of(isCityPartZero() ? province() : create(value.substring(0, 4) + "00"));
            case TOWNSHIP:
                return Optional.of(district());
            default:
                return Optional.of(create(value.substring(0, 9)));
        }
    }

    /** The province this code lies in; a province code is its own province. */
    public RegionCode province() {
        return level == RegionLevel.PROVINCE ? this : create(value.substring(0, 2) + "0000");
    }

    /**
     * The city (prefecture level) this code lies in, or this code if it is one. Empty for a
     * province and for codes whose city digits are 00.
     */
    public Optional<RegionCode> prefecture() {
        if (level == RegionLevel.PROVINCE || isCityPartZero()) {
            return Optional.empty();
        }
        return Optional.of(level == RegionLevel.CITY ? this : create(value.substring(0, 4) + "00"));
    }

    /**
     * The county this code lies in, or this code if it is one. Empty above county level and for
     * townships directly in a city without counties.
     */
    public Optional<RegionCode> county() {
        if (level == RegionLevel.COUNTY) {
            return Optional.of(this);
        }
        if (level == RegionLevel.PROVINCE || level == RegionLevel.CITY) {
            return Optional.empty();
        }
        RegionCode district = district();
        return district.level == RegionLevel.COUNTY ? Optional.of(district) : Optional.empty();
    }

    /** The township this code lies in, or this code if it is one; empty above township level. */
    public Optional<RegionCode> township() {
        if (level == RegionLevel.TOWNSHIP) {
            return Optional.of(this);
        }
        return level == RegionLevel.VILLAGE ? Optional.of(create(value.substring(0, 9))) : Optional.empty();
    }

    /**
     * The first six digits as a code: the GB/T 2260 division (county, or city or province) this
     * code lies in. A 6-digit code is its own district.
     */
    public RegionCode district() {
        return value.length() == 6 ? this : create(value.substring(0, 6));
    }

    /** This code and the codes above it, from the province down. */
    public List<RegionCode> lineage() {
        List<RegionCode> codes = new ArrayList<>(5);
        for (RegionCode c = this; c != null; c = c.parent().orElse(null)) {
            codes.add(c);
        }
        Collections.reverse(codes);
        return List.copyOf(codes);
    }

    /**
     * Whether {@code other} is this division or lies within it: a district contains its streets
     * and their communities, a province everything whose first two digits match. Reflexive and
     * transitive; a code's {@link #parent()} always contains it.
     */
    public boolean contains(RegionCode other) {
        return other != null && other.value.regionMatches(0, value, 0, level.significantDigits());
    }

    /** Whether this division lies within {@code other} (or is it). */
    public boolean isWithin(RegionCode other) {
        return other != null && other.contains(this);
    }

    /**
     * The code of a division directly below this one, from the digits that follow: 2 for a city
     * in a province ({@code 220000} + {@code 02}), 2 for a county in a city ({@code 220200} +
     * {@code 02}), 3 for a township in a county or in a city without counties ({@code 220202} +
     * {@code 001}), 3 for a village in a township.
     */
    public Parsed<RegionCode> child(CharSequence suffix) {
        if (suffix == null) {
            return Parsed.invalid(RegionCodeReason.EMPTY, "no child digits");
        }
        StringBuilder digits = new StringBuilder(3);
        for (int i = 0; i < suffix.length(); i++) {
            char c = suffix.charAt(i);
            if (Chars.isBlank(c)) {
                continue;
            }
            int d = Chars.digit(c);
            if (d < 0) {
                return Parsed.invalid(RegionCodeReason.CHARACTERS,
                        "unexpected " + Chars.describe(Character.codePointAt(suffix, i)) + " in child digits");
            }
            digits.append((char) ('0' + d));
        }
        if (digits.length() == 0) {
            return Parsed.invalid(RegionCodeReason.EMPTY, "no child digits");
        }
        if (digits.chars().allMatch(c -> c == '0')) {
            return Parsed.invalid(RegionCodeReason.STRUCTURE, "child digits " + digits + " are all zero");
        }
        String candidate;
        switch (level) {
            case PROVINCE:
                candidate = digits.length() == 2 ? value.substring(0, 2) + digits + "00" : null;
                break;
            case CITY:
                candidate = digits.length() == 2 ? value.substring(0, 4) + digits
                        : digits.length() == 3 ? value + digits : null;
                break;
            case COUNTY:
            case TOWNSHIP:
                candidate = digits.length() == 3 ? value + digits : null;
                break;
            default:
                return Parsed.invalid(RegionCodeReason.STRUCTURE, "a village has no divisions below it");
        }
        if (candidate == null) {
            return Parsed.invalid(RegionCodeReason.LENGTH,
                    digits.length() + " child digits do not fit below a " + level.english());
        }
        return parse(candidate);
    }

    private boolean isCityPartZero() {
        return value.charAt(2) == '0' && value.charAt(3) == '0';
    }

    @Override
    public int compareTo(RegionCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegionCode code && code.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The normalised digits, as {@link #value()}. */
    @Override
    public String toString() {
        return value;
    }
}
