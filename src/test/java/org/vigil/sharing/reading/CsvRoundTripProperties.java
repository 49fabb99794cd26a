package org.vigil.sharing.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.vigil.sharing.reading.Rows.Row;

/** Whatever the cells, a file written with RFC 4180 quoting reads back cell for cell, in UTF-8 and in GBK. */
class CsvRoundTripProperties {

    /** Characters that matter to CSV, spaces that are trimmed, and text in both encodings' repertoire. */
    static final String ALPHABET = ",\"\r\n \t\u3000abcXYZ019-/.:王李张秀英桂兰建国婷涵吉林市船营区（）、。，“”";
    static final String[] HEADER = {"姓名", "证件号码", "备注"};

    @TempDir
    Path dir;

    static Gen<String> cells() {
        List<Character> chars = ALPHABET.chars().mapToObj(c -> (char) c).toList();
        return lists().of(Generate.pick(chars)).ofSizeBetween(0, 12).map(cs -> {
            StringBuilder sb = new StringBuilder(cs.size());
            cs.forEach(sb::append);
            return sb.toString();
        });
    }

    static Gen<List<List<String>>> tables() {
        return lists().of(lists().of(cells()).ofSizeBetween(1, 5)).ofSizeBetween(0, 30);
    }

    @Test
    void utf8FilesReadBackCellForCell() {
        qt().withExamples(150).forAll(tables(), booleans().all(), integers().between(1, 3))
                .checkAssert((table, crlf, threads) -> roundTrip(table, StandardCharsets.UTF_8, crlf, threads));
    }

    @Test
    void gbkFilesReadBackCellForCell() {
        qt().withExamples(150).forAll(tables(), booleans().all(), integers().between(1, 3))
                .checkAssert((table, crlf, threads) -> roundTrip(table, CsvReadingTest.GBK, crlf, threads));
    }

    private void roundTrip(List<List<String>> table, Charset charset, boolean crlf, int threads) {
        String lineBreak = crlf ? "\r\n" : "\n";
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append(lineBreak);
        List<Row> expected = new ArrayList<>();
        long row = 1;
        for (List<String> cells : table) {
            row++;
            List<String> quoted = cells.stream().map(CsvRoundTripProperties::quote).toList();
            csv.append(String.join(",", quoted)).append(lineBreak);
            List<String> trimmed = cells.stream().map(CsvRoundTripProperties::trim).toList();
            if (trimmed.stream().anyMatch(cell -> !cell.isEmpty())) {
                expected.add(new Row(row, trimmed));
            }
        }
        Path file = dir.resolve("round-trip.csv");
        try {
            Files.write(file, csv.toString().getBytes(charset));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(Rows.read(file, threads)).isEqualTo(expected);
    }

    /** RFC 4180: quote a cell holding a comma, quote or line break, doubling its quotes. */
    static String quote(String cell) {
        boolean needsQuotes = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\r') >= 0
                || cell.indexOf('\n') >= 0;
        return needsQuotes ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** What the reader promises: leading and trailing spaces (ASCII controls included, and the ideographic space) removed. */
    static String trim(String cell) {
        int s = 0;
        int e = cell.length();
        while (s < e && MutableRow.isSpace(cell.charAt(s))) {
            s++;
        }
        while (e > s && MutableRow.isSpace(cell.charAt(e - 1))) {
            e--;
        }
        return cell.substring(s, e);
    }
}
