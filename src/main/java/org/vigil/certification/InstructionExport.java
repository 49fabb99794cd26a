package org.vigil.certification;

import java.nio.file.Path;
import java.util.List;

/**
 * A month's instructions as a file for the benefit payment system and the districts: CSV (UTF-8
 * with a byte-order mark) or one XLSX workbook, with Chinese headers.
 */
public interface InstructionExport {

    /** @return the file written */
    Path export(InstructionQuery query, ListExport.Format format, Path folder);

    /** The column headers of the file. */
    List<String> headers();
}
