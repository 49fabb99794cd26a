package org.vigil.certification;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.vigil.governance.disclosure.Watermark;

/**
 * Writes a month's three lists for the districts, streets and communities that verify them (CERT-7,
 * CERT-11): entries ordered by district, street and community, with Chinese headers and the names
 * of the divisions, and a summary of the counts at each level.
 */
public interface ListExport {

    /**
     * @param district only this district's entries, when given
     * @return the files written: for CSV one per list and a summary, for XLSX one workbook
     * @throws IllegalStateException when the month has not been run
     */
    default List<Path> export(YearMonth month, Format format, Path folder, Optional<String> district) {
        return export(month, format, folder, district, null, false);
    }

    /**
     * The same files, each carrying the watermark (an XLSX as {@link #write} does; a CSV on its
     * first line, above the headers) and with ID numbers and names masked when {@code masked}: the
     * command line's exports (ADR 0032).
     *
     * @param mark the watermark, or null for none
     */
    List<Path> export(YearMonth month, Format format, Path folder, Optional<String> district, Watermark mark,
            boolean masked);

    /**
     * The lists of the query as one XLSX workbook for a controlled export (DATA-9): the same sheets
     * as {@link #export}, each with the watermark on its first row and in its page header and
     * footer, the watermark in the file's properties, and ID numbers and names masked unless
     * {@code masked} is false. The stream is left open.
     *
     * @return the entries written, not counting headers and the summary
     * @throws IllegalStateException when the month has not been run
     */
    long write(ListQuery query, Watermark mark, boolean masked, OutputStream out);

    enum Format {
        CSV, XLSX
    }
}
