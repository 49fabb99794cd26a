package org.vigil.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vigil.identity.internal.Chars;

/**
 * A mainland China telephone number: a mobile number (11 digits, 1[3-9]…) or a landline with its
 * area code and an optional extension. Phone numbers get DATA-6 "system validation": a completeness
 * and legality check, no manual review, so the check here is the whole gate.
 *
 * <p>Accepted input: an optional +86, 0086 or (mobile only) 86 prefix; blanks, hyphens, dots and
 * brackets anywhere; full-width digits; a mobile number written with the old long-distance 0; an
 * extension after 转, 分机, ext, x or #, or as a last hyphenated group after a complete landline.
 */
public final class PhoneNumber {

    /** Mobile or landline. */
    public enum Kind {
        MOBILE,
        LANDLINE
    }

    private final Kind kind;
    /** Mobile: the 11 digits. Landline: area code with its leading 0, then the subscriber number. */
    private final String digits;
    private final int areaLength;
    private final String extension;

    private PhoneNumber(Kind kind, String digits, int areaLength, String extension) {
        this.kind = kind;
        this.digits = digits;
        this.areaLength = areaLength;
        this.extension = extension;
    }

    public static Parsed<PhoneNumber> parse(CharSequence raw) {
        if (raw == null) {
            return Parsed.invalid(PhoneNumberReason.EMPTY, "");
        }
        String s = raw.toString();
        List<StringBuilder> groups = new ArrayList<>(4);
        StringBuilder group = new StringBuilder(16);
        StringBuilder ext = null;
        boolean plus = false;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            int d = Chars.digit(c);
            if (d >= 0) {
                (ext != null ? ext : group).append((char) ('0' + d));
                continue;
            }
            char h = Chars.halfWidth(c);
            if (Chars.isBlank(c) || h == '-' || h == '(' || h == ')' || h == '.' || c == '\u2010' || c == '\u2013'
                    || c == '\u2014' || c == '\u2212' || c == '\u3002') {
                if (ext == null && group.length() > 0) {
                    groups.add(group);
                    group = new StringBuilder(16);
                }
                continue;
            }
            if (h == '+' && !plus && groups.isEmpty() && group.length() == 0 && ext == null) {
                plus = true;
                continue;
            }
            if (ext == null && (group.length() > 0 || !groups.isEmpty())) {
                int markerEnd = extensionMarkerEnd(s, i);
                if (markerEnd > i) {
                    if (group.length() > 0) {
                        groups.add(group);
                        group = new StringBuilder(16);
                    }
                    ext = new StringBuilder(6);
                    i = markerEnd - 1;
                    continue;
                }
            }
            return Parsed.invalid(PhoneNumberReason.CHARACTERS,
                    "unexpected character " + Chars.describe(s.codePointAt(i)) + " at position " + (i + 1));
        }
        if (group.length() > 0) {
            groups.add(group);
        }
        if (groups.isEmpty()) {
            if (ext != null) {
                return Parsed.invalid(PhoneNumberReason.EXTENSION, "an extension without a number");
            }
            return Parsed.invalid(PhoneNumberReason.EMPTY, s.isEmpty() ? "" : "no digits");
        }

