package org.vigil.sharing.internal;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Folds proof-of-life rows into one sign per person and month as they are read: the latest date
 * of the month, and of equal dates the first row. Ten million rows of a month's activity come down
 * to one entry per active person, held in one primitive array (no object per row), so the fold
 * costs a few dozen bytes per person however many rows a person has.
 *
 * <p>An entry is two adjacent longs, so that a lookup touches one cache line (the table of a
 * month's telecom file outgrows the caches, and every row looks up once): the 18-character ID
 * packed into a long (17 digits × 11 + check character), and a value packing the month, the day
 * and the row, so that within a month a larger value means a later day, then an earlier row. The
 * month is part of the value rather than of the key, which is the ID and the value's month.
 */
final class LifeSignTable {

    private static final long EMPTY = -1L;
    private static final int ROW_BITS = 39;
    private static final long ROW_MASK = (1L << ROW_BITS) - 1;
    private static final int DAY_SHIFT = ROW_BITS;
    private static final int MONTH_SHIFT = DAY_SHIFT + 5;
    /**
     * Months are {@code year * 12 + month - 1}; 19 bits go past the year 40,000 (cells have
     * four-digit years) and keep values positive, so that they compare as numbers.
     */
    private static final int MONTH_LIMIT = 1 << 19;

    /** Pairs: ID, value. */
    private long[] entries;
    /** What {@link #addBlock} read ahead; never used otherwise. */
    @SuppressWarnings("unused")
    private long touched;
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
        put(packedId, value(month, date, row));
    }

    /** A sign's value: the month, the day and the row; {@code month} is {@code year * 12 + month - 1}. */
    static long value(int month, LocalDate date, long row) {
        if (row < 0 || row > ROW_MASK) {
            throw new IllegalArgumentException("row " + row + " out of range");
        }
        if (month < 0 || month >= MONTH_LIMIT) {
            throw new IllegalArgumentException("month " + month + " out of range");
        }
        return (long) month << MONTH_SHIFT | (long) date.getDayOfMonth() << DAY_SHIFT | (ROW_MASK - row);
    }

    /**
     * Notes the first {@code n} signs of the arrays ({@link #value} values). Their entries are read
     * in a pass of their own first, with nothing waiting on one read before the next is issued, so
     * the processor has them in flight together; the folding then finds them in cache.
     */
    void addBlock(long[] ids, long[] values, int n) {
        long seen = 0;
        for (int i = 0; i < n; i++) {
            seen += entries[slot(ids[i], values[i] >>> MONTH_SHIFT)];
        }
        // kept, so that the compiler does not drop the reads as unused
        touched = seen;
        for (int i = 0; i < n; i++) {
            put(ids[i], values[i]);
        }
    }

    /** Visits every sign, in no particular order. */
    void forEach(Visitor visitor) {
        for (int i = 0; i < entries.length; i += 2) {
            if (entries[i] != EMPTY) {
                visit(visitor, entries[i], entries[i + 1]);
            }
        }
    }

    /** Copies the entries into {@code ids} and {@code values} from {@code at}; returns the index after the last. */
    int copyTo(long[] ids, long[] values, int at) {
        int n = at;
        for (int i = 0; i < entries.length; i += 2) {
            if (entries[i] != EMPTY) {
                ids[n] = entries[i];
                values[n] = entries[i + 1];
                n++;
            }
        }
        return n;
    }

    /** Of two values of the same ID and month, the one that stands: the later day, then the earlier row. */
    static long fold(long a, long b) {
        return Math.max(a, b);
    }

    /** The month of a value, {@code year * 12 + month - 1}. */
    static int monthOf(long value) {
        return (int) (value >>> MONTH_SHIFT);
    }

    /** Sorts entries by ID, then month: the order of {@code sharing.life_sign}'s primary key. */
    static void sort(long[] ids, long[] values, int n) {
        PairSort.sort(ids, values, 0, n, MONTH_SHIFT);
    }

    /** Visits the month of every sign, without building anything per sign. */
    void forEachMonth(java.util.function.IntConsumer visitor) {
        for (int i = 0; i < entries.length; i += 2) {
            if (entries[i] != EMPTY) {
                visitor.accept((int) (entries[i + 1] >>> MONTH_SHIFT));
            }
        }
    }

    interface Visitor {
        void visit(String idNumber, int month, LocalDate date, long row);
    }

    /** The day of a value. */
    static LocalDate dateOf(long value) {
        int month = (int) (value >>> MONTH_SHIFT);
        int day = (int) (value >>> DAY_SHIFT) & 31;
        return LocalDate.of(month / 12, month % 12 + 1, day);
    }

    /** The row of a value. */
    static long rowOf(long value) {
        return ROW_MASK - (value & ROW_MASK);
    }

    static void visit(Visitor visitor, long id, long value) {
        int month = (int) (value >>> MONTH_SHIFT);
        int day = (int) (value >>> DAY_SHIFT) & 31;
        visitor.visit(unpack(id), month, LocalDate.of(month / 12, month % 12 + 1, day), ROW_MASK - (value & ROW_MASK));
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

    private void put(long id, long value) {
        long month = value >>> MONTH_SHIFT;
        int slot = slot(id, month);
        while (true) {
            long existing = entries[slot];
            if (existing == EMPTY) {
                entries[slot] = id;
                entries[slot + 1] = value;
                if (++size > (mask + 1) / 2 * 3 / 4) {
                    grow();
                }
                return;
            }
            if (existing == id && entries[slot + 1] >>> MONTH_SHIFT == month) {
                entries[slot + 1] = fold(entries[slot + 1], value);
                return;
            }
            slot = (slot + 2) & mask;
        }
    }

    /** The even index of the entry's first probe. */
    private int slot(long id, long month) {
        long h = id * 0x9E3779B97F4A7C15L + month * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 31;
        return (int) h & mask & ~1;
    }

    private void grow() {
        long[] old = entries;
        allocate(old.length * 2);
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                int slot = slot(old[i], old[i + 1] >>> MONTH_SHIFT);
                while (entries[slot] != EMPTY) {
                    slot = (slot + 2) & mask;
                }
                entries[slot] = old[i];
                entries[slot + 1] = old[i + 1];
                size++;
            }
        }
    }

    /** {@code capacity} entries, a power of two. */
    private void allocate(int capacity) {
        entries = new long[capacity * 2];
        Arrays.fill(entries, EMPTY);
        mask = capacity * 2 - 1;
        size = 0;
    }
}
