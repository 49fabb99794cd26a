package org.vigil.sharing.reading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A CSV or JSON Lines file: the header is read on opening, the rows by {@link ParallelReading}.
 * The first block read for the header is kept, since it usually holds the first data rows too.
 */
final class TextTableSource implements TableSource {

    private final FileChannel channel;
    private final DetectedFormat format;
    private final List<String> header;
    private final long headerRow;
    private final String file;
    private final ReadLimits limits;
    private final RecordBlocks blocks;
    private final Supplier<RecordParser> parsers;
    private Block pending;
    private boolean consumed;

    private TextTableSource(FileChannel channel, String file, DetectedFormat format, ReadLimits limits, List<String> header,
            long headerRow, RecordBlocks blocks, Supplier<RecordParser> parsers, Block pending) {
        this.channel = channel;
        this.file = file;
        this.limits = limits;
        this.format = format;
        this.header = header;
        this.headerRow = headerRow;
        this.blocks = blocks;
        this.parsers = parsers;
        this.pending = pending;
    }

    static TableSource open(Path path, String file, DetectedFormat format, ReadLimits limits, ByteTap tap) {
        FileChannel channel = openChannel(path, file);
        try {
            return format.format() == FileFormat.CSV ? openCsv(channel, file, format, limits, tap)
                    : openJsonLines(channel, file, format, limits, tap);
        }
        catch (RuntimeException e) {
            closeAfterFailure(channel, e);
            throw e;
        }
    }

    private static TextTableSource openCsv(FileChannel channel, String file, DetectedFormat format, ReadLimits limits,
            ByteTap tap) {
        TextEncoding encoding = format.encoding();
        RecordBlocks blocks = new RecordBlocks(channel, file, true, limits, FormatDetector.bomLength(encoding), 1, tap);
        CsvRecordParser headerParser = new CsvRecordParser(file, encoding, limits.maxColumns());
        Block block = null;
        while ((block = blocks.next(block)) != null) {
            for (int i = 0; i < block.count(); i++) {
                MutableRow row = headerParser.parse(block.buffer, block.startOf(i), block.endOf(i), block.quoted(i),
                        block.rowOf(i));
                if (!row.isBlank()) {
                    List<String> header = row.texts();
                    long headerRow = row.row();
                    blocks.header(header);
                    block.skipTo(i + 1);
                    Supplier<RecordParser> parsers = () -> {
                        CsvRecordParser parser = new CsvRecordParser(file, encoding, limits.maxColumns());
                        parser.header(header);
                        return parser;
                    };
                    return new TextTableSource(channel, file, format, limits, header, headerRow, blocks, parsers, block);
                }
            }
        }
        throw Problems.ofFile(file, "the file has no header row: it is empty or blank");
    }

    private static TextTableSource openJsonLines(FileChannel channel, String file, DetectedFormat format, ReadLimits limits,
            ByteTap tap) {
        TextEncoding encoding = format.encoding();
        RecordBlocks blocks = new RecordBlocks(channel, file, false, limits, FormatDetector.bomLength(encoding), 1, tap);
        Block block = null;
        while ((block = blocks.next(block)) != null) {
            for (int i = 0; i < block.count(); i++) {
                List<String> keys = JsonRecordParser.keys(file, encoding, limits.maxColumns(), block.buffer, block.startOf(i),
                        block.endOf(i), block.rowOf(i));
                if (keys != null) {
                    blocks.header(keys);
                    // the first object is a data row as well as the header
                    block.skipTo(i);
                    Supplier<RecordParser> parsers = () -> new JsonRecordParser(file, encoding, limits.maxColumns(), keys);
                    return new TextTableSource(channel, file, format, limits, keys, 0, blocks, parsers, block);
                }
            }
        }
        throw Problems.ofFile(file, "the file holds no JSON object: it is empty or blank");
    }

    @Override
    public DetectedFormat format() {
        return format;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public long headerRow() {
        return headerRow;
    }

    @Override
    public long read(int threads, Supplier<RowSink> sinks) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        Objects.requireNonNull(sinks, "sinks");
        if (consumed) {
            throw new IllegalStateException("the rows were read already");
        }
        consumed = true;
        Block first = pending;
        pending = null;
        int useful;
        try {
            useful = blocks.usefulThreads(threads);
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        return ParallelReading.run(file, blocks, first, useful, parsers, sinks, headerRow + limits.maxRows(), limits.maxRows());
    }

    @Override
    public void close() {
        pending = null;
        try {
            channel.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileChannel openChannel(Path path, String file) {
        try {
            return FileChannel.open(path, StandardOpenOption.READ);
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not open " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeAfterFailure(FileChannel channel, RuntimeException failure) {
        try {
            channel.close();
        }
        catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
