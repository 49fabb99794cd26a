package org.vigil.identity;

/**
 * Sex as recorded in an ID number and in department files, with the codes of GB/T 2261.1
 * (1 male, 2 female) that social-insurance systems store.
 */
public enum Gender {

    MALE("1", "男", "male"),
    FEMALE("2", "女", "female");

    private final String code;
    private final String chinese;
    private final String english;

    Gender(String code, String chinese, String english) {
        this.code = code;
        this.chinese = chinese;
        this.english = english;
    }

    /** The GB/T 2261.1 code: "1" male, "2" female. */
    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /** GB 11643-1999: the sequence code's last digit (the ID's 17th) is odd for men, even for women. */
    public static Gender ofSequenceDigit(int digit) {
        return (digit & 1) == 1 ? MALE : FEMALE;
    }

    /**
     * Reads the forms department files use: 男/女, 1/2, M/F, male/female (any case, surrounding
     * blanks ignored). Anything else, including "0 unknown" and "9 unstated", is rejected, because
     * a guessed sex would corrupt the age-and-sex filters of data-sharing feeds (SHARE-4).
     */
    public static Parsed<Gender> parse(CharSequence raw) {
        String s = raw == null ? "" : raw.toString().strip();
        if (s.isEmpty()) {
            return Parsed.invalid(GenderReason.EMPTY, "");
        }
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "男", "1", "m", "male", "男性", "１":
                return Parsed.valid(MALE);
            case "女", "2", "f", "female", "女性", "２":
                return Parsed.valid(FEMALE);
            default:
                return Parsed.invalid(GenderReason.UNKNOWN_VALUE, "not a recognised sex: " + abbreviate(s));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }

    /** Why a sex value was refused. */
    public enum GenderReason implements RejectionReason {
        EMPTY("no sex given", "性别为空"),
        UNKNOWN_VALUE("not one of 男/女, 1/2, M/F", "性别值无法识别");

        private final String english;
        private final String chinese;

        GenderReason(String english, String chinese) {
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
