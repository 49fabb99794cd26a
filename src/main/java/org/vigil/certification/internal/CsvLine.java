package org.vigil.certification.internal;

import java.nio.charset.StandardCharsets;

/**
 * One line of a plain comma-separated file, read in place from a byte buffer: where its fields
 * start and end, and their values as dates and numbers without making Strings. The monthly files
 * hold IDs, codes, dates and amounts only, so quoting is not expected and a quote is an error.
 */
final class CsvLine {

    private final int[] starts;
    private final int[] ends;
    private byte[] bytes;
    private int count;

    CsvLine(int maxFields) {
        starts = new int[maxFields];
        ends = new int[maxFields];
    }

    /** Splits a line; returns the number of fields, or -1 when it has more than this line can hold or a quote. */
    int split(byte[] line, int from, int to) {
        bytes = line;
        int n = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            byte b = line[i];
            if (b == ',') {
                if (n == starts.length) {
                    return count = -1;
                }
                starts[n] = start;
                ends[n++] = i;
                start = i + 1;
            } else if (b == '"') {
                return count = -1;
            }
        }
        if (n == starts.length) {
            return count = -1;
        }
        starts[n] = start;
        ends[n++] = to;
        return count = n;
    }

    int count() {
        return count;
    }

    int start(int field) {
        return starts[field];
    }

    int length(int field) {
        return ends[field] - starts[field];
    }

    byte byteAt(int field, int i) {
        return bytes[starts[field] + i];
    }

    boolean isEmpty(int field) {
        return ends[field] == starts[field];
    }

    String text(int field) {
        return new String(bytes, starts[field], length(field), StandardCharsets.UTF_8);
    }

    /** A {@code yyyy-MM-dd} date as days since 1970-01-01, or {@link Integer#MIN_VALUE} when it is not a real date. */
    int epochDay(int field) {
        if (length(field) != 10) {
            return Integer.MIN_VALUE;
        }
        int p = starts[field];
        if (bytes[p + 4] != '-' || bytes[p + 7] != '-') {
            return Integer.MIN_VALUE;
        }
        int y = digits(p, 4);
        int m = digits(p + 5, 2);
        int d = digits(p + 8, 2);
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > lengthOfMonth(y, m)) {
            return Integer.MIN_VALUE;
        }
        return epochDay(y, m, d);
    }

    /** A whole number of at most nine digits, or -1. */
    int number(int field) {
        int len = length(field);
        return len == 0 || len > 9 ? -1 : digits(starts[field], len);
    }

    /** Whether the field holds exactly these ASCII characters. */
    boolean is(int field, byte[] ascii) {
        int len = length(field);
        if (len != ascii.length) {
            return false;
        }
        int p = starts[field];
        for (int i = 0; i < len; i++) {
            if (bytes[p + i] != ascii[i]) {
                return false;
            }
        }
        return true;
    }

    private int digits(int p, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int c = bytes[p + i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    static int lengthOfMonth(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse, by eras of 400 years). */
    static int epochDay(int y, int m, int d) {
        int yy = m <= 2 ? y - 1 : y;
        int era = Math.floorDiv(yy, 400);
        int yoe = yy - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /** Writes a date given in days since 1970-01-01 as {@code yyyy-MM-dd}; returns the next offset. */
    static int writeDate(int epochDay, byte[] out, int at) {
        int z = epochDay + 719468;
        int era = Math.floorDiv(z, 146097);
        int doe = z - era * 146097;
        int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        int mp = (5 * doy + 2) / 153;
        int d = doy - (153 * mp + 2) / 5 + 1;
        int m = mp < 10 ? mp + 3 : mp - 9;
        int y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        out[at] = (byte) ('0' + y / 1000);
        out[at + 1] = (byte) ('0' + y / 100 % 10);
        out[at + 2] = (byte) ('0' + y / 10 % 10);
        out[at + 3] = (byte) ('0' + y % 10);
        out[at + 4] = '-';
        out[at + 5] = (byte) ('0' + m / 10);
        out[at + 6] = (byte) ('0' + m % 10);
        out[at + 7] = '-';
        out[at + 8] = (byte) ('0' + d / 10);
        out[at + 9] = (byte) ('0' + d % 10);
        return at + 10;
    }
}
