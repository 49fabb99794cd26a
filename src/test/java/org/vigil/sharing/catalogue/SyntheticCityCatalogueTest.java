package org.vigil.sharing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.identity.Parsed;
import org.vigil.identity.ResidentId;
import org.vigil.sharing.reading.DeliveryFiles;
import org.vigil.sharing.reading.ReadLimits;
import org.vigil.sharing.reading.RowSink;
import org.vigil.sharing.reading.RowView;
import org.vigil.sharing.reading.TableSource;
import org.vigil.simulator.CityGenerator;
import org.vigil.simulator.CitySpec;
import org.vigil.simulator.ExpectedOutcome;
import org.vigil.simulator.FeedDefect;

/**
 * The catalogue reads every file the synthetic city's departments write (SHARE-3, REG-11,
 * DATA-4): each file maps to one catalogue feed, its header resolves with the catalogue's own
 * spellings and nothing left over, and every cell either parses or is an imperfection the
 * simulator's defect ledger says ingestion must reject.
 */
@DisplayName("The feed catalogue reads every file of a synthetic city (SHARE-3, REG-11, DATA-4)")
class SyntheticCityCatalogueTest {

    /** Large enough that most feeds have rows and every kind of ID defect occurs; two months cover every cadence's first file. */
    private static final int RESIDENTS = 20_000;
    private static final int MONTHS = 2;
    private static final YearMonth START = YearMonth.of(2026, 1);

    @TempDir
    static Path city;

    /** Everything read, per month, gathered once for the tests below. */
    private static final List<FileResult> results = new ArrayList<>();
    private static final Map<String, LedgerLine> ledger = new HashMap<>();

    record FileResult(String file, String provider, String feed, FeedDefinition catalogueFeed, HeaderResolution header,
            long rowsRead, long rowsInManifest, List<CellFailure> failures, List<CellValue> values) {
    }

    /** A cell the catalogue's parser refused, or a blank in a column that does not allow one. */
    record CellFailure(String file, long row, String column, String value, String reason) {
    }

    /** A cell's outcome, kept only where the ledger names the cell, to compare with the ledger's verdict. */
    record CellValue(String file, long row, String column, Parsed<?> parsed) {
    }

    record LedgerLine(String file, long row, String column, FeedDefect defect, String value, String trueValue,
            ExpectedOutcome expected) {

        String key() {
            return key(file, row, column);
        }

        static String key(String file, long row, String column) {
            return file + "|" + row + "|" + column;
        }
    }

    @BeforeAll
    static void generateAndRead() throws IOException {
        new CityGenerator(2).generate(new CitySpec(RESIDENTS, MONTHS, 20_260_101L, START, city));
        for (int m = 0; m < MONTHS; m++) {
            YearMonth month = START.plusMonths(m);
            readLedger(city.resolve("truth").resolve(month.toString()).resolve("defects.csv"));
        }
        for (int m = 0; m < MONTHS; m++) {
            YearMonth month = START.plusMonths(m);
            // As an ingestion of the month's files on its last day would judge them; the ledger does the same.
            readMonth(month, month.atEndOfMonth());
        }
    }

    @Test
    void share3_everySimulatorFeedMapsToExactlyOneCatalogueFeedAndEveryMappingIsUsed() throws IOException {
        Set<String> seen = results.stream().map(r -> r.provider() + "/" + r.feed()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> mapped = SyntheticCityFeeds.standard().entries().stream().map(e -> e.provider() + "/" + e.feed())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(results).allSatisfy(r -> assertThat(r.catalogueFeed()).as(r.file() + " has a catalogue feed").isNotNull());
        assertThat(mapped).as("the mapping lists exactly the simulator's feeds").isEqualTo(seen);
        // Every file on disk is one the manifest lists, so nothing escaped the loop above.
        try (Stream<Path> files = Files.walk(city.resolve("feeds"))) {
            long onDisk = files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("manifest.csv")).count();
            assertThat(onDisk).isEqualTo(results.size());
        }
    }