        StringBuilder all = new StringBuilder(20);
        for (StringBuilder g : groups) {
            all.append(g);
        }
        boolean international = false;
        if (plus) {
            if (all.length() < 2 || all.charAt(0) != '8' || all.charAt(1) != '6') {
                return Parsed.invalid(PhoneNumberReason.COUNTRY_CODE, "only +86 (mainland China) numbers are accepted");
            }
            international = true;
            all.delete(0, 2);
        } else if (all.length() >= 2 && all.charAt(0) == '0' && all.charAt(1) == '0') {
            if (all.length() < 4 || all.charAt(2) != '8' || all.charAt(3) != '6') {
                return Parsed.invalid(PhoneNumberReason.COUNTRY_CODE, "only 0086 (mainland China) numbers are accepted");
            }
            international = true;
            all.delete(0, 4);
        } else if (all.length() == 13 && all.charAt(0) == '8' && all.charAt(1) == '6' && all.charAt(2) == '1') {
            all.delete(0, 2);
        }
        if (all.length() == 0) {
            return Parsed.invalid(PhoneNumberReason.LENGTH, "a country code without a number");
        }
        // Abroad the trunk 0 of the area code is dropped (+86 432 …); Vigil stores it as dialled at home.
        if (international && all.charAt(0) != '0' && !looksMobile(all)) {
            all.insert(0, '0');
        }
        // Mobiles were once dialled with a long-distance 0 from another city; no area code is 01[3-9].
        if (all.length() == 12 && all.charAt(0) == '0' && all.charAt(1) == '1' && all.charAt(2) >= '3') {
            all.deleteCharAt(0);
        }

