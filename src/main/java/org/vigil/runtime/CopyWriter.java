package org.vigil.runtime;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into PostgreSQL through COPY in text format, several times faster than batched
 * inserts for the million-row loads Vigil does. The COPY runs on the caller's connection, so it
 * commits or rolls back with the caller's transaction.
 */
public final class CopyWriter implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    /** A plain array rather than a ByteArrayOutputStream, whose every write takes a lock. */
    private byte[] buffer = new byte[FLUSH_AT + 4096];
    private int size;
    private boolean rowStarted;
    private long rows;
    private boolean finished;

    private CopyWriter(CopyIn copy) {
        this.copy = copy;
    }

    /**
     * Opens a COPY; {@code copyStatement} is a constant {@code COPY table (columns) FROM STDIN}
     * statement of the calling module, never built from input.
     */
    public static CopyWriter open(Connection connection, String copyStatement) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        return new CopyWriter(pg.getCopyAPI().copyIn(copyStatement));
    }

    public CopyWriter text(String value) {
        separator();
        if (value == null) {
            writeAscii("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> writeAscii("\\\\");
                case '\t' -> writeAscii("\\t");
                case '\n' -> writeAscii("\\n");
                case '\r' -> writeAscii("\\r");
                default -> {
                    if (c < 0x80) {
                        write(c);
                    }
                    else {
                        int end = i + 1;
                        while (end < value.length() && value.charAt(end) >= 0x80) {
                            end++;
                        }
                        byte[] bytes = value.substring(i, end).getBytes(StandardCharsets.UTF_8);
                        write(bytes);
                        i = end - 1;
                    }
                }
            }
        }
        return this;
    }

    public CopyWriter date(LocalDate value) {
        if (value == null || value.getYear() < 0 || value.getYear() > 9999) {
            return text(value == null ? null : value.toString());
        }
        // as LocalDate.toString writes it, without building the string: millions of rows have dates
        separator();
        ensure(10);
        int year = value.getYear();
        buffer[size++] = (byte) ('0' + year / 1000);
        buffer[size++] = (byte) ('0' + year / 100 % 10);
        buffer[size++] = (byte) ('0' + year / 10 % 10);
        buffer[size++] = (byte) ('0' + year % 10);
        buffer[size++] = '-';
        buffer[size++] = (byte) ('0' + value.getMonthValue() / 10);
        buffer[size++] = (byte) ('0' + value.getMonthValue() % 10);
        buffer[size++] = '-';
        buffer[size++] = (byte) ('0' + value.getDayOfMonth() / 10);
        buffer[size++] = (byte) ('0' + value.getDayOfMonth() % 10);
        return this;
    }

    public CopyWriter decimal(BigDecimal value) {
        return text(value == null ? null : value.toPlainString());
    }

    public CopyWriter bool(boolean value) {
        return text(value ? "t" : "f");
    }

    public CopyWriter number(long value) {
        if (value == Long.MIN_VALUE) {
            return text(Long.toString(value));
        }
        separator();
        ensure(20);
        long v = value;
        if (v < 0) {
            buffer[size++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        for (int i = size + digits - 1; i >= size; i--) {
            buffer[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        size += digits;
        return this;
    }

    public void endRow() throws SQLException {
        write('\n');
        rowStarted = false;
        rows++;
        if (size >= FLUSH_AT) {
            flush();
        }
    }

    /** Sends what is buffered and completes the COPY; returns the number of rows sent. */
    public long finish() throws SQLException {
        flush();
        finished = true;
        return copy.endCopy();
    }

    public long rows() {
        return rows;
    }

    private void flush() throws SQLException {
        if (size > 0) {
            copy.writeToCopy(buffer, 0, size);
            size = 0;
        }
    }

    private void separator() {
        if (rowStarted) {
            write('\t');
        }
        rowStarted = true;
    }

    private void writeAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            write(s.charAt(i));
        }
    }

    private void write(int b) {
        if (size == buffer.length) {
            ensure(1);
        }
        buffer[size++] = (byte) b;
    }

    private void write(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    @Override
    public void close() throws SQLException {
        if (!finished && copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
