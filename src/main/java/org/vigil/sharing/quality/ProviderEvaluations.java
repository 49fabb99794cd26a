package org.vigil.sharing.quality;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The yearly evaluation of every provider (SHARE-9: each year an evaluation of each department's
 * provision of shared data, published with improvement suggestions).
 */
public interface ProviderEvaluations {

    /** Every registered provider, by code, evaluated as of that day. */
    List<ProviderEvaluation> evaluate(int year, LocalDate asOf);

    /**
     * Writes the evaluation as an XLSX workbook into the folder (created if missing) and returns the
     * file: a sheet with one row per provider, a sheet per provider and feed, and a sheet of the
     * definitions and thresholds used.
     */
    Path writeWorkbook(int year, LocalDate asOf, Path folder);

    /**
     * Writes the same evaluation as a PDF into the folder (created if missing) and returns the file:
     * A4 landscape, a section per provider with its figures, its feeds and the suggestion, then the
     * definitions and thresholds. The PDF embeds the server's CJK font (setting
     * {@code vigil.report.cjk-font}, else a usual location such as the Debian package
     * fonts-wqy-microhei's); without a usable one it is refused before anything is written.
     *
     * @throws IllegalStateException when no usable font with Chinese glyphs is found; the message
     *                               names the setting and the package to install
     */
    Path writePdf(int year, LocalDate asOf, Path folder);
}
