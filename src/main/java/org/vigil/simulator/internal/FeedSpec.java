package org.vigil.simulator.internal;

/**
 * One kind of file a department sends: who sends it, what class of SHARE-3 or which REG-11
 * department it is, its format, encoding, date style, header and habits.
 *
 * @param provider     folder name of the sending department, such as {@code police}
 * @param providerName the department's name in Chinese
 * @param feed         file name without extension, such as {@code death_deregistration}
 * @param title        what the file is called in Chinese
 * @param share        SHARE-3 class (1 death, 2 sentencing, 3 proof of life, 4 images), or 0 for registry data
 * @param requirement  the requirement IDs it serves, such as {@code SHARE-3} or {@code REG-11;CERT-9}
 * @param cadence      in which months it is sent
 * @param noise        how sloppy it is
 */
record FeedSpec(String provider, String providerName, String feed, String title, int share, String requirement,
        FileFormat format, TextEncoding encoding, boolean crlf, DateStyle dates, Cadence cadence, Noise noise,
        String[] headers) {

    enum Cadence {
        /** Every month, even when there is nothing to report (the file then has only its header). */
        MONTHLY,
        /** January, April, July, October and the first month (SHARE-5: never more than six months apart). */
        QUARTERLY,
        /** A full extract in the first month only. */
        FIRST_MONTH,
        /** A full extract in the first month and every September (school years). */
        FIRST_AND_SEPTEMBER,
        /** A full extract in the first month and every January (insurance years). */
        FIRST_AND_JANUARY
    }

    /**
     * Imperfection rates, each a probability per row.
     *
     * @param name       name garbled (homophone, traditional form, a space, a dropped character)
     * @param legacyId   the 15-digit pre-1999 number, for people born in the 1900s
     * @param badCheck   a wrong check character
     * @param typo       two adjacent digits swapped
     * @param noId       the ID left empty
     * @param duplicate  the row sent twice
     * @param numericId  the ID stored as a spreadsheet number (XLSX only), losing its last digits
     */
    record Noise(double name, double legacyId, double badCheck, double typo, double noId, double duplicate, double numericId) {
        static final Noise CLEAN = new Noise(0, 0, 0, 0, 0, 0, 0);

        static Noise of(double name, double legacyId, double badCheck, double typo, double noId, double duplicate) {
            return new Noise(name, legacyId, badCheck, typo, noId, duplicate, 0);
        }
    }

    String fileName() {
        return feed + "." + format.extension();
    }

    String kind() {
        return "feeds/" + provider + "/" + feed;
    }

    boolean sentIn(int feedMonth, int calendarMonth) {
        return switch (cadence) {
            case MONTHLY -> true;
            case QUARTERLY -> feedMonth == 0 || calendarMonth % 3 == 1;
            case FIRST_MONTH -> feedMonth == 0;
            case FIRST_AND_SEPTEMBER -> feedMonth == 0 || calendarMonth == 9;
            case FIRST_AND_JANUARY -> feedMonth == 0 || calendarMonth == 1;
        };
    }

    String shareClass() {
        return share == 0 ? "" : "SHARE-3/" + share;
    }
}
