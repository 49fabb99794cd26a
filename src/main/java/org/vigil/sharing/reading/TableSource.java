package org.vigil.sharing.reading;

import java.util.List;
import java.util.function.Supplier;

/**
 * An opened delivery file: its detected format, its header, and its data rows, streamed once.
 * Obtained from {@link DeliveryFiles#open}; close it when done.
 */
public interface TableSource extends AutoCloseable {

    DetectedFormat format();

    /**
     * CSV and XLSX: the first row's cells, trimmed, byte-order mark removed. JSON Lines: the keys of
     * the first object, in their order.
     */
    List<String> header();

    /** The row number of the header: 1 for CSV and XLSX (unless blank rows precede it), 0 for JSON Lines. */
    long headerRow();

    /**
     * Reads every data row once, calling one sink per thread used; returns the number of rows
     * delivered to the sinks. Rows whose cells are all blank are skipped (they still count in the
     * numbering). Uses at most {@code threads} threads, the calling one included; each sink gets
     * its rows in file order, and the batches of different sinks interleave. The supplier is
     * called once on each thread used, before its first row.
     *
     * @throws org.vigil.identity.BadInputException naming the file, row and (where there is one)
     *         column of the first fatal defect in file order: an unterminated quote, a line longer
     *         than the limit, bytes invalid in the encoding, a NUL byte, more rows or columns than
     *         the limits, a line that is not a JSON object, an XLSX part beyond the size or
     *         compression-ratio limit; the rows already delivered must then be discarded
     * @throws java.io.UncheckedIOException when the file cannot be read
     * @throws IllegalStateException when called a second time
     */
    long read(int threads, Supplier<RowSink> sinks);

    @Override
    void close();
}
