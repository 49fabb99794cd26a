package org.vigil.sharing.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.vigil.simulator.CityGenerator;
import org.vigil.simulator.CitySpec;

/**
 * Writes the bench's delivery files: a telecom proof-of-life export as UTF-8 CSV (CRLF, no
 * byte-order mark, as operator systems write it), the same file transcoded to GB18030, and an XLSX
 * of the same kind with typed date-time cells. Each file is written under a temporary name and
 * moved into place when complete, so a file that exists is whole and can be reused.
 */
public final class ProofOfLifeFiles {

    /** The bench's files: the city whose agency records are the registry, and the three deliveries. */
    public record Prepared(Path city, Path csv, Path gb18030, Path xlsx) {

        public Path persons() {
            return city.resolve("agency/persons.csv");
        }

        public Path communities() {
            return city.resolve("agency/communities.csv");
        }
    }

    private static final int BUFFER = 1 << 20;
    private static final int LONGEST_ROW = 512;
    private static final int XLSX_FLUSH_ROWS = 10_000;
    private static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";

    private ProofOfLifeFiles() {
    }

    /**
     * Generates what is missing under {@code out}: a city of {@code residents} (one month of feeds
     * from {@code month}, which the bench does not use), then the CSV of {@code csvRows} rows, its
     * GB18030 copy and the XLSX of {@code xlsxRows} rows, all drawn from the city's persons. Files
     * from an earlier run with the same sizes and seed are reused.
     */
    public static Prepared prepare(Path out, int residents, long csvRows, int xlsxRows, long seed, YearMonth month,
            PrintStream log) {
        try {
            Files.createDirectories(out);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out, e);
        }
        Path city = out.resolve("city-" + residents + "-" + seed);
        String stem = "life_telecom-" + residents + "p-" + seed + "s-";
        Prepared files = new Prepared(city, out.resolve(stem + csvRows + "-utf8.csv"),
                out.resolve(stem + csvRows + "-gb18030.csv"), out.resolve(stem + xlsxRows + ".xlsx"));
        if (!CityGenerator.isCurrent(city)) {
            long t0 = System.nanoTime();
            new CityGenerator().generate(new CitySpec(residents, 1, seed, month, city));
            log.printf(Locale.ROOT, "prepare: city of %,d residents in %s: %.1f s%n", residents, city, seconds(t0));
        }
        CityPersons persons = null;
        if (!Files.exists(files.csv())) {
            persons = CityPersons.read(files.persons());
            long t0 = System.nanoTime();
            long bytes = writeCsv(files.csv(), persons, month, seed, csvRows);
            log.printf(Locale.ROOT, "prepare: %s, %,d rows, %,d bytes: %.1f s%n", files.csv().getFileName(), csvRows, bytes,
                    seconds(t0));
        }
        if (!Files.exists(files.gb18030())) {
            long t0 = System.nanoTime();
            long bytes = transcode(files.csv(), files.gb18030(), Charset.forName("GB18030"));
            log.printf(Locale.ROOT, "prepare: %s, %,d bytes: %.1f s%n", files.gb18030().getFileName(), bytes, seconds(t0));
        }
        if (!Files.exists(files.xlsx())) {
            persons = persons != null ? persons : CityPersons.read(files.persons());
            long t0 = System.nanoTime();
            long bytes = writeXlsx(files.xlsx(), persons, month, seed + 1, xlsxRows);
            log.printf(Locale.ROOT, "prepare: %s, %,d rows, %,d bytes: %.1f s%n", files.xlsx().getFileName(), xlsxRows,
                    bytes, seconds(t0));
        }
        return files;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Writes {@code rows} data rows; returns the file's size in bytes. */
    static long writeCsv(Path target, CityPersons persons, YearMonth month, long seed, long rows) {
        ProofOfLifeRows draw = new ProofOfLifeRows(persons, month, seed);
        byte[] names = persons.names();
        byte[] prefix = (month.getYear() + "-" + two(month.getMonthValue()) + "-").getBytes(StandardCharsets.US_ASCII);
        Path part = partOf(target);
        try (OutputStream out = Files.newOutputStream(part)) {
            byte[] buf = new byte[BUFFER];
            int pos = 0;
            byte[] header = (String.join(",", ProofOfLifeRows.HEADER) + "\r\n").getBytes(StandardCharsets.UTF_8);
            System.arraycopy(header, 0, buf, 0, header.length);
            pos = header.length;
            long written = 0;
            while (written < rows) {
                if (pos > BUFFER - 2 * LONGEST_ROW) {
                    out.write(buf, 0, pos);
                    pos = 0;
                }
                draw.next();
                int start = pos;
                int p = draw.nameOf();
                int nameLength = persons.nameEnd(p) - persons.nameStart(p);
                System.arraycopy(names, persons.nameStart(p), buf, pos, nameLength);
                pos += nameLength;
                buf[pos++] = ',';
                draw.id(buf, pos);
                pos += 18;
                buf[pos++] = ',';
                if (draw.phone() != 0) {
                    pos = digits(buf, pos, draw.phone(), 11);
                }
                buf[pos++] = ',';
                System.arraycopy(prefix, 0, buf, pos, prefix.length);
                pos += prefix.length;
                pos = digits(buf, pos, draw.day(), 2);
                buf[pos++] = ' ';
                pos = digits(buf, pos, draw.hour(), 2);
                buf[pos++] = ':';
                pos = digits(buf, pos, draw.minute(), 2);
                buf[pos++] = ':';
                pos = digits(buf, pos, draw.second(), 2);
                buf[pos++] = '\r';
                buf[pos++] = '\n';
                written++;
                if (draw.repeat() && written < rows) {
                    int length = pos - start;
                    System.arraycopy(buf, start, buf, pos, length);
                    pos += length;
                    written++;
                }
            }
            out.write(buf, 0, pos);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        return moveIntoPlace(part, target);
    }

    /** Transcodes a UTF-8 file into {@code charset}, character for character. */
    static long transcode(Path utf8, Path target, Charset charset) {
        Path part = partOf(target);
        try (Reader in = new InputStreamReader(Files.newInputStream(utf8), StandardCharsets.UTF_8);
                Writer out = new OutputStreamWriter(new BufferedOutputStream(Files.newOutputStream(part), BUFFER),
                        charset.newEncoder())) {
            char[] chars = new char[1 << 16];
            int n;
            while ((n = in.read(chars)) >= 0) {
                out.write(chars, 0, n);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot transcode " + utf8 + " into " + target, e);
        }
        return moveIntoPlace(part, target);
    }

    /** Writes an XLSX of {@code rows} data rows, IDs and phones as text, times as formatted date-time cells. */
    static long writeXlsx(Path target, CityPersons persons, YearMonth month, long seed, int rows) {
        ProofOfLifeRows draw = new ProofOfLifeRows(persons, month, seed);
        Path part = partOf(target);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), BUFFER)) {
            Workbook workbook = new Workbook(out, "Vigil", "1.0");
            Worksheet sheet = workbook.newWorksheet("通信记录");
            for (int c = 0; c < ProofOfLifeRows.HEADER.length; c++) {
                sheet.value(0, c, ProofOfLifeRows.HEADER[c]);
            }
            int r = 1;
            int written = 0;
            while (written < rows) {
                draw.next();
                int copies = draw.repeat() && written + 1 < rows ? 2 : 1;
                String name = persons.name(draw.nameOf());
                String id = draw.id();
                String phone = draw.phone() == 0 ? null : Long.toString(draw.phone());
                LocalDateTime at = LocalDateTime.of(month.getYear(), month.getMonthValue(), draw.day(), draw.hour(),
                        draw.minute(), draw.second());
                for (int k = 0; k < copies; k++) {
                    sheet.value(r, 0, name);
                    sheet.value(r, 1, id);
                    if (phone != null) {
                        sheet.value(r, 2, phone);
                    }
                    sheet.value(r, 3, at);
                    sheet.style(r, 3).format(DATE_TIME_FORMAT).set();
                    r++;
                    written++;
                    if (r % XLSX_FLUSH_ROWS == 0) {
                        sheet.flush();
                    }
                }
            }
            workbook.finish();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        return moveIntoPlace(part, target);
    }

    private static Path partOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    private static long moveIntoPlace(Path part, Path target) {
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(target);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot move " + part + " into place", e);
        }
    }

    /** Writes {@code value} as exactly {@code width} decimal digits. */
    private static int digits(byte[] buf, int pos, long value, int width) {
        long v = value;
        for (int i = width - 1; i >= 0; i--) {
            buf[pos + i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return pos + width;
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