        char first = all.charAt(0);
        if (first == '1') {
            if (ext != null) {
                return Parsed.invalid(PhoneNumberReason.EXTENSION, "a mobile number has no extension");
            }
            if (all.length() != 11) {
                return Parsed.invalid(PhoneNumberReason.LENGTH, "a mobile number has 11 digits, found " + all.length());
            }
            if (all.charAt(1) < '3') {
                return Parsed.invalid(PhoneNumberReason.MOBILE_PREFIX,
                        "mobile numbers begin 13–19, found 1" + all.charAt(1));
            }
            return Parsed.valid(new PhoneNumber(Kind.MOBILE, all.toString(), 0, null));
        }
        if (first != '0') {
            if (all.length() == 7 || all.length() == 8) {
                return Parsed.invalid(PhoneNumberReason.AREA_CODE_MISSING, "a local number needs its area code, e.g. 0432-");
            }
            return Parsed.invalid(PhoneNumberReason.LENGTH, "not a mobile (11 digits) or a landline with area code");
        }
        // Area codes 010 and 020–029 have three digits, all others four (YD/T numbering plan).
        int area = all.length() > 1 && (all.charAt(1) == '1' || all.charAt(1) == '2') ? 3 : 4;
        if (all.length() > 1 && all.charAt(1) == '1' && (all.length() < 3 || all.charAt(2) != '0')) {
            return Parsed.invalid(PhoneNumberReason.LENGTH, "no area code 01" + (all.length() > 2 ? all.charAt(2) : ""));
        }
        int subscriber = all.length() - area;
        // Written as area-local-extension, the grouping itself says where the extension starts, even
        // when local and extension together have no more than 8 digits (010-2000000-0).
        if (ext == null && !international && groups.size() == 3 && groups.get(0).length() == area
                && (groups.get(1).length() == 7 || groups.get(1).length() == 8) && groups.get(2).length() <= 6) {
            int last = groups.get(2).length();
            ext = new StringBuilder(all.substring(all.length() - last));
            all.setLength(all.length() - last);
            subscriber -= last;
        }
        if (ext == null && subscriber > 8 && groups.size() >= 2) {
            int last = groups.get(groups.size() - 1).length();
            int rest = subscriber - last;
            if (last <= 6 && (rest == 7 || rest == 8)) {
                ext = new StringBuilder(all.substring(all.length() - last));
                all.setLength(all.length() - last);
                subscriber = rest;
            }
        }
        if (subscriber != 7 && subscriber != 8) {
            return Parsed.invalid(PhoneNumberReason.LENGTH,
                    "a landline has a " + area + "-digit area code and a 7- or 8-digit number, found " + Math.max(subscriber, 0)
                            + " digits after the area code");
        }
        char s0 = all.charAt(area);
        if (s0 == '0' || s0 == '1') {
            return Parsed.invalid(PhoneNumberReason.SUBSCRIBER_NUMBER, "a local number cannot begin with " + s0);
        }
        if (ext != null && (ext.length() == 0 || ext.length() > 6)) {
            return Parsed.invalid(PhoneNumberReason.EXTENSION, "an extension has 1 to 6 digits, found " + ext.length());
        }
        return Parsed.valid(new PhoneNumber(Kind.LANDLINE, all.toString(), area, ext == null ? null : ext.toString()));
    }

    private static boolean looksMobile(CharSequence digits) {
        return digits.length() == 11 && digits.charAt(0) == '1' && digits.charAt(1) >= '3';
    }

    /** Where an extension marker starting at {@code i} ends, or {@code i} when there is none. */
    private static int extensionMarkerEnd(String s, int i) {
        char c = Chars.halfWidth(s.charAt(i));
        if (c == '转' || c == '轉' || c == '#' || c == 'x' || c == 'X') {
            return i + 1;
        }
        if (s.startsWith("分机", i) || s.startsWith("分機", i)) {
            return i + 2;
        }
        if (s.regionMatches(true, i, "ext", 0, 3)) {
            int end = i + 3;
            if (end < s.length() && (s.charAt(end) == '.' || s.charAt(end) == ':' || s.charAt(end) == '：')) {
                end++;
            }
            return end;
        }
        return i;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The stored form: a mobile's 11 digits ({@code 13812345678}); a landline as
     * {@code 0432-62345678}, with {@code -123} for an extension.
     */
    public String value() {
        if (kind == Kind.MOBILE) {
            return digits;
        }
        String base = digits.substring(0, areaLength) + "-" + digits.substring(areaLength);
        return extension == null ? base : base + "-" + extension;
    }

    /** The digits to dial from within the mainland, without separators or extension. */
    public String digits() {
        return digits;
    }

    /** The area code with its leading 0, for a landline. */
    public Optional<String> areaCode() {
        return kind == Kind.LANDLINE ? Optional.of(digits.substring(0, areaLength)) : Optional.empty();
    }

    /** The number without area code: the whole mobile number, or the landline's local number. */
    public String subscriberNumber() {
        return digits.substring(areaLength);
    }

    public Optional<String> extension() {
        return Optional.ofNullable(extension);
    }

    /** The international form: {@code +8613812345678}, {@code +8643262345678}. */
    public String e164() {
        return "+86" + (kind == Kind.LANDLINE ? digits.substring(1) : digits);
    }

    /**
     * The form shown by default: a mobile as {@code 138****1234}; a landline with its area code and
     * the local number's last four digits ({@code 0432-****5678}); no extension.
     */
    public String masked() {
        if (kind == Kind.MOBILE) {
            return digits.substring(0, 3) + "****" + digits.substring(7);
        }
        String local = subscriberNumber();
        return digits.substring(0, areaLength) + "-" + "*".repeat(local.length() - 4) + local.substring(local.length() - 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber other && digits.equals(other.digits)
                && java.util.Objects.equals(extension, other.extension);
    }

    @Override
    public int hashCode() {
        return digits.hashCode() * 31 + (extension == null ? 0 : extension.hashCode());
    }

    /** The masked form, so numbers do not reach logs in plain text. */
    @Override
    public String toString() {
        return masked();
    }

    /** Why a phone number was refused. */
    public enum PhoneNumberReason implements RejectionReason {
        EMPTY("no phone number given", "电话号码为空"),
        CHARACTERS("contains characters that are not part of a phone number", "电话号码含非法字符"),
        COUNTRY_CODE("not a mainland China number (+86)", "非中国大陆号码"),
        LENGTH("wrong number of digits", "电话号码位数不对"),
        MOBILE_PREFIX("mobile numbers begin 13–19", "手机号码号段不存在"),
        AREA_CODE_MISSING("a landline needs its area code", "固定电话缺少区号"),
        SUBSCRIBER_NUMBER("a local number cannot begin with 0 or 1", "固定电话号码不能以0或1开头"),
        EXTENSION("the extension is malformed", "分机号不正确");

        private final String english;
        private final String chinese;

        PhoneNumberReason(String english, String chinese) {
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
