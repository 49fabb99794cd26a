package org.vigil.sharing.internal;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Folds proof-of-life rows into one sign per person and month as they are read: the latest date
 * of the month, and of equal dates the first row. Ten million rows of a month's activity come down
 * to one entry per active person, held in primitive arrays (no object per row), so the fold costs
 * a few dozen bytes per person however many rows a person has.
 *
 * <p>Keys are the 18-character ID packed into a long (17 digits × 11 + check character) and the
 * month; values pack the day and the row so that a larger value means a later day, then an earlier row.
 */
final class LifeSignTable {

    private static final long EMPTY = -1L;
    private static final long ROW_MASK = (1L << 40) - 1;

    private long[] ids;
    private int[] months;
    private long[] values;
    private int size;
    private int mask;

    LifeSignTable() {
        allocate(1 << 12);
    }

    int size() {
        return size;
    }

    /** Notes a sign; {@code month} is {@code year * 12 + month - 1}. */
    void add(long packedId, int month, LocalDate date, long row) {
        if (row < 0 || row > ROW_MASK) {
            throw new IllegalArgumentException("row " + row + " out of range");
        }
        long value = (date.toEpochDay() << 40) | (ROW_MASK - row);
        put(packedId, month, value);
    }

    /** Folds another table in (another reading thread's). */
    void addAll(LifeSignTable other) {
        for (int i = 0; i < other.ids.length; i++) {
            if (other.ids[i] != EMPTY) {
                put(other.ids[i], other.months[i], other.values[i]);
            }
        }
    }

    /** Visits every sign. */
    void forEach(Visitor visitor) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != EMPTY) {
                long v = values[i];
                visitor.visit(unpack(ids[i]), months[i], LocalDate.ofEpochDay(v >> 40), ROW_MASK - (v & ROW_MASK));
            }
        }
    }

    /** Visits the month of every sign, without building anything per sign. */
    void forEachMonth(java.util.function.IntConsumer visitor) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != EMPTY) {
                visitor.accept(months[i]);
            }
        }
    }

    interface Visitor {
        void visit(String idNumber, int month, LocalDate date, long row);
    }

    static long pack(String id18) {
        long first = 0;
        for (int i = 0; i < 17; i++) {
            first = first * 10 + (id18.charAt(i) - '0');
        }
        char check = id18.charAt(17);
        return first * 11 + (check == 'X' ? 10 : check - '0');
    }

    static String unpack(long packed) {
        int check = (int) (packed % 11);
        long first = packed / 11;
        char[] out = new char[18];
        for (int i = 16; i >= 0; i--) {
            out[i] = (char) ('0' + first % 10);
            first /= 10;
        }
        out[17] = check == 10 ? 'X' : (char) ('0' + check);
        return new String(out);
    }

    private void put(long id, int month, long value) {
        int slot = slot(id, month);
        while (true) {
            long existing = ids[slot];
            if (existing == EMPTY) {
                ids[slot] = id;
                months[slot] = month;
                values[slot] = value;
                if (++size > (mask + 1) * 3 / 4) {
                    grow();
                }
                return;
            }
            if (existing == id && months[slot] == month) {
                if (value > values[slot]) {
                    values[slot] = value;
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int slot(long id, int month) {
        long h = id * 0x9E3779B97F4A7C15L + month * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 31;
        return (int) h & mask;
    }

    private void grow() {
        long[] oldIds = ids;
        int[] oldMonths = months;
        long[] oldValues = values;
        allocate(oldIds.length * 2);
        for (int i = 0; i < oldIds.length; i++) {
            if (oldIds[i] != EMPTY) {
                int slot = slot(oldIds[i], oldMonths[i]);
                while (ids[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                ids[slot] = oldIds[i];
                months[slot] = oldMonths[i];
                values[slot] = oldValues[i];
                size++;
            }
        }
    }

    private void allocate(int capacity) {
        ids = new long[capacity];
        Arrays.fill(ids, EMPTY);
        months = new int[capacity];
        values = new long[capacity];
        mask = capacity - 1;
        size = 0;
    }
}
