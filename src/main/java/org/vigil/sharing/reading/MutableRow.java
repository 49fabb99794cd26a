package org.vigil.sharing.reading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one row object a reading thread fills again and again. Cells are views of the thread's
 * buffers, trimmed on the way in.
 */
final class MutableRow implements RowView {

    private static final String BLANK = "";
    private static final char IDEOGRAPHIC_SPACE = '\u3000';
    private static final char NO_BREAK_SPACE = '\u00A0';
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private long row;
    private int size;
    private boolean anyText;
    private CharSequence[] cells;
    private AsciiSlice[] asciiViews;
    private CharSlice[] charViews;

    MutableRow() {
        this.cells = new CharSequence[0];
        this.asciiViews = new AsciiSlice[0];
        this.charViews = new CharSlice[0];
    }

    /** Starts a new row of {@code width} cells, all blank. */
    void reset(long rowNumber, int width) {
        if (width > cells.length) {
            grow(width);
        }
        Arrays.fill(cells, 0, width, BLANK);
        this.row = rowNumber;
        this.size = width;
        this.anyText = false;
    }

    /** Starts a new row whose cells are set in order with {@link #addAscii}, {@link #addChars}… */
    void reset(long rowNumber) {
        this.row = rowNumber;
        this.size = 0;
        this.anyText = false;
    }

    /** Widens the row to {@code width} cells, the new ones blank. */
    void widen(int width) {
        if (width > cells.length) {
            grow(width);
        }
        if (width > size) {
            Arrays.fill(cells, size, width, BLANK);
            size = width;
        }
    }

    /** Sets cell {@code index} to the ASCII bytes from {@code from} up to, not including, {@code to}, trimmed. */
    void setAscii(int index, byte[] bytes, int from, int to) {
        int s = from;
        int e = to;
        while (s < e && bytes[s] <= ' ') {
            s++;
        }
        while (e > s && bytes[e - 1] <= ' ') {
            e--;
        }
        if (s == e) {
            cells[index] = BLANK;
            return;
        }
        cells[index] = asciiViews[index].set(bytes, s, e - s);
        anyText = true;
    }

    /** Sets cell {@code index} to the characters from {@code from} up to, not including, {@code to}, trimmed. */
    void setChars(int index, char[] chars, int from, int to) {
        int s = from;
        int e = to;
        while (s < e && isSpace(chars[s])) {
            s++;
        }
        while (e > s && isSpace(chars[e - 1])) {
            e--;
        }
        if (s == e) {
            cells[index] = BLANK;
            return;
        }
        cells[index] = charViews[index].set(chars, s, e - s);
        anyText = true;
    }

    /** Sets cell {@code index} to a text that needs no trimming or was trimmed already. */
    void setText(int index, String text) {
        cells[index] = text;
        anyText |= !text.isEmpty();
    }

    /** Appends a cell of ASCII bytes; the caller has checked the column limit. */
    void addAscii(byte[] bytes, int from, int to) {
        widenByOne();
        setAscii(size - 1, bytes, from, to);
    }

    /** Appends a cell of characters; the caller has checked the column limit. */
    void addChars(char[] chars, int from, int to) {
        widenByOne();
        setChars(size - 1, chars, from, to);
    }

    /** Whether every cell is blank: such rows are not delivered. */
    boolean isBlank() {
        return !anyText;
    }

    /** The index of the last cell that is not blank, or -1. */
    int lastNonBlank() {
        int i = size - 1;
        while (i >= 0 && cells[i].length() == 0) {
            i--;
        }
        return i;
    }

    /** Shrinks the row to its first {@code width} cells. */
    void truncate(int width) {
        size = Math.min(size, width);
    }

    @Override
    public long row() {
        return row;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public CharSequence cell(int index) {
        if (index < 0) {
            throw new IndexOutOfBoundsException("cell " + index);
        }
        return index < size ? cells[index] : BLANK;
    }

    /** The cells as strings of their own. */
    List<String> texts() {
        List<String> texts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            texts.add(text(i));
        }
        return List.copyOf(texts);
    }

    static boolean isSpace(char c) {
        return c <= ' ' || c == IDEOGRAPHIC_SPACE || c == NO_BREAK_SPACE || c == BYTE_ORDER_MARK;
    }

    private void widenByOne() {
        if (size == cells.length) {
            grow(size + 1);
        }
        size++;
    }

    private void grow(int width) {
        int capacity = Math.max(width, cells.length * 2);
        int old = cells.length;
        cells = Arrays.copyOf(cells, capacity);
        asciiViews = Arrays.copyOf(asciiViews, capacity);
        charViews = Arrays.copyOf(charViews, capacity);
        for (int i = old; i < capacity; i++) {
            cells[i] = BLANK;
            asciiViews[i] = new AsciiSlice();
            charViews[i] = new CharSlice();
        }
    }
}
