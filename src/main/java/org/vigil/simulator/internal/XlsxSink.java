package org.vigil.simulator.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.TimestampUtil;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An XLSX workbook with one sheet, written with fastexcel. Only for feeds of spreadsheet size
 * (community, court and civil-affairs reports): XLSX costs far more per row than CSV.
 *
 * <p>fastexcel stamps the workbook with the wall clock (docProps/core.xml and the ZIP entry
 * times), which would break byte-identical output; the finished archive is therefore rewritten
 * with a fixed timestamp.
 */
final class XlsxSink extends TableSink {

    private static final String DATE_FORMAT = "yyyy/m/d";

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
    private final Workbook workbook;
    private final Worksheet sheet;
    private final String fixedTimestamp;
    private int nextRow;

    XlsxSink(Path target, String fixedTimestamp) {
        super(target);
        this.fixedTimestamp = fixedTimestamp;
        this.workbook = new Workbook(buffer, "Vigil", "1.0");
        this.sheet = workbook.newWorksheet("Sheet1");
    }

    @Override
    void header(String... names) {
        for (int c = 0; c < names.length; c++) {
            sheet.value(nextRow, c, names[c]);
        }
        sheet.style(nextRow, 0).bold().set();
        nextRow++;
    }

    @Override
    void write(Row row) {
        int r = nextRow++;
        for (int c = 0; c < row.cells(); c++) {
            int s = row.start(c);
            int e = row.end(c);
            if (s == e) {
                continue;
            }
            switch (row.kind(c)) {
                case Row.NUMBER -> sheet.value(r, c, parseNumber(row.buffer(), s, e));
                case Row.DATE -> {
                    sheet.value(r, c, Dates.date(row.dateDay(c)));
                    sheet.style(r, c).format(DATE_FORMAT).set();
                }
                default -> sheet.value(r, c, new String(row.buffer(), s, e - s));
            }
        }
        rows++;
    }

    /**
     * The text the finished file holds for a cell, as a reader gets it back: a text cell's string, a
     * number as fastexcel prints it (a double in {@code Double.toString} form, such as
     * {@code 2.20211194407146176E17} for an ID typed as a number) and a date as its Excel day serial
     * ({@code 46091.0}); empty for an empty cell, which is not written.
     */
    static String storedText(Row row, int cell) {
        int s = row.start(cell);
        int e = row.end(cell);
        if (s == e) {
            return "";
        }
        return switch (row.kind(cell)) {
            case Row.NUMBER -> parseNumber(row.buffer(), s, e).toString();
            case Row.DATE -> Double.toString(TimestampUtil.convertDate(Dates.date(row.dateDay(cell))));
            default -> new String(row.buffer(), s, e - s);
        };
    }

    /**
     * Long digit strings become a double, exactly as when someone types an ID number into a
     * spreadsheet cell without the leading apostrophe: the last digits are lost.
     */
    private static Number parseNumber(char[] buf, int s, int e) {
        String text = new String(buf, s, e - s);
        if (e - s > 15) {
            return Double.parseDouble(text);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException ex) {
            return Double.parseDouble(text);
        }
    }

    @Override
    protected void finish() throws IOException {
        workbook.finish();
        // opczip streams entries with data descriptors that ZipInputStream rejects, so read the central directory.
        Path raw = temp.resolveSibling(temp.getFileName() + ".raw");
        Files.write(raw, buffer.toByteArray());
        try (ZipFile zip = new ZipFile(raw.toFile()); OutputStream out = Files.newOutputStream(temp)) {
            normalise(zip, out, fixedTimestamp);
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    private static void normalise(ZipFile zip, OutputStream target, String timestamp) throws IOException {
        LocalDateTime fixed = LocalDateTime.parse(timestamp.substring(0, 19));
        try (ZipOutputStream out = new ZipOutputStream(new NonClosing(target))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] content;
                try (InputStream in = zip.getInputStream(entry)) {
                    content = in.readAllBytes();
                }
                if (entry.getName().equals("docProps/core.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    xml = xml.replaceAll("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", "$1" + timestamp + "$2");
                    content = xml.getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(fixed);
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
    }

    /** Keeps the file open when the ZIP stream closes, so the caller closes it once. */
    private static final class NonClosing extends OutputStream {
        private final OutputStream delegate;

        NonClosing(OutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            delegate.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            delegate.flush();
        }

        @Override
        public void close() throws IOException {
            delegate.flush();
        }
    }
}
