package org.vigil.sharing.reading;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * GB18030 (and so GBK and GB2312) by table lookup. The tables are filled once from the JDK's own
 * GB18030 charset, so the mapping is exactly the JDK's; what this adds is speed and the position
 * of an invalid sequence.
 *
 * <p>A character is one byte (00–7F), two bytes (lead 81–FE, trail 40–7E or 80–FE) or four bytes
 * (81–FE, 30–39, 81–FE, 30–39). Four-byte codes from 81308130 to 8431A439 are the rest of the
 * BMP, in order; from 90308130 to E3329A35 the supplementary planes, U+10000 onwards.
 */
final class Gb18030Decoder extends TextDecoder {

    static final Gb18030Decoder INSTANCE = new Gb18030Decoder();

    private static final int LEADS = 0xFE - 0x81 + 1;
    private static final int TRAILS = 0xFE - 0x40;
    private static final int FOUR_BYTE_BMP_CODES = 39_420;
    private static final int FOUR_BYTE_SUPPLEMENTARY_FIRST = linear(0x90, 0x30, 0x81, 0x30);
    private static final int FOUR_BYTE_SUPPLEMENTARY_LAST = linear(0xE3, 0x32, 0x9A, 0x35);
    private static final int UNMAPPED = -1;

    private Gb18030Decoder() {
    }

    /** Filled on first use, so reading UTF-8 files never pays for it. */
    private static final class Tables {
        static final int[] TWO_BYTE = new int[LEADS * TRAILS];
        static final char[] FOUR_BYTE_BMP = new char[FOUR_BYTE_BMP_CODES];
        static final boolean[] FOUR_BYTE_BMP_MAPPED = new boolean[FOUR_BYTE_BMP_CODES];

        static {
            CharsetDecoder jdk = Charset.forName("GB18030").newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.allocate(4);
            CharBuffer out = CharBuffer.allocate(4);
            for (int lead = 0x81; lead <= 0xFE; lead++) {
                for (int trail = 0x40; trail <= 0xFE; trail++) {
                    if (trail == 0x7F) {
                        continue;
                    }
                    int decoded = decodeWithJdk(jdk, in, out, new byte[] {(byte) lead, (byte) trail});
                    TWO_BYTE[twoByteIndex(lead, trail)] = decoded;
                }
            }
            for (int i = 0; i < FOUR_BYTE_BMP_CODES; i++) {
                int decoded = decodeWithJdk(jdk, in, out, fourBytes(i));
                FOUR_BYTE_BMP_MAPPED[i] = decoded != UNMAPPED && decoded <= Character.MAX_VALUE;
                FOUR_BYTE_BMP[i] = FOUR_BYTE_BMP_MAPPED[i] ? (char) decoded : 0;
            }
        }

        /** The code point the JDK decodes {@code bytes} to, or {@link #UNMAPPED}. */
        private static int decodeWithJdk(CharsetDecoder jdk, ByteBuffer in, CharBuffer out, byte[] bytes) {
            in.clear();
            in.put(bytes).flip();
            out.clear();
            jdk.reset();
            CoderResult result = jdk.decode(in, out, true);
            if (result.isError() || in.hasRemaining() || jdk.flush(out).isError()) {
                return UNMAPPED;
            }
            out.flip();
            if (out.remaining() == 1) {
                return out.get(0);
            }
            if (out.remaining() == 2 && Character.isSurrogatePair(out.get(0), out.get(1))) {
                return Character.toCodePoint(out.get(0), out.get(1));
            }
            return UNMAPPED;
        }

        private static byte[] fourBytes(int linear) {
            int b4 = linear % 10;
            int b3 = linear / 10 % 126;
            int b2 = linear / 1260 % 10;
            int b1 = linear / 12600;
            return new byte[] {(byte) (0x81 + b1), (byte) (0x30 + b2), (byte) (0x81 + b3), (byte) (0x30 + b4)};
        }
    }

    @Override
    int decode(byte[] src, int from, int to, char[] dst, int dstPos) {
        int[] twoByte = Tables.TWO_BYTE;
        int p = from;
        int d = dstPos;
        while (p < to) {
            int b0 = src[p];
            if (b0 >= 0) {
                dst[d++] = (char) b0;
                p++;
                continue;
            }
            b0 &= 0xFF;
            if (b0 == 0x80 || b0 == 0xFF || p + 1 >= to) {
                return -1 - p;
            }
            int b1 = src[p + 1] & 0xFF;
            if (b1 >= 0x40 && b1 != 0x7F && b1 != 0xFF) {
                int cp = twoByte[twoByteIndex(b0, b1)];
                if (cp == UNMAPPED) {
                    return -1 - p;
                }
                d = put(cp, dst, d);
                p += 2;
                continue;
            }
            int cp = fourByteCodePoint(src, p, to);
            if (cp == UNMAPPED) {
                return -1 - p;
            }
            d = put(cp, dst, d);
            p += 4;
        }
        return d - dstPos;
    }

