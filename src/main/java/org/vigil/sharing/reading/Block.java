package org.vigil.sharing.reading;

import java.util.Arrays;

/**
 * A run of complete records in a buffer that one reading thread owns: where each record ends
 * and whether it holds a quote, filled by {@link RecordBlocks}, split into cells by that thread.
 */
final class Block {

    private static final int INITIAL_RECORDS = 1 << 14;

    final byte[] buffer;
    /** The record ends (offset of the line feed, or of the end of data); {@code ~end} for a record with a quote in it. */
    private int[] ends = new int[INITIAL_RECORDS];
    private int count;
    /** Records before this index were consumed already (the header, when it shares the first block). */
    private int first;
    private long firstRow;

    Block(int capacity) {
        this.buffer = new byte[capacity];
    }

    void clear(long rowOfFirstRecord) {
        this.count = 0;
        this.first = 0;
        this.firstRow = rowOfFirstRecord;
    }

    void add(int end, boolean quoted) {
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
        }
        ends[count++] = quoted ? ~end : end;
    }

    int count() {
        return count;
    }

    int first() {
        return first;
    }

    void skipTo(int index) {
        this.first = index;
    }

    long rowOf(int index) {
        return firstRow + index;
    }

    int startOf(int index) {
        return index == 0 ? 0 : endOf(index - 1) + 1;
    }

    int endOf(int index) {
        int end = ends[index];
        return end < 0 ? ~end : end;
    }

    boolean quoted(int index) {
        return ends[index] < 0;
    }
}
