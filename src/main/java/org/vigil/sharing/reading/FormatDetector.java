package org.vigil.sharing.reading;

import java.util.List;

/**
 * Tells from a file's first bytes what it is. Departments do not say, and their file names and
 * extensions are unreliable; the content is not.
 */
final class FormatDetector {

    /** How much of a file is examined: enough to see past an ASCII header into the data. */
    static final int PREFIX_BYTES = 1 << 20;
    /**
     * Multi-byte sequences that must decode before an invalid one for the text to count as being
     * in that encoding with a defect further on, rather than in the other encoding. Text in GBK
     * almost never forms even two valid UTF-8 sequences in a row, and UTF-8 text soon breaks the
     * GB18030 pairing.
     */
    static final int EVIDENCE_SEQUENCES = 8;

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Formats that are not tables, recognised by their first bytes to say so plainly. */
    private record Signature(byte[] magic, String reason) {
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};
    private static final List<Signature> REFUSED = List.of(
            new Signature(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                    "an OLE2 compound file (an old .xls workbook, or a password-protected one): save it as .xlsx or CSV"),
            new Signature(new byte[] {(byte) 0xFF, (byte) 0xFE}, "UTF-16 text: save it as UTF-8 or GBK"),
            new Signature(new byte[] {(byte) 0xFE, (byte) 0xFF}, "UTF-16 text: save it as UTF-8 or GBK"),
            new Signature(new byte[] {'%', 'P', 'D', 'F', '-'}, "a PDF document, not a table"),
            new Signature(new byte[] {0x1F, (byte) 0x8B}, "a gzip archive, not a table: unpack it first"),
            new Signature(new byte[] {'R', 'a', 'r', '!'}, "a RAR archive, not a table: unpack it first"),
            new Signature(new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF}, "a 7-Zip archive, not a table: unpack it first"));

    private FormatDetector() {
    }

    /**
     * Bytes of a file to tell its encoding by: the first ones, or, when those are all ASCII, the
     * first stretch further on that is not (a header in English says nothing about the names
     * below it).
     *
     * @param cutOff whether the file goes on after these bytes, so a character may be cut at the end
     */
    record TextSample(byte[] bytes, int length, boolean cutOff) {
    }

    /**
     * @param prefix   the file's first bytes, at most {@link #PREFIX_BYTES}
     * @param length   how many of them there are
     * @param fileSize the whole file's size
     * @param sample   where to tell the encoding from
     * @throws org.vigil.identity.BadInputException for an empty file, a binary or non-table file,
     *         or text that is neither UTF-8 nor GB18030
     */
    static DetectedFormat detect(String file, byte[] prefix, int length, long fileSize, TextSample sample) {
        if (fileSize == 0) {
            throw Problems.ofFile(file, "the file is empty");
        }
        if (isZip(prefix, length)) {
            return new DetectedFormat(FileFormat.XLSX, null);
        }
        for (Signature signature : REFUSED) {
            if (startsWith(prefix, length, signature.magic())) {
                throw Problems.ofFile(file, "not a delivery table: " + signature.reason());
            }
        }
        boolean bom = startsWith(prefix, length, UTF8_BOM);
        int textStart = bom ? UTF8_BOM.length : 0;
        int nul = indexOf(prefix, textStart, length, (byte) 0);
        if (nul >= 0) {
            throw Problems.ofFile(file, "binary data, not text: a NUL byte at offset " + nul);
        }
        TextEncoding encoding = bom ? TextEncoding.UTF_8_BOM : encoding(file, sample);
        return new DetectedFormat(format(file, prefix, textStart, length), encoding);
    }

    /** The number of bytes of a byte-order mark at the start of text in this encoding. */
    static int bomLength(TextEncoding encoding) {
        return encoding == TextEncoding.UTF_8_BOM ? UTF8_BOM.length : 0;
    }

    /** Whether the bytes are all ASCII, which both encodings read alike. */
    static boolean isAscii(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the file starts like a ZIP archive (an XLSX workbook). */
    static boolean isZip(byte[] prefix, int length) {
        return startsWith(prefix, length, ZIP) || startsWith(prefix, length, EMPTY_ZIP);
    }

    private static TextEncoding encoding(String file, TextSample sample) {
        byte[] prefix = sample.bytes();
        int length = sample.length();
        boolean partialEnd = sample.cutOff();
        TextDecoder.Validity utf8 = Utf8Decoder.INSTANCE.validate(prefix, 0, length, partialEnd);
        if (utf8.valid() || utf8.multiByteSequences() >= EVIDENCE_SEQUENCES) {
            // a defect after good UTF-8 is reported by row and column while reading
            return TextEncoding.UTF_8;
        }
        TextDecoder.Validity gb = Gb18030Decoder.INSTANCE.validate(prefix, 0, length, partialEnd);
        if (gb.valid() || gb.multiByteSequences() >= EVIDENCE_SEQUENCES) {
            return TextEncoding.GB18030;
        }
        int at = utf8.firstInvalid();
        throw Problems.ofFile(file, "neither UTF-8 nor GBK/GB18030 text: bytes " + Problems.hex(prefix, at, Math.min(length, at + 4)));
    }

    private static FileFormat format(String file, byte[] prefix, int from, int length) {
        int p = from;
        while (p < length && isWhitespace(prefix[p])) {
            p++;
        }
        if (p < length && prefix[p] == '{') {
            return FileFormat.JSON_LINES;
        }
        if (p < length && prefix[p] == '[') {
            throw Problems.ofFile(file, "a JSON array, not JSON Lines: deliver one JSON object per line");
        }
        return FileFormat.CSV;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static boolean startsWith(byte[] data, int length, byte[] magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (data[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (data[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
