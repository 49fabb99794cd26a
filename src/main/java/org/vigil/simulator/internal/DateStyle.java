package org.vigil.simulator.internal;

/** The ways departments write dates; each feed uses one, community reports mix several. */
enum DateStyle {
    /** 2026-03-05 */
    ISO("yyyy-MM-dd"),
    /** 20260305 */
    COMPACT("yyyyMMdd"),
    /** 2026/3/5, what a spreadsheet shows by default in a Chinese locale */
    SLASH("yyyy/M/d"),
    /** 2026/03/05 */
    SLASH_PADDED("yyyy/MM/dd"),
    /** 2026年3月5日 */
    CHINESE("yyyy年M月d日"),
    /** 2026.03.05 */
    DOT("yyyy.MM.dd"),
    /** 2026-03-05 14:07:31 */
    DATETIME("yyyy-MM-dd HH:mm:ss"),
    /** 2026-03-05T14:07 */
    ISO_MINUTE("yyyy-MM-dd'T'HH:mm"),
    /** 20260305140731 */
    COMPACT_DATETIME("yyyyMMddHHmmss"),
    /** 2026-03, a month */
    MONTH("yyyy-MM"),
    /** 202603, a month */
    MONTH_COMPACT("yyyyMM"),
    /** An XLSX date cell (a serial number with a date format); ISO in text formats. */
    EXCEL("Excel date cell");

    private final String pattern;

    DateStyle(String pattern) {
        this.pattern = pattern;
    }

    /** The pattern in java.time notation, for the documentation and the manifest. */
    String pattern() {
        return pattern;
    }

    void write(Row row, int day, int secondOfDay) {
        int ymd = Dates.ymd(day);
        int y = ymd / 10_000;
        int m = ymd / 100 % 100;
        int d = ymd % 100;
        switch (this) {
            case ISO, EXCEL -> row.putDigits(y).put('-').putPadded(m, 2).put('-').putPadded(d, 2);
            case COMPACT -> row.putDigits(ymd);
            case SLASH -> row.putDigits(y).put('/').putDigits(m).put('/').putDigits(d);
            case SLASH_PADDED -> row.putDigits(y).put('/').putPadded(m, 2).put('/').putPadded(d, 2);
            case CHINESE -> row.putDigits(y).put('年').putDigits(m).put('月').putDigits(d).put('日');
            case DOT -> row.putDigits(y).put('.').putPadded(m, 2).put('.').putPadded(d, 2);
            case DATETIME -> row.putDigits(y).put('-').putPadded(m, 2).put('-').putPadded(d, 2).put(' ')
                    .putPadded(secondOfDay / 3600, 2).put(':').putPadded(secondOfDay / 60 % 60, 2).put(':')
                    .putPadded(secondOfDay % 60, 2);
            case ISO_MINUTE -> row.putDigits(y).put('-').putPadded(m, 2).put('-').putPadded(d, 2).put('T')
                    .putPadded(secondOfDay / 3600, 2).put(':').putPadded(secondOfDay / 60 % 60, 2);
            case COMPACT_DATETIME -> row.putDigits(ymd).putPadded(secondOfDay / 3600, 2)
                    .putPadded(secondOfDay / 60 % 60, 2).putPadded(secondOfDay % 60, 2);
            case MONTH -> row.putDigits(y).put('-').putPadded(m, 2);
            case MONTH_COMPACT -> row.putDigits(y).putPadded(m, 2);
            default -> throw new IllegalStateException(name());
        }
    }
}
