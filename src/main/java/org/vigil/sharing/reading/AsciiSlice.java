package org.vigil.sharing.reading;

import java.nio.charset.StandardCharsets;

/**
 * A reusable view of ASCII bytes as characters, so that most cells reach the sink without a
 * copy. Only for bytes below 0x80, where a byte is its character.
 */
final class AsciiSlice implements CharSequence {

    private byte[] bytes;
    private int offset;
    private int length;

    AsciiSlice set(byte[] source, int from, int count) {
        this.bytes = source;
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
        return (char) bytes[offset + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        if (start < 0 || end > length || start > end) {
            throw new IndexOutOfBoundsException("range [" + start + ", " + end + "), length " + length);
        }
        return new String(bytes, offset + start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
}
