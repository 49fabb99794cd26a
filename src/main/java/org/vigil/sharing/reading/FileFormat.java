package org.vigil.sharing.reading;

/** The shapes of file departments deliver. */
public enum FileFormat {
    /** Comma-separated values, RFC 4180 quoting, a header row. */
    CSV,
    /** An Office Open XML workbook; its first visible sheet is read. */
    XLSX,
    /** One JSON object per line; the first object's keys are the header. */
    JSON_LINES
}
