package org.vigil.simulator.internal;

import java.util.Arrays;

/**
 * One row being built: all cells in one char buffer with their boundaries, reused for every row
 * of a file so that writing millions of rows allocates nothing per row.
 */
final class Row {

    static final byte TEXT = 0;
    /** A number an office spreadsheet would store as a number (XLSX number cell, unquoted JSON). */
    static final byte NUMBER = 1;
    /** A date an office spreadsheet would store as a date serial (XLSX date cell). */
    static final byte DATE = 2;

    private char[] buf = new char[512];
    private int len;
    private int[] ends = new int[64];
    private byte[] kinds = new byte[64];
    private int[] days = new int[64];
    private int cells;

    Row reset() {
        len = 0;
        cells = 0;
        return this;
    }

    int cells() {
        return cells;
    }

    int start(int cell) {
        return cell == 0 ? 0 : ends[cell - 1];
    }

    int end(int cell) {
        return ends[cell];
    }

    byte kind(int cell) {
        return kinds[cell];
    }

    int dateDay(int cell) {
        return days[cell];
    }

    char[] buffer() {
        return buf;
    }

    String cell(int cell) {
        return new String(buf, start(cell), end(cell) - start(cell));
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    Row put(char c) {
        ensure(1);
        buf[len++] = c;
        return this;
    }

    Row put(CharSequence s) {
        int n = s.length();
        ensure(n);
        if (s instanceof String str) {
            str.getChars(0, n, buf, len);
        } else {
            for (int i = 0; i < n; i++) {
                buf[len + i] = s.charAt(i);
            }
        }
        len += n;
        return this;
    }

    Row put(char[] src, int off, int n) {
        ensure(n);
        System.arraycopy(src, off, buf, len, n);
        len += n;
        return this;
    }

    /** A non-negative number in decimal. */
    Row putDigits(long v) {
        ensure(20);
        if (v == 0) {
            buf[len++] = '0';
            return this;
        }
        int n = 0;
        for (long t = v; t > 0; t /= 10) {
            n++;
        }
        int pos = len + n;
        for (long t = v; t > 0; t /= 10) {
            buf[--pos] = (char) ('0' + (t % 10));
        }
        len += n;
        return this;
    }

    /** A non-negative number left-padded with zeros to {@code width} digits. */
    Row putPadded(long v, int width) {
        ensure(width + 20);
        int n = 0;
        for (long t = v; t > 0; t /= 10) {
            n++;
        }
        for (int i = n; i < width; i++) {
            buf[len++] = '0';
        }
        if (v == 0 && width == 0) {
            buf[len++] = '0';
            return this;
        }
        return v == 0 ? this : putDigits(v);
    }

    /** Money from cents, always two decimals. */
    Row putCents(long cents) {
        if (cents < 0) {
            put('-');
            cents = -cents;
        }
        putDigits(cents / 100);
        put('.');
        return putPadded(cents % 100, 2);
    }

    /** Removes the last {@code n} characters of the open cell. */
    Row trim(int n) {
        len -= n;
        return this;
    }

    /** Length of the open cell so far. */
    int openLength() {
        return len - start(cells);
    }

    private Row close(byte kind, int day) {
        if (cells == ends.length) {
            ends = Arrays.copyOf(ends, cells * 2);
            kinds = Arrays.copyOf(kinds, cells * 2);
            days = Arrays.copyOf(days, cells * 2);
        }
        ends[cells] = len;
        kinds[cells] = kind;
        days[cells] = day;
        cells++;
        return this;
    }

    /** Closes the open cell as text. */
    Row end() {
        return close(TEXT, 0);
    }

    Row endNumber() {
        return close(NUMBER, 0);
    }

    Row endDate(int day) {
        return close(DATE, day);
    }

    Row text(CharSequence s) {
        return s == null ? end() : put(s).end();
    }

    Row empty() {
        return end();
    }

    Row num(long v) {
        return putDigits(v).end();
    }

    Row cents(long cents) {
        return putCents(cents).end();
    }

    Row bool(boolean b) {
        return put(b ? "true" : "false").end();
    }

    Row date(int day, DateStyle style) {
        if (day == Dates.NEVER) {
            return end();
        }
        style.write(this, day, 0);
        return style == DateStyle.EXCEL ? endDate(day) : end();
    }

    Row dateTime(int day, int secondOfDay, DateStyle style) {
        style.write(this, day, secondOfDay);
        return end();
    }

    /** ISO date, or an empty cell for {@link Dates#NEVER}. */
    Row iso(int day) {
        return date(day, DateStyle.ISO);
    }
}
