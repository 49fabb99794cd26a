package org.vigil.certification;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.vigil.governance.disclosure.Watermark;

/**
 * Writes a month's ledger for the districts, streets and communities that work through it
 * (CERT-11, CERT-14): lines ordered by district, street and community with Chinese headers and the
 * divisions' names, and a summary of the counts at each level by how soon the periods end.
 */
public interface LedgerExport {

    /**
     * @param district only this district's lines, when given
     * @return the files written: for CSV the ledger and its summary, for XLSX one workbook
     * @throws IllegalStateException when the month has not been verified
     */
    default List<Path> export(YearMonth month, LedgerKind kind, ListExport.Format format, Path folder,
            Optional<String> district) {
        return export(month, kind, format, folder, district, null, false);
    }

    /**
     * The same files watermarked and masked as {@link ListExport#export(YearMonth, ListExport.Format, Path,
     * Optional, Watermark, boolean)} does (phones too): the command line's exports (ADR 0032).
     *
     * @param mark the watermark, or null for none
     */
    List<Path> export(YearMonth month, LedgerKind kind, ListExport.Format format, Path folder,
            Optional<String> district, Watermark mark, boolean masked);

    /**
     * The ledger of the query as one XLSX workbook for a controlled export (DATA-9), watermarked
     * and masked as {@link ListExport#write} does (phones too). The stream is left open.
     *
     * @return the lines written, not counting headers and the summary
     * @throws IllegalStateException when the month has not been verified
     */
    long write(LedgerQuery query, Watermark mark, boolean masked, OutputStream out);
}