    @Override
    int invalidLength(byte[] src, int pos, int to) {
        return Math.min(to - pos, (src[pos] & 0xFF) >= 0x81 && pos + 1 < to && isDigit(src[pos + 1]) ? 4 : 2);
    }

    @Override
    Validity validate(byte[] src, int from, int to, boolean partialEnd) {
        int sequences = 0;
        int p = from;
        while (p < to) {
            int b0 = src[p] & 0xFF;
            if (b0 < 0x80) {
                p++;
                continue;
            }
            int length = sequenceLength(src, p, to);
            if (length < 0) {
                if (partialEnd && isCutOff(src, p, to)) {
                    break;
                }
                return new Validity(sequences, p);
            }
            sequences++;
            p += length;
        }
        return new Validity(sequences, -1);
    }

    private static int sequenceLength(byte[] src, int p, int to) {
        int b0 = src[p] & 0xFF;
        if (b0 == 0x80 || b0 == 0xFF || p + 1 >= to) {
            return -1;
        }
        int b1 = src[p + 1] & 0xFF;
        if (b1 >= 0x40 && b1 != 0x7F && b1 != 0xFF) {
            return Tables.TWO_BYTE[twoByteIndex(b0, b1)] == UNMAPPED ? -1 : 2;
        }
        return fourByteCodePoint(src, p, to) == UNMAPPED ? -1 : 4;
    }

    /** Whether the bytes from {@code p} could start a valid sequence that {@code to} cuts off. */
    private static boolean isCutOff(byte[] src, int p, int to) {
        int left = to - p;
        int b0 = src[p] & 0xFF;
        if (b0 < 0x81 || b0 > 0xFE) {
            return false;
        }
        return left == 1 || left == 2 && isDigit(src[p + 1])
                || left == 3 && isDigit(src[p + 1]) && (src[p + 2] & 0xFF) >= 0x81 && (src[p + 2] & 0xFF) <= 0xFE;
    }

    /** The code point of the four-byte sequence at {@code p}, or {@link #UNMAPPED}. */
    private static int fourByteCodePoint(byte[] src, int p, int to) {
        if (p + 3 >= to) {
            return UNMAPPED;
        }
        int b0 = src[p] & 0xFF;
        int b1 = src[p + 1] & 0xFF;
        int b2 = src[p + 2] & 0xFF;
        int b3 = src[p + 3] & 0xFF;
        if (!isDigit(src[p + 1]) || b2 < 0x81 || b2 > 0xFE || !isDigit(src[p + 3]) || b0 < 0x81 || b0 > 0xFE) {
            return UNMAPPED;
        }
        int linear = linear(b0, b1, b2, b3);
        if (linear < FOUR_BYTE_BMP_CODES) {
            return Tables.FOUR_BYTE_BMP_MAPPED[linear] ? Tables.FOUR_BYTE_BMP[linear] : UNMAPPED;
        }
        if (linear >= FOUR_BYTE_SUPPLEMENTARY_FIRST && linear <= FOUR_BYTE_SUPPLEMENTARY_LAST) {
            return Character.MIN_SUPPLEMENTARY_CODE_POINT + linear - FOUR_BYTE_SUPPLEMENTARY_FIRST;
        }
        return UNMAPPED;
    }

    private static int put(int cp, char[] dst, int d) {
        if (cp <= Character.MAX_VALUE) {
            dst[d] = (char) cp;
            return d + 1;
        }
        dst[d] = Character.highSurrogate(cp);
        dst[d + 1] = Character.lowSurrogate(cp);
        return d + 2;
    }

    private static int twoByteIndex(int lead, int trail) {
        return (lead - 0x81) * TRAILS + (trail < 0x7F ? trail - 0x40 : trail - 0x41);
    }

    private static int linear(int b0, int b1, int b2, int b3) {
        return (b0 - 0x81) * 12_600 + (b1 - 0x30) * 1_260 + (b2 - 0x81) * 10 + (b3 - 0x30);
    }

    private static boolean isDigit(byte b) {
        return b >= 0x30 && b <= 0x39;
    }
}
