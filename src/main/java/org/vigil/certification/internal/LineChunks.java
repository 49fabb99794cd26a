package org.vigil.certification.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A text file cut into byte ranges that each start at a line, so several threads can read one
 * file at once. Line numbers stay exact: each range counts its own lines, and a range's first
 * line number is known once the ranges before it are read ({@link #firstLines}).
 */
final class LineChunks {

    private static final int BUFFER = 1 << 20;

    /** One range, from a line's first byte to the byte after a line's end. */
    record Chunk(int index, long start, long end) {
    }

    /** Receives each line of a range: bytes {@code from} (inclusive) to {@code to} (exclusive, no line break). */
    interface LineHandler {
        void line(byte[] bytes, int from, int to, long lineInChunk);
    }

    private LineChunks() {
    }

    /** About {@code count} ranges covering {@code from} to the end of the file, each cut after a line feed. */
    static List<Chunk> split(FileChannel channel, long from, int count) throws IOException {
        long size = channel.size();
        List<Chunk> chunks = new ArrayList<>(count);
        long start = from;
        ByteBuffer probe = ByteBuffer.allocate(64 * 1024);
        for (int i = 0; i < count && start < size; i++) {
            long end = i == count - 1 ? size : Math.max(start, from + (size - from) * (i + 1) / count);
            if (end < size) {
                end = afterNextLineFeed(channel, end, probe);
            }
            if (end > start) {
                chunks.add(new Chunk(chunks.size(), start, end));
            }
            start = end;
        }
        return chunks;
    }

    private static long afterNextLineFeed(FileChannel channel, long position, ByteBuffer probe) throws IOException {
        long size = channel.size();
        long p = position;
        while (p < size) {
            probe.clear();
            int n = channel.read(probe, p);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (probe.get(i) == '\n') {
                    return p + i + 1;
                }
            }
            p += n;
        }
        return size;
    }

    /** Reads one range line by line; returns how many lines it held. A trailing carriage return is dropped. */
    static long read(FileChannel channel, Chunk chunk, LineHandler handler) {
        byte[] bytes = new byte[BUFFER];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long position = chunk.start();
        int kept = 0;
        long lines = 0;
        try {
            while (position < chunk.end() || kept > 0) {
                int room = (int) Math.min(bytes.length - kept, chunk.end() - position);
                if (room == 0 && kept == bytes.length) {
                    throw new IllegalStateException("a line longer than " + BUFFER + " bytes at byte " + position);
                }
                buffer.limit(kept + room).position(kept);
                int n = 0;
                while (buffer.hasRemaining()) {
                    int r = channel.read(buffer, position + n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
                position += n;
                int filled = kept + n;
                boolean last = position >= chunk.end();
                int lineStart = 0;
                for (int i = 0; i < filled; i++) {
                    if (bytes[i] == '\n') {
                        handler.line(bytes, lineStart, i > lineStart && bytes[i - 1] == '\r' ? i - 1 : i, lines++);
                        lineStart = i + 1;
                    }
                }
                if (last && lineStart < filled) {
                    int to = bytes[filled - 1] == '\r' ? filled - 1 : filled;
                    handler.line(bytes, lineStart, to, lines++);
                    lineStart = filled;
                }
                kept = filled - lineStart;
                System.arraycopy(bytes, lineStart, bytes, 0, kept);
                if (last) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** The first line number of each range, given how many lines each held, counting from {@code first}. */
    static long[] firstLines(long[] linesPerChunk, long first) {
        long[] out = new long[linesPerChunk.length];
        long n = first;
        for (int i = 0; i < linesPerChunk.length; i++) {
            out[i] = n;
            n += linesPerChunk[i];
        }
        return out;
    }
}