    @Test
    void share3_everyHeaderResolvesWithTheCataloguesOwnSpellingsAndNoColumnLeftOver() {
        assertThat(results).isNotEmpty().allSatisfy(r -> {
            assertThat(r.header()).as(r.file() + " has a catalogue feed").isNotNull();
            assertThat(r.header().problems()).as(r.file()).isEmpty();
            ResolvedHeader resolved = (ResolvedHeader) r.header();
            assertThat(resolved.ignoredColumns()).as(r.file() + ": headers no column claims").isEmpty();
        });
    }

    @Test
    void share3_everyRowIsRead() {
        assertThat(results).allSatisfy(r -> assertThat(r.rowsRead()).as(r.file()).isEqualTo(r.rowsInManifest()));
        assertThat(results.stream().mapToLong(FileResult::rowsRead).sum()).isGreaterThan(50_000);
    }

    @Test
    void share3_everyCellParsesUnlessTheLedgerSaysIngestionMustRejectIt() {
        List<CellFailure> failures = results.stream().flatMap(r -> r.failures().stream()).toList();
        List<String> unexplained = new ArrayList<>();
        for (CellFailure f : failures) {
            LedgerLine line = ledger.get(LedgerLine.key(f.file(), f.row(), f.column()));
            if (line == null || line.expected() != ExpectedOutcome.REJECT) {
                unexplained.add(f + (line == null ? " (not in the ledger)" : " (ledger: " + line.expected() + ")"));
            }
        }
        assertThat(unexplained).as("cells refused that the ledger does not call for rejecting").isEmpty();
        // The city has rejectable IDs, so this test has seen refusals and matched them.
        assertThat(failures).isNotEmpty();
    }

    @Test
    void share3_everyIdTheLedgerRejectsIsRefusedByTheCatalogueParser() {
        Map<String, CellValue> parsed = results.stream().flatMap(r -> r.values().stream())
                .collect(Collectors.toMap(v -> LedgerLine.key(v.file(), v.row(), v.column()), v -> v, (a, b) -> a));
        List<LedgerLine> rejects = ledger.values().stream()
                .filter(l -> l.expected() == ExpectedOutcome.REJECT)
                // A spreadsheet keeps 15 digits of a number: one truncated ID in eleven happens to pass the check.
                .filter(l -> l.defect() != FeedDefect.ID_TRUNCATED_NUMBER)
                .toList();
        assertThat(rejects).isNotEmpty();
        assertThat(rejects).allSatisfy(l -> {
            CellValue v = parsed.get(l.key());
            assertThat(v).as(l + " was read").isNotNull();
            assertThat(v.parsed().isValid()).as(l + " is refused").isFalse();
        });
    }

    @Test
    void share3_idsTheLedgerNormalisesParseToTheTrueValue() {
        Map<String, CellValue> parsed = results.stream().flatMap(r -> r.values().stream())
                .collect(Collectors.toMap(v -> LedgerLine.key(v.file(), v.row(), v.column()), v -> v, (a, b) -> a));
        List<LedgerLine> normalised = ledger.values().stream()
                .filter(l -> l.defect() == FeedDefect.ID_LEGACY_15 || l.defect() == FeedDefect.ID_LOWERCASE_X)
                .toList();
        assertThat(normalised).isNotEmpty().allSatisfy(l -> {
            CellValue v = parsed.get(l.key());
            assertThat(v).as(l + " was read").isNotNull();
            assertThat(v.parsed().isValid()).as(l.toString()).isTrue();
            assertThat(((ResidentId) v.parsed().orElseThrow()).value()).as(l.toString()).isEqualTo(l.trueValue());
        });
    }

    // ---------------------------------------------------------------- reading

