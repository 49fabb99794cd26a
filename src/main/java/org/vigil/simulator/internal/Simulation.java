package org.vigil.simulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.vigil.simulator.CitySpec;
import org.vigil.simulator.GenerationSummary;

/**
 * Runs a generation: builds the world (single-threaded, a few seconds for a million residents),
 * then writes every file as an independent task on a fixed pool, then the monthly manifests and,
 * last, {@code city.properties}.
 */
public final class Simulation {

    /** Bumped whenever the same spec would produce different files. */
    public static final String GENERATOR_VERSION = "5";
    public static final String MANIFEST = "city.properties";
    private static final Set<String> CITY_ENTRIES = Set.of("agency", "truth", "feeds", MANIFEST);

    private Simulation() {
    }

    public static GenerationSummary generate(CitySpec spec, int threads) {
        long started = System.nanoTime();
        Path root = spec.out().toAbsolutePath().normalize();
        prepare(root);
        World w = build(spec);
        Candidates candidates = new Candidates(w);

        List<Callable<List<FileRecord>>> tasks = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (Callable<List<FileRecord>> task : new AgencyWriter(w, root).tasks()) {
            tasks.add(task);
            weights.add(50);
        }
        for (Callable<List<FileRecord>> task : new TruthWriter(w, root).tasks()) {
            tasks.add(task);
            weights.add(40);
        }
        for (int m = 0; m < spec.months(); m++) {
            int calendarMonth = spec.startMonth().plusMonths(m).getMonthValue();
            for (int f = 0; f < FeedCatalog.ALL.size(); f++) {
                FeedSpec feed = FeedCatalog.ALL.get(f);
                if (!feed.sentIn(m, calendarMonth)) {
                    continue;
                }
                int month = m;
                int index = f;
                tasks.add(() -> List.of(new FeedWriter(w, candidates, feed, month, index).write(root)));
                weights.add(weight(feed, m));
            }
            for (int c = 0; c < w.map.counties(); c++) {
                FeedSpec feed = FeedCatalog.community(w.map.countyCode(c));
                int month = m;
                int index = 100 + c;
                tasks.add(() -> List.of(new FeedWriter(w, candidates, feed, month, index).write(root)));
                weights.add(10);
            }
        }
        List<FileRecord> files = run(tasks, weights, threads);
        files.addAll(writeLedgers(root, w, files, threads));
        files.addAll(writeManifests(root, w, files));
        FileRecord properties = writeProperties(root, spec, w, files);
        files.add(properties);

        SortedMap<String, Long> rows = new TreeMap<>();
        SortedMap<String, Integer> counts = new TreeMap<>();
        long bytes = 0;
        for (FileRecord f : files) {
            rows.merge(f.kind(), f.rows(), Long::sum);
            counts.merge(f.kind(), 1, Integer::sum);
            bytes += f.bytes();
        }
        return new GenerationSummary(spec, rows, counts, files.size(), bytes, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Builds the whole simulated world in memory; exposed to the package for tests and the bench. */
    static World build(CitySpec spec) {
        World w = new World(spec.seed(), spec.residents(), spec.months(), spec.startMonth());
        w.employers = Employers.build(w);
        PopulationBuilder population = new PopulationBuilder(w);
        population.build();
        Careers careers = new Careers(w);
        careers.build(population.deceasedWorkerOf);
        careers.markAgency();
        w.timeline = new Timeline(w);
        w.timeline.run();
        return w;
    }

    private static int weight(FeedSpec feed, int m) {
        return switch (feed.provider() + "/" + feed.feed()) {
            case "police/household_register" -> m == 0 ? 100 : 5;
            case "tax/wage_income", "telecom/china_mobile", "medical_insurance/settlements" -> 30;
            case "telecom/china_unicom", "bank/counter_verifications", "health/health_records" -> 20;
            default -> feed.format() == FileFormat.XLSX ? 8 : 4;
        };
    }

    private static List<FileRecord> run(List<Callable<List<FileRecord>>> tasks, List<Integer> weights, int threads) {
        Integer[] order = new Integer[tasks.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Longest first keeps both cores busy to the end; the files do not depend on the order.
        java.util.Arrays.sort(order, Comparator.comparing((Integer i) -> -weights.get(i)).thenComparing(i -> i));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "city-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<FileRecord>>> futures = new ArrayList<>(tasks.size());
            for (int i = 0; i < tasks.size(); i++) {
                futures.add(null);
            }
            for (Integer i : order) {
                futures.set(i, pool.submit(tasks.get(i)));
            }
            List<FileRecord> files = new ArrayList<>();
            for (Future<List<FileRecord>> f : futures) {
                files.addAll(f.get());
            }
            return files;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("generation interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Refuses a folder holding anything but an earlier city, and clears an earlier city. */
    private static void prepare(Path root) {
        try {
            if (!Files.exists(root)) {
                Files.createDirectories(root);
                return;
            }
            if (!Files.isDirectory(root)) {
                throw new IllegalArgumentException(root + " is not a folder");
            }
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(root)) {
                for (Path p : dir) {
                    String name = p.getFileName().toString();
                    if (!CITY_ENTRIES.contains(name) && !name.endsWith(".tmp")) {
                        throw new IllegalArgumentException(root + " holds " + name
                                + ", which is not part of a generated city; choose an empty or new folder");
                    }
                    entries.add(p);
                }
            }
            Path manifest = root.resolve(MANIFEST);
            Files.deleteIfExists(manifest);
            for (Path p : entries) {
                deleteTree(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path q : all) {
                Files.delete(q);
            }
        }
    }

    static final String[] DEFECTS_HEADER = {"file", "row", "column", "defect", "value", "true_value", "expected"};

    /** One line of a month's defect ledger: the file and what {@link DefectLine} says about it. */
    private record Ledgered(String file, DefectLine line) {
    }

    private static final Comparator<Ledgered> LEDGER_ORDER = Comparator.comparing(Ledgered::file)
            .thenComparingLong(l -> l.line().row()).thenComparing(l -> l.line().column());

    /** Each feed month's {@code truth/YYYY-MM/defects.csv}: every imperfection injected into its feed files. */
    private static List<FileRecord> writeLedgers(Path root, World w, List<FileRecord> files, int threads) {
        List<Callable<List<FileRecord>>> tasks = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (int m = 0; m < w.months; m++) {
            String month = w.startMonth.plusMonths(m).toString();
            String prefix = "feeds/" + month + "/";
            List<Ledgered> lines = new ArrayList<>();
            for (FileRecord f : files) {
                if (f.feed() != null && f.path().startsWith(prefix)) {
                    for (DefectLine line : f.defects()) {
                        lines.add(new Ledgered(f.path(), line));
                    }
                }
            }
            tasks.add(() -> List.of(writeLedger(root, month, lines)));
            weights.add(1);
        }
        return run(tasks, weights, threads);
    }

    private static FileRecord writeLedger(Path root, String month, List<Ledgered> lines) {
        lines.sort(LEDGER_ORDER);
        CsvSink sink = new CsvSink(root.resolve("truth").resolve(month).resolve("defects.csv"), TextEncoding.UTF_8, false);
        sink.header(DEFECTS_HEADER);
        Row row = new Row();
        for (Ledgered l : lines) {
            DefectLine d = l.line();
            row.reset();
            row.text(l.file());
            row.num(d.row());
            row.text(d.column());
            row.text(d.defect().name());
            row.text(d.value());
            row.text(d.trueValue());
            row.text(d.expected().name());
            sink.write(row);
        }
        sink.close();
        return FileRecord.of(sink, root.toString(), "truth/defects", FileFormat.CSV, TextEncoding.UTF_8, null);
    }

    private static final String[] MANIFEST_HEADER = {"provider", "provider_name", "feed", "title", "file", "format",
        "encoding", "line_endings", "date_style", "share_class", "requirement", "rows", "bytes"};

    private static List<FileRecord> writeManifests(Path root, World w, List<FileRecord> files) {
        List<FileRecord> written = new ArrayList<>();
        for (int m = 0; m < w.months; m++) {
            String month = w.startMonth.plusMonths(m).toString();
            String prefix = "feeds/" + month + "/";
            List<FileRecord> feeds = new ArrayList<>();
            for (FileRecord f : files) {
                if (f.feed() != null && f.path().startsWith(prefix)) {
                    feeds.add(f);
                }
            }
            feeds.sort(Comparator.comparing(FileRecord::path));
            CsvSink sink = new CsvSink(root.resolve("feeds").resolve(month).resolve("manifest.csv"), TextEncoding.UTF_8, false);
            sink.header(MANIFEST_HEADER);
            Row row = new Row();
            for (FileRecord f : feeds) {
                FeedSpec s = f.feed();
                row.reset();
                row.text(s.provider());
                row.text(s.providerName());
                row.text(s.feed());
                row.text(s.title());
                row.text(f.path().substring(prefix.length()));
                row.text(s.format().extension());
                row.text(s.format() == FileFormat.XLSX ? "" : s.encoding().label());
                row.text(s.format() == FileFormat.CSV ? (s.crlf() ? "CRLF" : "LF") : "");
                row.text(s.format() == FileFormat.JSONL ? "" : s.provider().equals("community") ? "mixed" : s.dates().pattern());
                row.text(s.shareClass());
                row.text(s.requirement());
                row.num(f.rows());
                row.num(f.bytes());
                sink.write(row);
            }
            sink.close();
            written.add(FileRecord.of(sink, root.toString(), "feeds/manifest", FileFormat.CSV, TextEncoding.UTF_8, null));
        }
        return written;
    }

    private static FileRecord writeProperties(Path root, CitySpec spec, World w, List<FileRecord> files) {
        List<FileRecord> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(FileRecord::path));
        StringBuilder sb = new StringBuilder();
        sb.append("# A synthetic city generated by Vigil's simulator; this file is written last.\n");
        sb.append("generator=vigil-city-simulator\n");
        sb.append("generator.version=").append(GENERATOR_VERSION).append('\n');
        sb.append("seed=").append(spec.seed()).append('\n');
        sb.append("residents=").append(spec.residents()).append('\n');
        sb.append("months=").append(spec.months()).append('\n');
        sb.append("start.month=").append(spec.startMonth()).append('\n');
        sb.append("end.month=").append(spec.endMonth()).append('\n');
        sb.append("warmup.months=").append(World.WARMUP_MONTHS).append('\n');
        sb.append("model.city=220200\n");
        sb.append("persons.total=").append(w.persons).append('\n');
        sb.append("households=").append(w.households).append('\n');
        sb.append("employers=").append(w.employers.count).append('\n');
        sb.append("recipients=").append(w.recipients.count).append('\n');
        sb.append("files=").append(sorted.size() + 1).append('\n');
        for (FileRecord f : sorted) {
            sb.append("rows.").append(f.path()).append('=').append(f.rows()).append('\n');
        }
        Path target = root.resolve(MANIFEST);
        Path temp = root.resolve(MANIFEST + ".tmp");
        try {
            Files.writeString(temp, sb, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new FileRecord(MANIFEST, "city", FileFormat.CSV, TextEncoding.UTF_8, sorted.size(), Files.size(target), null,
                    List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
