package org.vigil.sharing.reading;

/** A reusable view of part of a character buffer: a decoded cell, without a string of its own. */
final class CharSlice implements CharSequence {

    private char[] chars;
    private int offset;
    private int length;

    CharSlice set(char[] source, int from, int count) {
        this.chars = source;
        this.offset = from;
        this.length = count;
        return this;
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
        return chars[offset + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        if (start < 0 || end > length || start > end) {
            throw new IndexOutOfBoundsException("range [" + start + ", " + end + "), length " + length);
        }
        return new String(chars, offset + start, end - start);
    }

    @Override
    public String toString() {
        return new String(chars, offset, length);
    }
}
