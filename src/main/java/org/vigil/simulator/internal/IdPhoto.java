package org.vigil.simulator.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A stand-in for an ID-card photo (SHARE-3 class 4): a small grayscale PNG of a head-and-shoulders
 * silhouette, varied per person, so that the image feed has the shape of the real one (a name, an
 * ID number and an encoded picture per row) without anybody's face.
 */
final class IdPhoto {

    private static final int WIDTH = 26;
    private static final int HEIGHT = 32;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private IdPhoto() {
    }

    static String base64(long key, boolean male) {
        return Base64.getEncoder().encodeToString(png(key, male));
    }

    static byte[] png(long key, boolean male) {
        long h = Rng.mix(key);
        int background = 200 + (int) (h & 31);
        int skin = 150 + (int) ((h >>> 8) & 63);
        int hair = 20 + (int) ((h >>> 16) & 31);
        int faceWidth = 7 + (int) ((h >>> 24) & 1);
        byte[] raw = new byte[HEIGHT * (WIDTH + 1)];
        int i = 0;
        for (int y = 0; y < HEIGHT; y++) {
            raw[i++] = 0;
            for (int x = 0; x < WIDTH; x++) {
                int dx = x - WIDTH / 2;
                int dy = y - 13;
                int v = background;
                if (dx * dx * 100 / (faceWidth * faceWidth) + dy * dy * 100 / 81 <= 100) {
                    v = skin;
                    if (y < 8 + (male ? 0 : 2) || !male && Math.abs(dx) >= faceWidth - 2 && y < 20) {
                        v = hair;
                    }
                } else if (y >= 23 && Math.abs(dx) <= 6 + (y - 23)) {
                    v = 60 + (int) ((h >>> 32) & 63);
                }
                raw[i++] = (byte) v;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, WIDTH);
        putInt(header, 4, HEIGHT);
        header[8] = 8;
        header[9] = 0;
        chunk(out, "IHDR", header);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(raw);
        deflater.finish();
        byte[] buf = new byte[raw.length + 64];
        int n = deflater.deflate(buf);
        deflater.end();
        byte[] data = new byte[n];
        System.arraycopy(buf, 0, data, 0, n);
        chunk(out, "IDAT", data);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] len = new byte[4];
        putInt(len, 0, data.length);
        out.writeBytes(len);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.writeBytes(c);
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
