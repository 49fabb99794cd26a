package org.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.identity.DepartmentDates;
import org.vigil.identity.Parsed;
import org.vigil.identity.PersonName;
import org.vigil.identity.ResidentId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The defect ledger ({@code truth/YYYY-MM/defects.csv}) is the ground truth department data
 * ingestion is scored against: each line must point at a real cell, say truly what is wrong with
 * it and what a correct ingestion does with it, and no imperfection of the feeds may be missing.
 */
class DefectLedgerTest {

    private static final List<String> HEADER = List.of("file", "row", "column", "defect", "value", "true_value", "expected");
    private static final Set<FeedDefect> ID_DEFECTS = EnumSet.of(FeedDefect.ID_WRONG_CHECK_DIGIT, FeedDefect.ID_DIGITS_SWAPPED,
            FeedDefect.ID_LEGACY_15, FeedDefect.ID_LOWERCASE_X, FeedDefect.ID_TRUNCATED_NUMBER, FeedDefect.ID_MISSING);
    private static final Set<FeedDefect> NAME_DEFECTS = EnumSet.of(FeedDefect.NAME_HOMOPHONE, FeedDefect.NAME_TRADITIONAL,
            FeedDefect.NAME_SPACE, FeedDefect.NAME_TRUNCATED);
    /** The outcomes each kind may call for; only the ID kinds depend on how the kernel reads the value. */
    private static final Map<FeedDefect, Set<ExpectedOutcome>> OUTCOMES = new EnumMap<>(Map.ofEntries(
            Map.entry(FeedDefect.ID_WRONG_CHECK_DIGIT, EnumSet.of(ExpectedOutcome.REJECT)),
            Map.entry(FeedDefect.ID_DIGITS_SWAPPED, EnumSet.of(ExpectedOutcome.REJECT, ExpectedOutcome.UNDETECTABLE)),
            Map.entry(FeedDefect.ID_LEGACY_15, EnumSet.of(ExpectedOutcome.NORMALISE)),
            Map.entry(FeedDefect.ID_LOWERCASE_X, EnumSet.of(ExpectedOutcome.NORMALISE)),
            Map.entry(FeedDefect.ID_TRUNCATED_NUMBER, EnumSet.of(ExpectedOutcome.REJECT)),
            Map.entry(FeedDefect.ID_MISSING, EnumSet.of(ExpectedOutcome.REVIEW)),
            Map.entry(FeedDefect.NAME_HOMOPHONE, EnumSet.of(ExpectedOutcome.UNDETECTABLE)),
            Map.entry(FeedDefect.NAME_TRADITIONAL, EnumSet.of(ExpectedOutcome.NORMALISE)),
            Map.entry(FeedDefect.NAME_SPACE, EnumSet.of(ExpectedOutcome.NORMALISE)),
            Map.entry(FeedDefect.NAME_TRUNCATED, EnumSet.of(ExpectedOutcome.UNDETECTABLE)),
            Map.entry(FeedDefect.DATE_OFF, EnumSet.of(ExpectedOutcome.UNDETECTABLE)),
            Map.entry(FeedDefect.DUPLICATE_ROW, EnumSet.of(ExpectedOutcome.DUPLICATE))));

    @TempDir
    Path temp;

    @Test
    void everyLedgerLinePointsAtARealCellHoldingItsValue_SHARE3() {
        assertLinesPointAtTheirCells(SmallCity.root(), SmallCity.START, SmallCity.MONTHS);
    }

    @Test
    void idLinesSayWhatTheIdentityKernelMakesOfTheValue_SHARE3_REG4() {
        assertLinesAgreeWithTheKernel(SmallCity.root(), SmallCity.START, SmallCity.MONTHS);
    }

    @Test
    void everyUnreadableMissingOrRepeatedCellOfEveryFeedIsInTheLedger_SHARE3_REG4_DATA12() {
        assertNothingIsMissing(SmallCity.root(), SmallCity.START, SmallCity.MONTHS);
    }

