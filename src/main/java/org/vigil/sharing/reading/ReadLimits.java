package org.vigil.sharing.reading;

/**
 * Bounds that keep reading a hostile or broken file cheap: past any of them the file is refused
 * with a {@link org.vigil.identity.BadInputException}, before memory or time run out.
 *
 * @param maxLineBytes             longest CSV record or JSON line, in bytes, line break excluded;
 *                                 also the longest XLSX row text, in characters
 * @param maxColumns               most cells in a row
 * @param maxXlsxUncompressedBytes most bytes the parts of an XLSX may inflate to, all together
 * @param maxSharedStrings         most entries in an XLSX shared-string table
 * @param maxRows                  most data rows (counted from the header, blank ones included)
 * @param maxSharedStringChars     most characters in an XLSX shared-string table, all together
 *                                 (the table is held in memory, two bytes a character)
 * @param maxCompressionRatio      most bytes an XLSX part may inflate to per compressed byte
 */
public record ReadLimits(int maxLineBytes, int maxColumns, long maxXlsxUncompressedBytes, int maxSharedStrings,
        long maxRows, long maxSharedStringChars, int maxCompressionRatio) {

    /** A record of a department file is a few hundred bytes; an ID photo line some tens of kilobytes. */
    static final int STANDARD_LINE_BYTES = 1 << 20;
    /** Department files have at most a few dozen columns. */
    static final int STANDARD_COLUMNS = 512;
    /** A full sheet (1,048,576 rows) of a dozen columns inflates to well under a gigabyte. */
    static final long STANDARD_XLSX_BYTES = 2L << 30;
    /** A million-row sheet with two or three distinct texts per row. */
    static final int STANDARD_SHARED_STRINGS = 4 << 20;
    /** 128 MiB of heap at most for the shared strings. */
    static final long STANDARD_SHARED_STRING_CHARS = 64L << 20;
    /** Ten times the largest monthly file expected (a 10-million-row proof-of-life file). */
    static final long STANDARD_ROWS = 100_000_000L;
    /** Spreadsheet XML compresses 5 to 30 times; zip bombs a thousand times and more (Apache POI also stops at 100). */
    static final int STANDARD_COMPRESSION_RATIO = 100;

    public ReadLimits {
        requirePositive("maxLineBytes", maxLineBytes);
        requirePositive("maxColumns", maxColumns);
        requirePositive("maxXlsxUncompressedBytes", maxXlsxUncompressedBytes);
        requirePositive("maxSharedStrings", maxSharedStrings);
        requirePositive("maxRows", maxRows);
        requirePositive("maxSharedStringChars", maxSharedStringChars);
        requirePositive("maxCompressionRatio", maxCompressionRatio);
        if (maxLineBytes > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("maxLineBytes must stay below 512 MiB: " + maxLineBytes);
        }
    }

    /** The five limits ingestion sets; the shared-string size and compression ratio take their standard values. */
    public ReadLimits(int maxLineBytes, int maxColumns, long maxXlsxUncompressedBytes, int maxSharedStrings, long maxRows) {
        this(maxLineBytes, maxColumns, maxXlsxUncompressedBytes, maxSharedStrings, maxRows, STANDARD_SHARED_STRING_CHARS,
                STANDARD_COMPRESSION_RATIO);
    }

    /** Limits generous enough for every real delivery: 1 MiB lines, 512 columns, 2 GiB of XLSX, 4 Mi shared strings, 100 M rows. */
    public static ReadLimits standard() {
        return new ReadLimits(STANDARD_LINE_BYTES, STANDARD_COLUMNS, STANDARD_XLSX_BYTES, STANDARD_SHARED_STRINGS,
                STANDARD_ROWS, STANDARD_SHARED_STRING_CHARS, STANDARD_COMPRESSION_RATIO);
    }

    public ReadLimits withMaxLineBytes(int value) {
        return new ReadLimits(value, maxColumns, maxXlsxUncompressedBytes, maxSharedStrings, maxRows,
                maxSharedStringChars, maxCompressionRatio);
    }

    public ReadLimits withMaxColumns(int value) {
        return new ReadLimits(maxLineBytes, value, maxXlsxUncompressedBytes, maxSharedStrings, maxRows,
                maxSharedStringChars, maxCompressionRatio);
    }

    public ReadLimits withMaxXlsxUncompressedBytes(long value) {
        return new ReadLimits(maxLineBytes, maxColumns, value, maxSharedStrings, maxRows, maxSharedStringChars,
                maxCompressionRatio);
    }

    public ReadLimits withMaxSharedStrings(int value) {
        return new ReadLimits(maxLineBytes, maxColumns, maxXlsxUncompressedBytes, value, maxRows, maxSharedStringChars,
                maxCompressionRatio);
    }

    public ReadLimits withMaxRows(long value) {
        return new ReadLimits(maxLineBytes, maxColumns, maxXlsxUncompressedBytes, maxSharedStrings, value,
                maxSharedStringChars, maxCompressionRatio);
    }

    public ReadLimits withMaxSharedStringChars(long value) {
        return new ReadLimits(maxLineBytes, maxColumns, maxXlsxUncompressedBytes, maxSharedStrings, maxRows, value,
                maxCompressionRatio);
    }

    public ReadLimits withMaxCompressionRatio(int value) {
        return new ReadLimits(maxLineBytes, maxColumns, maxXlsxUncompressedBytes, maxSharedStrings, maxRows,
                maxSharedStringChars, value);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
