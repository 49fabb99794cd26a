package org.vigil.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.vigil.identity.ResidentId;

/**
 * The city most tests read: 3,000 residents, three months from January 2026 (so March, a
 * conscription month, is in range), generated once per test run into a temporary folder.
 */
final class SmallCity {

    static final int RESIDENTS = 3_000;
    static final int MONTHS = 3;
    static final long SEED = Long.getLong("vigil.simulator.test-seed", 42);
    static final YearMonth START = YearMonth.of(2026, 1);
    static final LocalDate DAY_BEFORE = START.atDay(1).minusDays(1);
    static final LocalDate LAST_DAY = START.plusMonths(MONTHS - 1L).atEndOfMonth();

    private static Path root;
    private static GenerationSummary summary;

    private SmallCity() {
    }

    static synchronized Path root() {
        if (root == null) {
            try {
                Path dir = Files.createTempDirectory("vigil-small-city");
                summary = new CityGenerator().generate(new CitySpec(RESIDENTS, MONTHS, SEED, START, dir));
                root = dir;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static synchronized GenerationSummary summary() {
        root();
        return summary;
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans it up eventually
        }
    }

    /** A table read back: the header and the rows, each a list of cell texts. */
    record Table(List<String> header, List<List<String>> rows) {

        int column(String name) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no column " + name + " in " + header);
            }
            return i;
        }

        List<String> values(String name) {
            int c = column(name);
            List<String> out = new ArrayList<>();
            for (List<String> r : rows) {
                out.add(c < r.size() ? r.get(c) : "");
            }
            return out;
        }

        List<Map<String, String>> maps() {
            List<Map<String, String>> out = new ArrayList<>();
            for (List<String> r : rows) {
                Map<String, String> m = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    m.put(header.get(i), i < r.size() ? r.get(i) : "");
                }
                out.add(m);
            }
            return out;
        }
    }

    static Table csv(Path file) {
        return csv(file, StandardCharsets.UTF_8);
    }

    static Table csv(Path file, Charset charset) {
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().detectBomHeader(true).ofCsvRecord(file, charset)) {
            for (CsvRecord r : reader) {
                if (header == null) {
                    header = r.getFields();
                } else {
                    rows.add(r.getFields());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Table(header, rows);
    }

    static Table xlsx(Path file) {
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            Sheet sheet = wb.getFirstSheet();
            try (Stream<org.dhatim.fastexcel.reader.Row> stream = sheet.openStream()) {
                for (org.dhatim.fastexcel.reader.Row r : (Iterable<org.dhatim.fastexcel.reader.Row>) stream::iterator) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < r.getCellCount(); i++) {
                        String text = r.hasCell(i) ? r.getCellText(i) : "";
                        cells.add(text == null ? "" : text);
                    }
                    if (header == null) {
                        header = cells;
                    } else {
                        rows.add(cells);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Table(header, rows);
    }

    /** Every feed file of the city, as listed by the monthly manifests. */
    static List<Map<String, String>> manifests() {
        List<Map<String, String>> all = new ArrayList<>();
        for (int m = 0; m < MONTHS; m++) {
            String month = START.plusMonths(m).toString();
            for (Map<String, String> row : csv(root().resolve("feeds").resolve(month).resolve("manifest.csv")).maps()) {
                row.put("month", month);
                all.add(row);
            }
        }
        return all;
    }

    static Path feedFile(Map<String, String> manifestRow) {
        return root().resolve("feeds").resolve(manifestRow.get("month")).resolve(manifestRow.get("file"));
    }

    /** A feed file read back in its own encoding and format (JSON Lines are not tables and are skipped). */
    static Table read(Map<String, String> manifestRow) {
        Path file = feedFile(manifestRow);
        return switch (manifestRow.get("format")) {
            case "xlsx" -> xlsx(file);
            case "csv" -> csv(file, manifestRow.get("encoding").equals("GBK") ? Charset.forName("GBK") : StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException(manifestRow.get("format"));
        };
    }

    /** The normalised 18-character ID a department's cell stands for, or null when it cannot be read. */
    static String normalisedId(String raw) {
        return ResidentId.parse(raw, LAST_DAY).toOptional().map(ResidentId::value).orElse(null);
    }
}