    @Test
    void theLedgerIsTheSameWhateverTheThreadCount() throws IOException {
        Path one = temp.resolve("one");
        Path three = temp.resolve("three");
        new CityGenerator(1).generate(new CitySpec(SmallCity.RESIDENTS, 2, SmallCity.SEED, SmallCity.START, one));
        new CityGenerator(3).generate(new CitySpec(SmallCity.RESIDENTS, 2, SmallCity.SEED, SmallCity.START, three));
        for (int m = 0; m < 2; m++) {
            Path ledger = ledgerPath(Path.of(""), SmallCity.START.plusMonths(m));
            byte[] first = Files.readAllBytes(one.resolve(ledger));
            assertThat(Files.readAllBytes(three.resolve(ledger))).as(ledger.toString()).isEqualTo(first);
            assertThat(Files.readAllLines(one.resolve(ledger), StandardCharsets.UTF_8)).hasSizeGreaterThan(1);
        }
    }

    @Test
    void cityPropertiesAndTheSummaryCountTheLedgerLikeEveryOtherFile() throws IOException {
        Path root = SmallCity.root();
        List<String> properties = Files.readAllLines(root.resolve("city.properties"), StandardCharsets.UTF_8);
        long lines = 0;
        for (int m = 0; m < SmallCity.MONTHS; m++) {
            YearMonth month = SmallCity.START.plusMonths(m);
            int n = ledger(root, month).size();
            assertThat(properties).contains("rows.truth/" + month + "/defects.csv=" + n);
            lines += n;
        }
        assertThat(SmallCity.summary().rows("truth/defects")).isEqualTo(lines);
        assertThat(SmallCity.summary().filesByKind().get("truth/defects")).isEqualTo(SmallCity.MONTHS);
    }