    private static void readLedger(Path file) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
            boolean header = true;
            for (CsvRecord r : reader) {
                if (header) {
                    assertThat(r.getFields()).containsExactly("file", "row", "column", "defect", "value", "true_value", "expected");
                    header = false;
                    continue;
                }
                if (r.getField(2).isEmpty()) {
                    // A whole-row line (a duplicate) names no cell.
                    continue;
                }
                LedgerLine line = new LedgerLine(r.getField(0), Long.parseLong(r.getField(1)), r.getField(2),
                        FeedDefect.valueOf(r.getField(3)), r.getField(4), r.getField(5), ExpectedOutcome.valueOf(r.getField(6)));
                // A duplicate row repeats its original's cell lines under its own number; keys stay unique.
                ledger.putIfAbsent(line.key(), line);
            }
        }
    }

    private static void readMonth(YearMonth month, LocalDate asOf) throws IOException {
        Path folder = city.resolve("feeds").resolve(month.toString());
        try (CsvReader<CsvRecord> manifest = CsvReader.builder().ofCsvRecord(folder.resolve("manifest.csv"), StandardCharsets.UTF_8)) {
            boolean header = true;
            for (CsvRecord r : manifest) {
                if (header) {
                    assertThat(r.getField(0)).isEqualTo("provider");
                    assertThat(r.getField(4)).isEqualTo("file");
                    assertThat(r.getField(11)).isEqualTo("rows");
                    header = false;
                    continue;
                }
                results.add(readFile(folder, r.getField(0), r.getField(2), r.getField(4), Long.parseLong(r.getField(11)), asOf));
            }
        }
    }

    private static FileResult readFile(Path folder, String provider, String feedName, String relative, long manifestRows,
            LocalDate asOf) {
        Path path = folder.resolve(relative);
        String display = city.relativize(path).toString().replace('\\', '/');
        FeedDefinition feed = SyntheticCityFeeds.standard().find(provider, feedName).orElse(null);
        if (feed == null) {
            // Reported by the mapping test; nothing to resolve against.
            return new FileResult(display, provider, feedName, null, null, 0, manifestRows, List.of(), List.of());
        }
        try (TableSource source = DeliveryFiles.open(path, display, ReadLimits.standard())) {
            HeaderResolution resolution = HeaderMapping.resolve(feed, source.header(), Map.of(), display, source.headerRow());
            if (!(resolution instanceof ResolvedHeader resolved)) {
                return new FileResult(display, provider, feedName, feed, resolution, 0, manifestRows, List.of(), List.of());
            }
            List<CellParser<?>> parsers = CellParsers.forFeed(feed, asOf);
            int[] indexes = resolved.indexes();
            List<String> header = source.header();
            List<CellFailure> failures = new ArrayList<>();
            List<CellValue> values = new ArrayList<>();
            long rows = source.read(1, () -> new RowSink() {
                @Override
                public void accept(RowView row) {
                    for (int c = 0; c < indexes.length; c++) {
                        if (indexes[c] < 0) {
                            continue;
                        }
                        ColumnDefinition column = feed.columns().get(c);
                        String headerText = header.get(indexes[c]);
                        CharSequence raw = row.cell(indexes[c]);
                        boolean named = ledger.containsKey(LedgerLine.key(display, row.row(), headerText));
                        if (raw.length() == 0) {
                            if (!column.blankAllowed()) {
                                failures.add(new CellFailure(display, row.row(), headerText, "", "blank in a column that needs a value"));
                            }
                            continue;
                        }
                        Parsed<?> parsed = parsers.get(c).parse(raw);
                        if (!parsed.isValid()) {
                            failures.add(new CellFailure(display, row.row(), headerText, raw.toString(),
                                    parsed.problem().orElseThrow().code() + " " + parsed.problem().orElseThrow().message()));
                        }
                        if (named) {
                            values.add(new CellValue(display, row.row(), headerText, parsed));
                        }
                    }
                }
            });
            return new FileResult(display, provider, feedName, feed, resolution, rows, manifestRows, failures, values);
        } catch (UncheckedIOException e) {
            throw new AssertionError("cannot read " + display, e);
        }
    }
}
