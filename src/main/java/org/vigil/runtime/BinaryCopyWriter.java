package org.vigil.runtime;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into PostgreSQL through COPY in binary format. The server then parses no dates or
 * numbers from text, which for loads of narrow rows (a month's life signs: an ID, two dates, two
 * numbers) takes about a quarter off its work (docs/performance.md). Like {@link CopyWriter}, the
 * COPY runs on the caller's connection, so it commits or rolls back with the caller's transaction.
 * Each row states its number of fields; the columns' types must match what is written.
 */
public final class BinaryCopyWriter implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 20;
    /** The binary format's signature, then no flags and no header extension. */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** Days from 1970-01-01 to PostgreSQL's epoch, 2000-01-01. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private final CopyIn copy;
    private byte[] buffer = new byte[FLUSH_AT + 4096];
    private int size;
    private long rows;
    private boolean finished;

    private BinaryCopyWriter(CopyIn copy) {
        this.copy = copy;
        write(HEADER, 0, HEADER.length);
    }

    /**
     * Opens a COPY; {@code copyStatement} is a constant {@code COPY table (columns) FROM STDIN WITH
     * (FORMAT BINARY)} statement of the calling module, never built from input.
     */
    public static BinaryCopyWriter open(Connection connection, String copyStatement) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        return new BinaryCopyWriter(pg.getCopyAPI().copyIn(copyStatement));
    }

    /** Starts a row of {@code fields} fields; sends what is buffered when there is enough. */
    public BinaryCopyWriter row(int fields) throws SQLException {
        if (size >= FLUSH_AT) {
            flush();
        }
        ensure(2);
        buffer[size++] = (byte) (fields >>> 8);
        buffer[size++] = (byte) fields;
        rows++;
        return this;
    }

    /** A {@code text}, {@code varchar} or {@code char} field, or null. */
    public BinaryCopyWriter text(String value) {
        if (value == null) {
            return nul();
        }
        boolean ascii = true;
        for (int i = 0; i < value.length() && ascii; i++) {
            ascii = value.charAt(i) < 0x80;
        }
        if (!ascii) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            int32(bytes.length);
            write(bytes, 0, bytes.length);
            return this;
        }
        int32(value.length());
        ensure(value.length());
        for (int i = 0; i < value.length(); i++) {
            buffer[size++] = (byte) value.charAt(i);
        }
        return this;
    }

    /** A {@code bytea} field, or null. */
    public BinaryCopyWriter bytea(byte[] value) {
        if (value == null) {
            return nul();
        }
        int32(value.length);
        write(value, 0, value.length);
        return this;
    }

    /** A {@code date} field, or null. */
    public BinaryCopyWriter date(LocalDate value) {
        if (value == null) {
            return nul();
        }
        int32(4);
        int32(Math.toIntExact(value.toEpochDay() - POSTGRES_EPOCH_DAY));
        return this;
    }

    /** A {@code bigint} field. */
    public BinaryCopyWriter int8(long value) {
        int32(8);
        int32((int) (value >>> 32));
        int32((int) value);
        return this;
    }

    /** A null field. */
    public BinaryCopyWriter nul() {
        int32(-1);
        return this;
    }

    /** Sends what is buffered and the trailer, and completes the COPY; returns the number of rows the server took. */
    public long finish() throws SQLException {
        ensure(2);
        buffer[size++] = (byte) 0xFF;
        buffer[size++] = (byte) 0xFF;
        flush();
        finished = true;
        return copy.endCopy();
    }

    /** The rows written so far. */
    public long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        if (!finished && copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void int32(int v) {
        ensure(4);
        buffer[size++] = (byte) (v >>> 24);
        buffer[size++] = (byte) (v >>> 16);
        buffer[size++] = (byte) (v >>> 8);
        buffer[size++] = (byte) v;
    }

    private void write(byte[] bytes, int from, int length) {
        ensure(length);
        System.arraycopy(bytes, from, buffer, size, length);
        size += length;
    }

    private void flush() throws SQLException {
        if (size > 0) {
            copy.writeToCopy(buffer, 0, size);
            size = 0;
        }
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
