package org.vigil.certification;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

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
    List<Path> export(YearMonth month, Format format, Path folder, Optional<String> district);

    enum Format {
        CSV, XLSX
    }
}
