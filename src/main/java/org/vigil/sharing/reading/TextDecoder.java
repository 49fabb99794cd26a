package org.vigil.sharing.reading;

/**
 * Strict decoding of a byte range into characters, by hand because it runs for every non-ASCII
 * cell: no per-call set-up, no buffers, and an exact answer on where the bytes went wrong. Both
 * encodings give at most one character per byte, so a destination as long as the source always
 * has room.
 */
abstract class TextDecoder {

    static TextDecoder of(TextEncoding encoding) {
        return encoding == TextEncoding.GB18030 ? Gb18030Decoder.INSTANCE : Utf8Decoder.INSTANCE;
    }

    /**
     * Decodes {@code src} from {@code from} up to, not including, {@code to} into {@code dst} from {@code dstPos}.
     *
     * @return the number of characters written, or {@code -1 - p} when the bytes at {@code p} are
     *         not a valid sequence of this encoding (a sequence cut off by {@code to} included)
     */
    abstract int decode(byte[] src, int from, int to, char[] dst, int dstPos);

    /** How many bytes to show when reporting the invalid sequence at {@code pos}. */
    abstract int invalidLength(byte[] src, int pos, int to);

    /** Whether {@code src} from {@code from} up to, not including, {@code to} decodes without error; stops short of a sequence cut off by {@code to} when {@code partialEnd}. */
    abstract Validity validate(byte[] src, int from, int to, boolean partialEnd);

    /**
     * How well a prefix of a file fits this encoding: the multi-byte sequences decoded before the
     * first invalid one (the evidence), and the offset of that invalid one, or -1.
     */
    record Validity(int multiByteSequences, int firstInvalid) {
        boolean valid() {
            return firstInvalid < 0;
        }
    }
}
