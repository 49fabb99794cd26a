package org.vigil.sharing.reading;

import java.util.Arrays;

/** A growable run of characters with a ceiling, so that no single text can exhaust memory. */
final class TextBuffer implements CharSequence {

    private static final int INITIAL_CHARS = 256;

    private final int limit;
    private char[] chars = new char[INITIAL_CHARS];
    private int length;

    TextBuffer(int limit) {
        this.limit = limit;
    }

    void clear() {
        length = 0;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + ", length " + length);
        }
        return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        if (start < 0 || end > length || start > end) {
            throw new IndexOutOfBoundsException("range [" + start + ", " + end + "), length " + length);
        }
        return new String(chars, start, end - start);
    }

    /**
     * The characters; the array is replaced when the buffer grows, and an old one keeps what was
     * written into it, so views of earlier text stay valid.
     */
    char[] array() {
        return chars;
    }

    /** Appends, or returns {@code false} (appending nothing) when the ceiling would be passed. */
    boolean append(char[] source, int offset, int count) {
        if (!reserve(count)) {
            return false;
        }
        System.arraycopy(source, offset, chars, length, count);
        length += count;
        return true;
    }

    boolean append(CharSequence text) {
        int count = text.length();
        if (!reserve(count)) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            chars[length++] = text.charAt(i);
        }
        return true;
    }

    boolean append(char c) {
        if (!reserve(1)) {
            return false;
        }
        chars[length++] = c;
        return true;
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }

    private boolean reserve(int count) {
        long needed = (long) length + count;
        if (needed > limit) {
            return false;
        }
        if (needed > chars.length) {
            chars = Arrays.copyOf(chars, (int) Math.min(limit, Math.max(needed, 2L * chars.length)));
        }
        return true;
    }
}
