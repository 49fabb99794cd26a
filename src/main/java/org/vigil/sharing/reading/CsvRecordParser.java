package org.vigil.sharing.reading;

import java.util.List;

/**
 * Splits CSV records into cells. ASCII cells stay views of the bytes read; cells with other bytes
 * are decoded at once, which is also where bytes invalid in the encoding are caught (a lazy
 * decoder would let a bad cell the pipeline never looks at pass unnoticed).
 */
final class CsvRecordParser implements RecordParser {

    private static final byte QUOTE = '"';
    private static final byte COMMA = ',';
    private static final byte CARRIAGE_RETURN = '\r';

    private final String file;
    private final TextEncoding encoding;
    private final TextDecoder decoder;
    private final int maxColumns;
    private final MutableRow row = new MutableRow();
    private List<String> header = List.of();
    /** The contents of quoted fields, quotes undoubled. */
    private byte[] unquoted = new byte[0];
    /** The decoded non-ASCII cells of the current record. */
    private char[] chars = new char[0];
    private int charsUsed;

    CsvRecordParser(String file, TextEncoding encoding, int maxColumns) {
        this.file = file;
        this.encoding = encoding;
        this.decoder = TextDecoder.of(encoding);
        this.maxColumns = maxColumns;
    }

    /** Names the columns in problems. */
    void header(List<String> names) {
        this.header = List.copyOf(names);
    }

    @Override
    public MutableRow parse(byte[] buf, int start, int end, boolean quoted, long rowNumber) {
        int e = end > start && buf[end - 1] == CARRIAGE_RETURN ? end - 1 : end;
        row.reset(rowNumber);
        if (chars.length < e - start) {
            chars = new char[Math.max(e - start, chars.length * 2)];
        }
        charsUsed = 0;
        if (quoted) {
            splitQuoted(buf, start, e);
        }
        else {
            split(buf, start, e);
        }
        return row;
    }

    private void split(byte[] buf, int start, int end) {
        int fieldStart = start;
        int high = 0;
        for (int p = start; p < end; p++) {
            byte b = buf[p];
            if (b == COMMA) {
                addCell(buf, fieldStart, p, high);
                fieldStart = p + 1;
                high = 0;
            }
            else {
                high |= b;
            }
        }
        addCell(buf, fieldStart, end, high);
    }

    /** The slow path, for records with a quote somewhere; must agree with {@link RecordBlocks}. */
    private void splitQuoted(byte[] buf, int start, int end) {
        if (unquoted.length < end - start) {
            unquoted = new byte[Math.max(end - start, unquoted.length * 2)];
        }
        int out = 0;
        int p = start;
        while (true) {
            if (p < end && buf[p] == QUOTE) {
                int cellStart = out;
                int high = 0;
                p++;
                while (p < end) {
                    byte b = buf[p];
                    if (b == QUOTE) {
                        if (p + 1 < end && buf[p + 1] == QUOTE) {
                            unquoted[out++] = QUOTE;
                            p += 2;
                            continue;
                        }
                        p++;
                        break;
                    }
                    unquoted[out++] = b;
                    high |= b;
                    p++;
                }
                // what follows the closing quote, up to the comma, is kept as spreadsheet programs do
                while (p < end && buf[p] != COMMA) {
                    unquoted[out++] = buf[p];
                    high |= buf[p];
                    p++;
                }
                addCell(unquoted, cellStart, out, high);
            }
            else {
                int fieldStart = p;
                int high = 0;
                while (p < end && buf[p] != COMMA) {
                    high |= buf[p];
                    p++;
                }
                addCell(buf, fieldStart, p, high);
            }
            if (p >= end) {
                return;
            }
            p++;
        }
    }

    /** Adds a cell; {@code high} is negative when some byte is not ASCII. */
    private void addCell(byte[] bytes, int from, int to, int high) {
        if (row.size() == maxColumns) {
            throw Problems.ofCell(file, row.row(), Problems.columnName(header, maxColumns), null,
                    "more cells than the limit of " + maxColumns);
        }
        if (high >= 0) {
            row.addAscii(bytes, from, to);
            return;
        }
        int n = decoder.decode(bytes, from, to, chars, charsUsed);
        if (n < 0) {
            throw invalid(bytes, from, to, -1 - n);
        }
        row.addChars(chars, charsUsed, charsUsed + n);
        charsUsed += n;
    }

    private RuntimeException invalid(byte[] bytes, int from, int to, int at) {
        String shown = new String(bytes, from, to - from, encoding.charset());
        return Problems.ofCell(file, row.row(), Problems.columnName(header, row.size()), shown, "bytes "
                + Problems.hex(bytes, at, at + decoder.invalidLength(bytes, at, to)) + " are not valid " + encoding.description());
    }
}
