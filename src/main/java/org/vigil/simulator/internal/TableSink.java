package org.vigil.simulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A table file being written. Content goes to a temporary name beside the target and is renamed
 * on {@link #close()}, so a file with its final name is always complete.
 */
abstract class TableSink implements AutoCloseable {

    protected final Path target;
    protected final Path temp;
    protected long rows;
    protected long bytes;

    TableSink(Path target) {
        this.target = target;
        this.temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    abstract void header(String... names);

    abstract void write(Row row);

    /** Data rows written, the header not counted. */
    long rows() {
        return rows;
    }

    /** Size of the finished file; known after {@link #close()}. */
    long bytes() {
        return bytes;
    }

    Path target() {
        return target;
    }

    protected abstract void finish() throws IOException;

    @Override
    public final void close() {
        try {
            finish();
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            bytes = Files.size(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TableSink open(Path target, FileFormat format, TextEncoding encoding, boolean crlf, String fixedTimestamp) {
        return switch (format) {
            case CSV -> new CsvSink(target, encoding, crlf);
            case XLSX -> new XlsxSink(target, fixedTimestamp);
            case JSONL -> new JsonlSink(target);
        };
    }
}