    /** A larger and longer city than {@link SmallCity}, so that even the rarest kind (a community death date off) occurs. */
    @Test
    void everyKindOfImperfectionIsInTheLedgerWithTheOutcomeItCallsFor_SHARE3_DATA12() {
        Path root = temp.resolve("ledger-city");
        YearMonth start = YearMonth.of(2026, 1);
        int months = 6;
        new CityGenerator().generate(new CitySpec(20_000, months, 42, start, root));

        Map<FeedDefect, Integer> counts = new EnumMap<>(FeedDefect.class);
        for (int m = 0; m < months; m++) {
            for (Line line : ledger(root, start.plusMonths(m))) {
                counts.merge(line.defect(), 1, Integer::sum);
                assertThat(OUTCOMES.get(line.defect())).as(line.toString()).contains(line.expected());
            }
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrder(FeedDefect.values());
        assertLinesPointAtTheirCells(root, start, months);
        assertLinesAgreeWithTheKernel(root, start, months);
        assertNothingIsMissing(root, start, months);
    }

    // ------------------------------------------------------------------ the three checks

    private static void assertLinesPointAtTheirCells(Path root, YearMonth start, int months) {
        Feeds feeds = new Feeds(root, start, months);
        int checked = 0;
        for (int m = 0; m < months; m++) {
            List<Line> lines = ledger(root, start.plusMonths(m));
            for (int i = 1; i < lines.size(); i++) {
                assertThat(lines.get(i - 1).compareTo(lines.get(i))).as("order at " + lines.get(i)).isNegative();
            }
            for (Line line : lines) {
                assertThat(line.file()).startsWith("feeds/" + start.plusMonths(m) + "/");
                Stored file = feeds.stored(line.file());
                List<String> cells = file.rows().get(line.row());
                assertThat(cells).as("row of " + line).isNotNull();
                if (line.defect() == FeedDefect.DUPLICATE_ROW) {
                    assertThat(line.column()).isEmpty();
                    long first = Long.parseLong(line.trueValue());
                    assertThat(first).isLessThan(line.row());
                    assertThat(cells).as(line.toString()).isEqualTo(file.rows().get(first));
                } else {
                    int c = file.header().indexOf(line.column());
                    assertThat(c).as("column of " + line).isNotNegative();
                    assertThat(cells.get(c)).as(line.toString()).isEqualTo(line.value());
                }
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    private static void assertLinesAgreeWithTheKernel(Path root, YearMonth start, int months) {
        for (int m = 0; m < months; m++) {
            LocalDate asOf = start.plusMonths(m).atEndOfMonth();
            for (Line line : ledger(root, start.plusMonths(m))) {
                String value = line.value();
                String truth = line.trueValue();
                if (ID_DEFECTS.contains(line.defect())) {
                    assertThat(ResidentId.parse(truth, asOf).toOptional().map(ResidentId::value)).as(line.toString()).contains(truth);
                    Parsed<ResidentId> parsed = ResidentId.parse(value, asOf);
                    switch (line.expected()) {
                        case REVIEW -> assertThat(value).as(line.toString()).isEmpty();
                        case REJECT -> assertThat(parsed.isValid()).as(line.toString()).isFalse();
                        case NORMALISE -> {
                            assertThat(value).as(line.toString()).isNotEqualTo(truth);
                            assertThat(parsed.toOptional().map(ResidentId::value)).as(line.toString()).contains(truth);
                        }
                        case UNDETECTABLE -> assertThat(parsed.toOptional().map(ResidentId::value)).as(line.toString())
                                .isPresent().get().isNotEqualTo(truth);
                        default -> throw new AssertionError("no ID line calls for " + line.expected() + ": " + line);
                    }
                } else if (NAME_DEFECTS.contains(line.defect())) {
                    assertThat(value).as(line.toString()).isNotEqualTo(truth);
                    String normalised = PersonName.parse(value).orElseThrow().value();
                    if (line.expected() == ExpectedOutcome.NORMALISE) {
                        assertThat(normalised).as(line.toString()).isEqualTo(truth);
                    } else {
                        assertThat(normalised).as(line.toString()).isNotEqualTo(truth);
                    }
                } else if (line.defect() == FeedDefect.DATE_OFF) {
                    LocalDate written = DepartmentDates.parse(value).orElseThrow();
                    long off = ChronoUnit.DAYS.between(LocalDate.parse(truth), written);
                    assertThat(off).as(line.toString()).isBetween(-3L, 7L).isNotZero();
                }
            }
        }
    }

    /**
     * Scans every ID cell of every feed file: each one the kernel cannot read, each one it reads
     * only after normalising and each empty one has its line; so does every exact repeat of an
     * earlier row, every name that differs from its person's and every community death date that
     * is not the day of the death.
     */
    private static void assertNothingIsMissing(Path root, YearMonth start, int months) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> deaths = new HashMap<>();
        for (Map<String, String> r : SmallCity.csv(root.resolve("truth/residents.csv")).maps()) {
            names.put(r.get("id_number"), r.get("name"));
            deaths.put(r.get("id_number"), r.get("death_date"));
        }
        Map<String, Map<String, Line>> linesByFile = new HashMap<>();
        for (int m = 0; m < months; m++) {
            for (Line line : ledger(root, start.plusMonths(m))) {
                linesByFile.computeIfAbsent(line.file(), f -> new HashMap<>()).put(line.row() + "/" + line.column(), line);
            }
        }
        Feeds feeds = new Feeds(root, start, months);
        int idCells = 0;
        int missing = 0;
        int repeats = 0;
        for (String file : feeds.files()) {
            LocalDate asOf = YearMonth.parse(file.substring("feeds/".length(), "feeds/yyyy-MM".length())).atEndOfMonth();
            Map<String, Line> lines = linesByFile.getOrDefault(file, Map.of());
            Stored stored = feeds.stored(file);
            List<String> header = stored.header();
            int kindColumn = header.indexOf("情况类别");
            Map<List<String>, Long> firstSeen = new HashMap<>();
            for (Map.Entry<Long, List<String>> e : stored.rows().entrySet()) {
                long row = e.getKey();
                List<String> cells = e.getValue();
                Long first = firstSeen.putIfAbsent(cells, row);
                if (first != null) {
                    Line dup = lines.get(row + "/");
                    assertThat(dup).as(file + " row " + row + " repeats row " + first).isNotNull();
                    assertThat(dup.trueValue()).isEqualTo(Long.toString(first));
                    repeats++;
                }
                String subject = null;
                for (int c = 0; c < header.size(); c++) {
                    if (!isIdColumn(header.get(c))) {
                        continue;
                    }
                    idCells++;
                    String raw = cells.get(c);
                    int nameColumn = nameColumnBefore(header, c);
                    Line line = lines.get(row + "/" + header.get(c));
                    if (raw.isEmpty()) {
                        // A newborn's certificate without a father leaves both his name and his ID empty.
                        if (nameColumn >= 0 && cells.get(nameColumn).isEmpty()) {
                            continue;
                        }
                        assertThat(line).as(file + " row " + row + " has no ID").isNotNull();
                        assertThat(line.defect()).isEqualTo(FeedDefect.ID_MISSING);
                        assertThat(line.expected()).isEqualTo(ExpectedOutcome.REVIEW);
                        missing++;
                        continue;
                    }
                    Parsed<ResidentId> parsed = ResidentId.parse(raw, asOf);
                    if (!parsed.isValid()) {
                        assertThat(line).as(file + " row " + row + " holds unreadable ID " + raw).isNotNull();
                        assertThat(line.expected()).isEqualTo(ExpectedOutcome.REJECT);
                        continue;
                    }
                    String id = parsed.orElseThrow().value();
                    if (!id.equals(raw)) {
                        assertThat(line).as(file + " row " + row + " holds ID " + raw + " in another form").isNotNull();
                        assertThat(line.expected()).isEqualTo(ExpectedOutcome.NORMALISE);
                    }
                    String name = names.get(id);
                    if (name != null && nameColumn >= 0 && !cells.get(nameColumn).equals(name)) {
                        Line nameLine = lines.get(row + "/" + header.get(nameColumn));
                        assertThat(nameLine).as(file + " row " + row + " names " + id + " " + cells.get(nameColumn)).isNotNull();
                        assertThat(NAME_DEFECTS).contains(nameLine.defect());
                    }
                    if (subject == null && name != null) {
                        subject = id;
                    }
                }
                if (subject != null && kindColumn >= 0 && cells.get(kindColumn).equals("死亡")) {
                    LocalDate written = DepartmentDates.parse(cells.get(header.indexOf("发生日期"))).orElseThrow();
                    if (!written.toString().equals(deaths.get(subject))) {
                        Line dateLine = lines.get(row + "/发生日期");
                        assertThat(dateLine).as(file + " row " + row + " dates the death of " + subject + " " + written).isNotNull();
                        assertThat(dateLine.defect()).isEqualTo(FeedDefect.DATE_OFF);
                    }
                }
            }
        }
        assertThat(idCells).isGreaterThan(1_000);
        assertThat(missing).isPositive();
        assertThat(repeats).isPositive();
    }

    // ------------------------------------------------------------------ reading

    /** A line of a month's ledger, its codes read into the simulator's enums (an unknown code fails here). */
    private record Line(String file, long row, String column, FeedDefect defect, String value, String trueValue,
            ExpectedOutcome expected) implements Comparable<Line> {

        @Override
        public int compareTo(Line o) {
            int c = file.compareTo(o.file);
            if (c == 0) {
                c = Long.compare(row, o.row);
            }
            return c != 0 ? c : column.compareTo(o.column);
        }
    }

    private static Path ledgerPath(Path root, YearMonth month) {
        return root.resolve("truth").resolve(month.toString()).resolve("defects.csv");
    }

    private static List<Line> ledger(Path root, YearMonth month) {
        SmallCity.Table t = SmallCity.csv(ledgerPath(root, month));
        assertThat(t.header()).containsExactlyElementsOf(HEADER);
        List<Line> lines = new ArrayList<>();
        for (List<String> r : t.rows()) {
            lines.add(new Line(r.get(0), Long.parseLong(r.get(1)), r.get(2), FeedDefect.valueOf(r.get(3)), r.get(4), r.get(5),
                    ExpectedOutcome.valueOf(r.get(6))));
        }
        return lines;
    }

    private static boolean isIdColumn(String header) {
        return header.contains("身份证") || header.equals("公民身份号码") || header.equals("证件号码") || header.equals("CERT_NO")
                || header.equals("sfzh");
    }

    /** The name written for the person whose ID is in column {@code idColumn}: the nearest name column before it. */
    private static int nameColumnBefore(List<String> header, int idColumn) {
        for (int c = idColumn - 1; c >= 0; c--) {
            String h = header.get(c);
            if (h.endsWith("姓名") || h.equals("客户名称") || h.equals("PSGR_NAME") || h.equals("xm")) {
                return c;
            }
        }
        return -1;
    }

    /** A feed file as stored: its header and its data rows by the row number the department's tool shows. */
    private record Stored(List<String> header, SortedMap<Long, List<String>> rows) {
    }

    /** The feed files of a city, as its manifests list them, read back in their own encodings and formats. */
    private static final class Feeds {

        private final Path root;
        private final Map<String, Map<String, String>> manifest = new TreeMap<>();
        private final Map<String, Stored> cache = new HashMap<>();

        Feeds(Path root, YearMonth start, int months) {
            this.root = root;
            for (int m = 0; m < months; m++) {
                String month = start.plusMonths(m).toString();
                for (Map<String, String> r : SmallCity.csv(root.resolve("feeds").resolve(month).resolve("manifest.csv")).maps()) {
                    manifest.put("feeds/" + month + "/" + r.get("file"), r);
                }
            }
        }

        Set<String> files() {
            return manifest.keySet();
        }

        Stored stored(String file) {
            return cache.computeIfAbsent(file, f -> {
                Map<String, String> entry = manifest.get(f);
                assertThat(entry).as("manifest entry of " + f).isNotNull();
                Path path = root.resolve(f);
                return switch (entry.get("format")) {
                    case "csv" -> csv(path, entry.get("encoding").equals("GBK") ? Charset.forName("GBK") : StandardCharsets.UTF_8);
                    case "xlsx" -> xlsx(path);
                    case "jsonl" -> jsonl(path);
                    default -> throw new IllegalArgumentException(entry.get("format"));
                };
            });
        }

        /** Rows by their physical line, so a row number in the ledger is the line an editor shows. */
        private static Stored csv(Path file, Charset charset) {
            List<String> header = null;
            SortedMap<Long, List<String>> rows = new TreeMap<>();
            try (CsvReader<CsvRecord> reader = CsvReader.builder().detectBomHeader(true).ofCsvRecord(file, charset)) {
                for (CsvRecord r : reader) {
                    if (header == null) {
                        header = r.getFields();
                    } else {
                        rows.put(r.getStartingLineNumber(), r.getFields());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Stored(header, rows);
        }

        /** Rows by their sheet row; a number cell as stored (the raw text), not as a reader would reformat it. */
        private static Stored xlsx(Path file) {
            List<String> header = null;
            SortedMap<Long, List<String>> rows = new TreeMap<>();
            try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile());
                    Stream<org.dhatim.fastexcel.reader.Row> stream = wb.getFirstSheet().openStream()) {
                for (org.dhatim.fastexcel.reader.Row r : (Iterable<org.dhatim.fastexcel.reader.Row>) stream::iterator) {
                    List<String> cells = new ArrayList<>();
                    int width = header == null ? r.getCellCount() : header.size();
                    for (int i = 0; i < width; i++) {
                        Cell cell = i < r.getCellCount() ? r.getCell(i) : null;
                        String text = cell == null ? null : cell.getType() == CellType.NUMBER ? cell.getRawValue() : cell.getText();
                        cells.add(text == null ? "" : text);
                    }
                    if (header == null) {
                        header = cells;
                    } else {
                        rows.put((long) r.getRowNum(), cells);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Stored(header, rows);
        }

        /** Rows by their line, first line 1; the keys of the first object are the header. */
        private static Stored jsonl(Path file) {
            JsonMapper json = JsonMapper.builder().build();
            List<String> header = new ArrayList<>();
            SortedMap<Long, List<String>> rows = new TreeMap<>();
            try {
                List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < text.size(); i++) {
                    JsonNode node = json.readTree(text.get(i));
                    if (header.isEmpty()) {
                        header.addAll(node.propertyNames());
                    }
                    List<String> cells = new ArrayList<>();
                    for (String key : header) {
                        JsonNode v = node.get(key);
                        cells.add(v == null || v.isNull() ? "" : v.isString() ? v.asString() : v.toString());
                    }
                    rows.put(i + 1L, cells);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Stored(header, rows);
        }
    }
}
