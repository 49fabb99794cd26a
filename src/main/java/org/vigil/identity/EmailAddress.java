package org.vigil.identity;

import java.util.Locale;

import org.vigil.identity.internal.Chars;

/**
 * An e-mail address, checked the way DATA-6 "system validation" asks: complete and well-formed,
 * without trying to prove the mailbox exists. The rules are the practical subset of RFC 5321/5322
 * that mail providers accept: a dot-atom local part and a host name with a top-level domain;
 * quoted local parts, IP-literal hosts and internationalised addresses are refused, since no
 * department data carries them and they make addresses hard to compare.
 */
public final class EmailAddress {

    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL = 64;
    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

    private final String value;

    private EmailAddress(String value) {
        this.value = value;
    }

    /**
     * Reads an address, trimming blanks and converting the full-width forms a Chinese input method
     * produces (＠, ．, 。 for the dot). The domain is lower-cased; the local part keeps its case.
     */
    public static Parsed<EmailAddress> parse(CharSequence raw) {
        if (raw == null) {
            return Parsed.invalid(EmailAddressReason.EMPTY, "");
        }
        String s = raw.toString().strip();
        int from = 0;
        int to = s.length();
        while (from < to && Chars.isBlank(s.charAt(from))) {
            from++;
        }
        while (to > from && Chars.isBlank(s.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            return Parsed.invalid(EmailAddressReason.EMPTY, s.isEmpty() ? "" : "only blanks");
        }
        if (to - from > MAX_LENGTH) {
            return Parsed.invalid(EmailAddressReason.TOO_LONG, (to - from) + " characters, at most " + MAX_LENGTH);
        }
        StringBuilder sb = new StringBuilder(to - from);
        int at = -1;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\u3002') {
                c = '.';
            }
            c = Chars.halfWidth(c);
            if (c <= ' ' || c >= 0x7F || Chars.isBlank(c)) {
                return Parsed.invalid(EmailAddressReason.CHARACTERS,
                        Chars.describe(s.codePointAt(i)) + " at position " + (i - from + 1)
                                + " (blanks and non-ASCII characters are not accepted)");
            }
            if (c == '@') {
                if (at >= 0) {
                    return Parsed.invalid(EmailAddressReason.AT_SIGN, "more than one @");
                }
                at = sb.length();
            }
            sb.append(c);
        }
        if (at < 0) {
            return Parsed.invalid(EmailAddressReason.AT_SIGN, "no @");
        }
        String local = sb.substring(0, at);
        String domain = sb.substring(at + 1).toLowerCase(Locale.ROOT);
        String localProblem = localPartProblem(local);
        if (localProblem != null) {
            return Parsed.invalid(EmailAddressReason.LOCAL_PART, localProblem);
        }
        String domainProblem = domainProblem(domain);
        if (domainProblem != null) {
            return Parsed.invalid(EmailAddressReason.DOMAIN, domainProblem);
        }
        return Parsed.valid(new EmailAddress(local + "@" + domain));
    }

    private static String localPartProblem(String local) {
        if (local.isEmpty()) {
            return "nothing before the @";
        }
        if (local.length() > MAX_LOCAL) {
            return "more than " + MAX_LOCAL + " characters before the @";
        }
        if (local.charAt(0) == '.' || local.charAt(local.length() - 1) == '.' || local.contains("..")) {
            return "a dot at the start, at the end or twice in a row before the @";
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '.' || LOCAL_SPECIALS.indexOf(c) >= 0)) {
                return "'" + c + "' is not allowed before the @";
            }
        }
        return null;
    }

    private static String domainProblem(String domain) {
        if (domain.isEmpty()) {
            return "nothing after the @";
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return "the domain '" + domain + "' has no top-level domain";
        }
        for (String label : labels) {
            if (label.isEmpty()) {
                return "an empty part in the domain (a dot at the start, at the end or twice in a row)";
            }
            if (label.length() > 63) {
                return "a domain part longer than 63 characters";
            }
            if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
                return "a domain part begins or ends with a hyphen";
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(isAsciiLetterOrDigit(c) || c == '-')) {
                    return "'" + c + "' is not allowed in a domain";
                }
            }
        }
        String tld = labels[labels.length - 1];
        boolean lettersOnly = tld.chars().allMatch(c -> c >= 'a' && c <= 'z');
        if (!(tld.startsWith("xn--") || lettersOnly && tld.length() >= 2)) {
            return "the top-level domain '" + tld + "' is not a name";
        }
        return null;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** The address with a lower-case domain. */
    public String value() {
        return value;
    }

    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    /** The form shown by default: the first character of the local part, then {@code ***@domain}. */
    public String masked() {
        return value.charAt(0) + "***@" + domain();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmailAddress other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The masked form, so addresses do not reach logs in plain text. */
    @Override
    public String toString() {
        return masked();
    }

    /** Why an e-mail address was refused. */
    public enum EmailAddressReason implements RejectionReason {
        EMPTY("no e-mail address given", "电子邮箱为空"),
        TOO_LONG("longer than " + MAX_LENGTH + " characters", "电子邮箱过长"),
        CHARACTERS("contains blanks or characters outside ASCII", "电子邮箱含非法字符"),
        AT_SIGN("needs exactly one @", "电子邮箱须有且只有一个@"),
        LOCAL_PART("the part before the @ is malformed", "@前的用户名不正确"),
        DOMAIN("the domain after the @ is malformed", "@后的域名不正确");

        private final String english;
        private final String chinese;

        EmailAddressReason(String english, String chinese) {
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
