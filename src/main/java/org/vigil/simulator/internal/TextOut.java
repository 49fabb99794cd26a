package org.vigil.simulator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Characters to an encoded file through one large buffer. UTF-8 is encoded by hand (the hot path:
 * digits and a few CJK characters per row); GBK goes through a {@link CharsetEncoder}.
 */
final class TextOut implements AutoCloseable {

    private static final int CHARS = 1 << 16;
    private static final int BYTES = 1 << 20;

    private final OutputStream out;
    private final CharsetEncoder encoder;
    private final char[] chars = new char[CHARS];
    private int charCount;
    private final byte[] bytes = new byte[BYTES];
    private int byteCount;
    private final ByteBuffer byteBuffer;

    TextOut(Path file, TextEncoding encoding) {
        try {
            this.out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (encoding == TextEncoding.GBK) {
            encoder = Charset.forName("GBK").newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            byteBuffer = ByteBuffer.wrap(bytes);
        } else {
            encoder = null;
            byteBuffer = null;
        }
        if (encoding == TextEncoding.UTF_8_BOM) {
            bytes[0] = (byte) 0xEF;
            bytes[1] = (byte) 0xBB;
            bytes[2] = (byte) 0xBF;
            byteCount = 3;
        }
    }

    void write(char c) {
        if (charCount == CHARS) {
            flushChars();
        }
        chars[charCount++] = c;
    }

    void write(char[] src, int off, int n) {
        while (n > 0) {
            if (charCount == CHARS) {
                flushChars();
            }
            int k = Math.min(n, CHARS - charCount);
            System.arraycopy(src, off, chars, charCount, k);
            charCount += k;
            off += k;
            n -= k;
        }
    }

    void write(String s) {
        int n = s.length();
        int off = 0;
        while (n > 0) {
            if (charCount == CHARS) {
                flushChars();
            }
            int k = Math.min(n, CHARS - charCount);
            s.getChars(off, off + k, chars, charCount);
            charCount += k;
            off += k;
            n -= k;
        }
    }

    private void flushChars() {
        if (encoder == null) {
            encodeUtf8();
        } else {
            encodeWith(encoder);
        }
        charCount = 0;
    }

    private void encodeUtf8() {
        for (int i = 0; i < charCount; i++) {
            if (byteCount > BYTES - 4) {
                flushBytes();
            }
            char c = chars[i];
            if (c < 0x80) {
                bytes[byteCount++] = (byte) c;
            } else if (c < 0x800) {
                bytes[byteCount++] = (byte) (0xC0 | (c >> 6));
                bytes[byteCount++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < charCount && Character.isLowSurrogate(chars[i + 1])) {
                int cp = Character.toCodePoint(c, chars[++i]);
                bytes[byteCount++] = (byte) (0xF0 | (cp >> 18));
                bytes[byteCount++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                bytes[byteCount++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                bytes[byteCount++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                bytes[byteCount++] = (byte) (0xE0 | (c >> 12));
                bytes[byteCount++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[byteCount++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    private void encodeWith(CharsetEncoder enc) {
        CharBuffer in = CharBuffer.wrap(chars, 0, charCount);
        while (true) {
            byteBuffer.clear().position(byteCount);
            CoderResult r = enc.encode(in, byteBuffer, false);
            byteCount = byteBuffer.position();
            if (r.isOverflow()) {
                flushBytes();
            } else {
                break;
            }
        }
    }

    private void flushBytes() {
        try {
            out.write(bytes, 0, byteCount);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byteCount = 0;
    }

    @Override
    public void close() {
        flushChars();
        flushBytes();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
