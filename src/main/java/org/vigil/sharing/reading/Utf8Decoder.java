package org.vigil.sharing.reading;

/** Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. */
final class Utf8Decoder extends TextDecoder {

    static final Utf8Decoder INSTANCE = new Utf8Decoder();

    private Utf8Decoder() {
    }

    @Override
    int decode(byte[] src, int from, int to, char[] dst, int dstPos) {
        int p = from;
        int d = dstPos;
        while (p < to) {
            int b = src[p];
            if (b >= 0) {
                dst[d++] = (char) b;
                p++;
                continue;
            }
            int n = sequenceLength(src, p, to);
            if (n < 0) {
                return -1 - p;
            }
            int b0 = b & 0xFF;
            if (n == 2) {
                dst[d++] = (char) (((b0 & 0x1F) << 6) | (src[p + 1] & 0x3F));
            }
            else if (n == 3) {
                dst[d++] = (char) (((b0 & 0x0F) << 12) | ((src[p + 1] & 0x3F) << 6) | (src[p + 2] & 0x3F));
            }
            else {
                int cp = ((b0 & 0x07) << 18) | ((src[p + 1] & 0x3F) << 12) | ((src[p + 2] & 0x3F) << 6) | (src[p + 3] & 0x3F);
                dst[d++] = Character.highSurrogate(cp);
                dst[d++] = Character.lowSurrogate(cp);
            }
            p += n;
        }
        return d - dstPos;
    }

    /** The bytes the lead byte announces (one for a byte that cannot lead), as far as there are any. */
    @Override
    int invalidLength(byte[] src, int pos, int to) {
        int b0 = src[pos] & 0xFF;
        int announced = b0 >= 0xF0 && b0 <= 0xF4 ? 4 : b0 >= 0xE0 && b0 <= 0xEF ? 3 : b0 >= 0xC2 && b0 <= 0xDF ? 2 : 1;
        return Math.min(announced, to - pos);
    }

    @Override
    Validity validate(byte[] src, int from, int to, boolean partialEnd) {
        int sequences = 0;
        int p = from;
        while (p < to) {
            if (src[p] >= 0) {
                p++;
                continue;
            }
            int n = sequenceLength(src, p, to);
            if (n < 0) {
                if (partialEnd && isCutOff(src, p, to)) {
                    break;
                }
                return new Validity(sequences, p);
            }
            sequences++;
            p += n;
        }
        return new Validity(sequences, -1);
    }

    /** The length of the valid multi-byte sequence at {@code p}, or -1. */
    private static int sequenceLength(byte[] src, int p, int to) {
        int b0 = src[p] & 0xFF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            return p + 1 < to && isContinuation(src[p + 1]) ? 2 : -1;
        }
        if (b0 >= 0xE0 && b0 <= 0xEF) {
            if (p + 2 >= to) {
                return -1;
            }
            int b1 = src[p + 1] & 0xFF;
            // E0 needs A0..BF (else overlong), ED needs 80..9F (else a surrogate)
            int low = b0 == 0xE0 ? 0xA0 : 0x80;
            int high = b0 == 0xED ? 0x9F : 0xBF;
            return b1 >= low && b1 <= high && isContinuation(src[p + 2]) ? 3 : -1;
        }
        if (b0 >= 0xF0 && b0 <= 0xF4) {
            if (p + 3 >= to) {
                return -1;
            }
            int b1 = src[p + 1] & 0xFF;
            // F0 needs 90..BF (else overlong), F4 needs 80..8F (else above U+10FFFF)
            int low = b0 == 0xF0 ? 0x90 : 0x80;
            int high = b0 == 0xF4 ? 0x8F : 0xBF;
            return b1 >= low && b1 <= high && isContinuation(src[p + 2]) && isContinuation(src[p + 3]) ? 4 : -1;
        }
        return -1;
    }

    /** Whether the bytes from {@code p} are the valid start of a sequence that {@code to} cuts off. */
    private static boolean isCutOff(byte[] src, int p, int to) {
        int b0 = src[p] & 0xFF;
        int expected = b0 >= 0xF0 && b0 <= 0xF4 ? 4 : b0 >= 0xE0 && b0 <= 0xEF ? 3 : b0 >= 0xC2 && b0 <= 0xDF ? 2 : 0;
        if (expected == 0 || p + expected <= to) {
            return false;
        }
        for (int i = p + 1; i < to; i++) {
            if (!isContinuation(src[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
