package org.vigil.sharing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.VigilApplication;
import org.vigil.registry.LoadReport;
import org.vigil.registry.PersonDirectory;
import org.vigil.registry.PersonIndex;
import org.vigil.registry.RegistryBaseline;
import org.vigil.sharing.agreement.AgeScope;
import org.vigil.sharing.agreement.AgreementDraft;
import org.vigil.sharing.agreement.AgreementPurpose;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.FeedSetting;
import org.vigil.sharing.agreement.ProviderLevel;
import org.vigil.sharing.agreement.ProviderRegistration;
import org.vigil.sharing.agreement.ProviderRegistry;
import org.vigil.sharing.bench.CpuClock;
import org.vigil.sharing.bench.HeapWatch;
import org.vigil.sharing.bench.PhaseSampler;
import org.vigil.sharing.bench.ProofOfLifeFiles;
import org.vigil.sharing.bench.SqlBaseline;

/**
 * The ingestion benchmark (issue 3 performance targets), not a test: run it by hand as
 * {@code docs/performance.md} ("Ingesting department files") shows, under {@code -Xmx1g}.
 *
 * <p>It generates a synthetic city and, from its persons, a month of a telecom operator's
 * proof-of-life export ({@code life.telecom}) as a UTF-8 CSV, the same file in GB18030 and an XLSX
 * of the same kind; starts Vigil without web on a fresh embedded PostgreSQL in a temporary folder;
 * loads the city's communities and persons as the registry; and then times
 * {@link DeliveryIngestion#ingest} on each file, each run under a provider of its own with an
 * agreement in force (so the same-file check never skips a run), and the PostgreSQL-only
 * {@linkplain SqlBaseline baseline} on the same CSV. Before every timed step it empties
 * {@code sharing.life_sign} (so that every run writes the same life signs rather than meeting the
 * previous run's), runs a CHECKPOINT and a full GC. A delivery the quality gate holds is released,
 * and the release is timed too.
 *
 * <p>Arguments (all optional): {@code --out DIR} for the generated files, reused when present
 * (default {@code <java.io.tmpdir>/vigil-ingestion-bench}); {@code --rows N} CSV rows (10,000,000);
 * {@code --xlsx-rows N} (1,000,000); {@code --residents N} (1,000,000); {@code --runs N} (3);
 * {@code --threads N} reading threads (2); {@code --seed N} (42); {@code --age-scope everyone|share4}
 * (everyone: every row is interpreted and linked); {@code --parts} a comma-separated choice of
 * {@code prepare,csv,gbk,xlsx,sql} (all but prepare; {@code prepare} alone only writes the files);
 * {@code --smoke} for 200,000 CSV rows, 50,000 XLSX rows and 50,000 residents; {@code --explain} to run
 * the baseline's insert under {@code EXPLAIN ANALYZE} and print its plan (a diagnosis, not a timing).
 */
public final class IngestionBench {

    static final String FEED = "life.telecom";
    static final YearMonth MONTH = YearMonth.of(2026, 3);
    /** Delivered a few days after the month, as operators do. */
    static final LocalDate AS_OF = LocalDate.of(2026, 4, 5);
    static final double TARGET_ROWS_PER_SECOND = 1_000_000;
    static final double TARGET_GBK_SLOWDOWN = 0.10;
    static final double TARGET_XLSX_SECONDS = 20;
    static final int TARGET_XLSX_ROWS = 1_000_000;
    static final long SAMPLE_MILLIS = 5;
    private static final String OFFICER = "bench";

    /**
     * Wall-time phases of one ingestion, seen from the calling thread. Deliberately coarse: a stack
     * sample is taken at a safepoint, which skews shares between small methods inside the row loop
     * (use JFR for those, see docs/performance.md); between these phases it does not matter.
     */
    private static final List<PhaseSampler.Phase> PHASES = List.of(
            phase("store raw file (before reading, or the rest after)", "internal.RawFileStore$Incoming", "complete"),
            phase("same-file check", "internal.DeliveryStore", "existing"),
            phase("same-file check", "internal.DeliveryStore", "mayRepeat"),
            phase("open file, detect format, header", "reading.DeliveryFiles", "open"),
            phase("person index snapshot", "internal.PersonLookups", "current"),
            phase("vault: open every person into the map (once a process)", "org.vigil.vault.internal.JdbcPersonVault", "preload"),
            phase("read + interpret rows (CSV, this thread)", "reading.ParallelReading", "work"),
            phase("wait for the other reading thread", "reading.ParallelReading", "run"),
            phase("read + interpret rows (XLSX, one thread)", "reading.XlsxTableSource", "read"),
            phase("combine threads, find repeats", "internal.DeliveryResult", "<init>"),
            phase("quality gate", "quality.ThresholdGate", "judge"),
            phase("wait for the writer (see its phases)", "internal.DeliveryStore$Pending", "finish"),
            phase("abandon the write (held)", "internal.DeliveryStore$Pending", "abandon"),
            phase("write: life signs (COPY + insert)", "internal.DeliveryStore", "copyLifeSigns"),
            phase("write: rejects (COPY)", "internal.DeliveryStore", "copyRejects"),
            phase("write: facts (COPY)", "internal.DeliveryStore", "copyFacts"),
            phase("write: review items", "internal.DeliveryStore", "insertReviews"),
            phase("write: other statements", "internal.DeliveryStore", "writeRows"),
            phase("write: transaction, commit", "internal.DeliveryStore", "release"),
            phase("hold: rejects, transaction", "internal.DeliveryStore", "hold"),
            phase("review candidates", "internal.IngestionService", "reviews"),
            phase("event, report", "internal.IngestionService", "applied"));

    /**
     * The phases of the thread that writes a delivery while the calling thread combines the rest
     * (ADR 0022), as shares of the whole call; "(not running)" is the time before and after it.
     */
    private static final String WRITER_THREAD = "vigil-write";
    private static final List<PhaseSampler.Phase> WRITER_PHASES = List.of(
            phase("writer: delivery row", "internal.DeliveryStore", "insertDelivery"),
            phase("writer: sort and fold the threads' life signs", "internal.LifeSignTable", "sort"),
            phase("writer: person numbers from the vault's map", "org.vigil.vault.internal.JdbcPersonVault", "numbersOf"),
            phase("writer: vault: record persons it has not seen", "org.vigil.vault.internal.JdbcPersonVault", "resolve"),
            phase("writer: COPY life signs", "internal.DeliveryStore", "copyLifeSigns"),
            new PhaseSampler.Phase("writer: wait for the rest of the delivery", "java.util.concurrent.CompletableFuture",
                    "join"),
            phase("writer: rejects, facts, review items, counts", "internal.DeliveryStore", "writeRest"),
            new PhaseSampler.Phase("writer: commit", "org.springframework.jdbc.datasource.DataSourceTransactionManager",
                    "doCommit"));

    private enum Part {
        PREPARE, CSV, GBK, XLSX, SQL
    }

    /** One measured ingestion. */
    private record Run(Part part, int run, DeliveryStatus status, double seconds, double heldSeconds,
            DeliveryCounts counts, HeapWatch.Figures heap, CpuClock.Reading cpu) {

        double rowsPerSecond() {
            return counts.rowsRead() / seconds;
        }
    }

    private IngestionBench() {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        printMachine(o);
        ProofOfLifeFiles.Prepared files = ProofOfLifeFiles.prepare(o.out, o.residents, o.rows, o.xlsxRows, o.seed, MONTH,
                System.out);
        if (o.parts.equals(EnumSet.of(Part.PREPARE))) {
            System.out.println("files ready in " + o.out);
            return;
        }
        Path work = Files.createTempDirectory("vigil-ingestion-bench-");
        // Command-line arguments outrank application.yml (default properties would not): a fresh
        // database in the temporary folder, never the demo's var/postgres.
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VigilApplication.class)
                .web(WebApplicationType.NONE)
                .run("--vigil.db.url=", "--vigil.db.embedded.dir=" + work.resolve("postgres"),
                        "--vigil.db.embedded.clean=true", "--vigil.sharing.raw-dir=" + work.resolve("raw"),
                        "--vigil.sharing.read-threads=" + o.threads, "--logging.level.root=warn",
                        "--logging.level.org.vigil=warn", "--logging.level.org.vigil.registry.internal=info")) {
            new IngestionBench.Session(context, o, files).run();
        }
        finally {
            deleteTree(work);
        }
        System.out.println("done");
    }

    /** The measurements on one started application. */
    private static final class Session {

        private final Options o;
        private final ProofOfLifeFiles.Prepared files;
        private final DeliveryIngestion ingestion;
        private final ProviderRegistry providers;
        private final AgreementRegister agreements;
        private final JdbcClient jdbc;
        private final ConfigurableApplicationContext context;
        private final HeapWatch heap = new HeapWatch();
        private final CpuClock cpu;
        private final List<Run> runs = new ArrayList<>();
        private final List<List<SqlBaseline.Step>> sqlRuns = new ArrayList<>();
        private final List<CpuClock.Reading> sqlCpu = new ArrayList<>();

        Session(ConfigurableApplicationContext context, Options o, ProofOfLifeFiles.Prepared files) {
            this.context = context;
            this.o = o;
            this.files = files;
            this.ingestion = context.getBean(DeliveryIngestion.class);
            this.providers = context.getBean(ProviderRegistry.class);
            this.agreements = context.getBean(AgreementRegister.class);
            this.jdbc = context.getBean(JdbcClient.class);
            this.cpu = new CpuClock(jdbc);
        }

        void run() {
            loadRegistry();
            for (int run = 1; run <= o.runs; run++) {
                // UTF-8 and GB18030 take turns at going first, so neither always follows the same step
                List<Part> order = run % 2 == 1 ? List.of(Part.CSV, Part.GBK, Part.XLSX) : List.of(Part.GBK, Part.CSV, Part.XLSX);
                for (Part part : order) {
                    if (o.parts.contains(part)) {
                        runs.add(ingest(part, run));
                    }
                }
                if (o.parts.contains(Part.SQL)) {
                    sqlRuns.add(sql(run));
                }
            }
            summary();
            heap.close();
        }

        private void loadRegistry() {
            Map<String, Object> pg = jdbc.sql("""
                    select current_setting('server_version') as version, current_setting('lc_collate') as collate,
                           current_setting('shared_buffers') as shared_buffers, current_setting('work_mem') as work_mem,
                           current_setting('max_parallel_workers_per_gather') as parallel,
                           current_setting('fsync') as fsync""").query().singleRow();
            System.out.printf(Locale.ROOT,
                    "PostgreSQL %s (embedded), lc_collate %s, shared_buffers %s, work_mem %s,"
                            + " max_parallel_workers_per_gather %s, fsync %s%n",
                    pg.get("version"), pg.get("collate"), pg.get("shared_buffers"), pg.get("work_mem"),
                    pg.get("parallel"), pg.get("fsync"));
            RegistryBaseline registry = context.getBean(RegistryBaseline.class);
            long t0 = System.nanoTime();
            LoadReport communities = registry.loadCommunities(files.communities());
            LoadReport persons = registry.loadPersons(files.persons());
            System.out.printf(Locale.ROOT, "registry: %,d communities and %,d persons loaded in %.1f s%n",
                    communities.added(), persons.added(), seconds(t0));
            // The first snapshot also loads the name tables (pinyin, traditional characters) for good;
            // the second shows what a snapshot itself costs and keeps.
            PersonDirectory directory = context.getBean(PersonDirectory.class);
            t0 = System.nanoTime();
            PersonIndex snapshot = directory.snapshot();
            double first = seconds(t0);
            snapshot = null;
            long before = HeapWatch.usedAfterFullGc();
            t0 = System.nanoTime();
            snapshot = directory.snapshot();
            double took = seconds(t0);
            long kept = HeapWatch.usedAfterFullGc() - before;
            System.out.printf(Locale.ROOT, "person index snapshot of %,d persons (taken again inside every ingestion):"
                    + " %.2f s (first, cold: %.2f s), keeps %,d MiB of heap%n", snapshot.size(), took, first, kept >> 20);
            Reference.reachabilityFence(snapshot);
        }

        private Run ingest(Part part, int run) {
            Path file = switch (part) {
                case CSV -> files.csv();
                case GBK -> files.gb18030();
                case XLSX -> files.xlsx();
                default -> throw new IllegalArgumentException(part.name());
            };
            String provider = "bench_" + part.name().toLowerCase(Locale.ROOT) + "_" + run;
            setUp(provider);
            quiesce();
            long baseline = HeapWatch.usedAfterFullGc();

            CpuClock.Reading cpuBefore = cpu.now();
            heap.start();
            PhaseSampler sampler = PhaseSampler.onCurrentThread(PHASES, SAMPLE_MILLIS);
            PhaseSampler writer = PhaseSampler.onThreadNamed(WRITER_THREAD, WRITER_PHASES, SAMPLE_MILLIS);
            long t0 = System.nanoTime();
            DeliveryReport report = ingestion.ingest(new DeliveryRequest(provider, FEED, file,
                    file.getFileName().toString(), MONTH, AS_OF));
            double seconds = seconds(t0);
            String phases = sampler.stop(seconds) + writer.stop(seconds);
            HeapWatch.Figures figures = heap.stop();
            double held = 0;
            if (report.status() == DeliveryStatus.QUARANTINED) {
                System.out.printf(Locale.ROOT, "%s run %d: HELD by the quality gate after %.2f s: %s%n", part, run,
                        seconds, report.reason().orElse(""));
                held = seconds;
                cpuBefore = cpu.now();
                heap.start();
                sampler = PhaseSampler.onCurrentThread(PHASES, SAMPLE_MILLIS);
                t0 = System.nanoTime();
                report = ingestion.release(report.deliveryId(), OFFICER, "benchmark: applying a held delivery is timed");
                seconds = seconds(t0);
                phases = sampler.stop(seconds);
                figures = heap.stop();
            }
            CpuClock.Reading used = cpu.now().minus(cpuBefore);
            Run result = new Run(part, run, report.status(), seconds, held, report.counts(), figures, used);
            print(result, report, baseline);
            System.out.print(phases);
            return result;
        }

        private void print(Run r, DeliveryReport report, long baseline) {
            DeliveryCounts c = r.counts();
            Map<String, Object> stored = jdbc.sql("select format, encoding, size_bytes from sharing.delivery where id = :id")
                    .param("id", report.deliveryId()).query().singleRow();
            System.out.printf(Locale.ROOT, "%s run %d: %s%s in %.2f s = %,.0f rows/s (%s %s, %,d bytes)%n", r.part(), r.run(),
                    r.status(), r.heldSeconds() > 0 ? " (released)" : "", r.seconds(), r.rowsPerSecond(),
                    stored.get("format"), stored.get("encoding") == null ? "" : stored.get("encoding"),
                    ((Number) stored.get("size_bytes")).longValue());
            System.out.printf(Locale.ROOT,
                    "  rows %,d: accepted %,d, rejected %,d, duplicates %,d, review %,d, age-filtered %,d; linked %,d;"
                            + " life signs written %,d%n",
                    c.rowsRead(), c.accepted(), c.rejected(), c.duplicates(), c.review(), c.ageFiltered(), c.linked(),
                    c.lifeSignsWritten());
            System.out.printf(Locale.ROOT, "  CPU: JVM %.2f s (%.2f µs a row), PostgreSQL %.2f s%n", r.cpu().jvm(),
                    r.cpu().jvm() * 1e6 / c.rowsRead(), r.cpu().server());
            HeapWatch.Figures h = r.heap();
            System.out.printf(Locale.ROOT,
                    "  heap: peak %,d MiB (fullest before a GC or at the end), pools' peaks summed %,d MiB, largest after"
                            + " a GC %,d MiB, %,d MiB before the run; %d GCs, %.2f s; process peak RSS so far %,d MiB%n",
                    h.peak() >> 20, h.poolPeaks() >> 20, h.maxAfterGc() >> 20, baseline >> 20, h.collections(),
                    h.gcMillis() / 1000.0, HeapWatch.peakResidentBytes() >> 20);
        }

        /**
         * Empties {@code sharing.life_sign}, so that every run writes the same life signs rather than
         * meeting the previous run's, and checkpoints, so that no run pays for the previous one's dirty pages.
         */
        private void quiesce() {
            JdbcClient owner = JdbcClient.create(ownerDataSource());
            owner.sql("truncate sharing.life_sign").update();
            owner.sql("checkpoint").update();
        }

        /**
         * The embedded server's superuser: a checkpoint and the baseline's own schema are beyond the
         * application's role (ADR 0021), and a benchmark may do what the application may not.
         */
        private javax.sql.DataSource ownerDataSource() {
            try (java.sql.Connection c = context.getBean(javax.sql.DataSource.class).getConnection()) {
                return new org.springframework.jdbc.datasource.DriverManagerDataSource(c.getMetaData().getURL(),
                        "postgres", "");
            }
            catch (java.sql.SQLException e) {
                throw new IllegalStateException("no connection to the benchmark's database: " + e.getMessage(), e);
            }
        }

        private List<SqlBaseline.Step> sql(int run) {
            // the persons' plain key table is the baseline's registry, made before the clock starts
            SqlBaseline baseline = new SqlBaseline(ownerDataSource(),
                    context.getBean(org.vigil.registry.PersonDirectory.class).snapshot());
            quiesce();
            CpuClock.Reading before = cpu.now();
            List<SqlBaseline.Step> steps = baseline.run(files.csv(), "UTF8", FEED, o.explain);
            CpuClock.Reading used = cpu.now().minus(before);
            double total = steps.stream().mapToDouble(SqlBaseline.Step::seconds).sum();
            System.out.printf(Locale.ROOT, "SQL run %d: %.2f s in all = %,.0f rows/s; CPU: PostgreSQL %.2f s, JVM %.2f s%n",
                    run, total, steps.get(0).rows() / total, used.server(), used.jvm());
            sqlCpu.add(used);
            for (SqlBaseline.Step s : steps) {
                System.out.printf(Locale.ROOT, "  %-48s %7.2f s %s%n", s.name(), s.seconds(),
                        s.rows() < 0 ? "" : String.format(Locale.ROOT, "%,d rows", s.rows()));
                s.plan().forEach(line -> System.out.println("    | " + line));
            }
            return steps;
        }

        private void setUp(String provider) {
            providers.register(new ProviderRegistration(provider, "基准测试通信运营商", ProviderLevel.CITY, "220200"));
            providers.configureFeed(provider, new FeedSetting(FEED, o.ageScope, Map.of()));
            agreements.record(new AgreementDraft("AGR-" + provider, provider, "吉林市社会保险事业管理局",
                    LocalDate.of(2025, 12, 20), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of(FEED),
                    EnumSet.of(AgreementPurpose.ELIGIBILITY_CERTIFICATION)));
        }

        private void summary() {
            System.out.println();
            System.out.println("summary (median of " + o.runs + " run(s)):");
            System.out.println("| file | rows | wall time | rows/s | JVM CPU a row | PostgreSQL CPU | heap peak | target | result |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            Double csv = median(Part.CSV);
            for (Part part : List.of(Part.CSV, Part.GBK, Part.XLSX)) {
                Double m = median(part);
                if (m == null) {
                    continue;
                }
                List<Run> of = runs.stream().filter(r -> r.part() == part).toList();
                long rows = of.get(0).counts().rowsRead();
                long peak = of.stream().mapToLong(r -> r.heap().peak()).max().orElse(0);
                String target;
                String verdict;
                switch (part) {
                    case CSV -> {
                        target = "≥ 1,000,000 rows/s";
                        verdict = rows / m >= TARGET_ROWS_PER_SECOND ? "met" : "missed";
                    }
                    case GBK -> {
                        target = "≤ 10 % slower than UTF-8";
                        verdict = csv == null ? "n/a (no UTF-8 run)"
                                : String.format(Locale.ROOT, "%+.1f %% (%s)", 100 * (m / csv - 1),
                                        m / csv - 1 <= TARGET_GBK_SLOWDOWN ? "met" : "missed");
                    }
                    default -> {
                        target = "1,000,000 rows ≤ 20 s";
                        double scaled = m * TARGET_XLSX_ROWS / rows;
                        verdict = String.format(Locale.ROOT, "%s%s", scaled <= TARGET_XLSX_SECONDS ? "met" : "missed",
                                rows == TARGET_XLSX_ROWS ? "" : String.format(Locale.ROOT, " (scaled: %.1f s)", scaled));
                    }
                }
                double[] cpuRow = of.stream().mapToDouble(r -> r.cpu().jvm() * 1e6 / rows).sorted().toArray();
                double[] server = of.stream().mapToDouble(r -> r.cpu().server()).sorted().toArray();
                System.out.printf(Locale.ROOT, "| %s | %,d | %.2f s | %,.0f | %.2f µs | %.2f s | %,d MiB | %s | %s |%n", part,
                        rows, m, rows / m, cpuRow[cpuRow.length / 2], server[server.length / 2], peak >> 20, target, verdict);
            }
            if (!sqlRuns.isEmpty()) {
                double[] totals = sqlRuns.stream()
                        .mapToDouble(s -> s.stream().mapToDouble(SqlBaseline.Step::seconds).sum()).sorted().toArray();
                double m = totals[totals.length / 2];
                long rows = sqlRuns.get(0).get(0).rows();
                double[] server = sqlCpu.stream().mapToDouble(CpuClock.Reading::server).sorted().toArray();
                System.out.printf(Locale.ROOT, "| SQL baseline (UTF-8 CSV) | %,d | %.2f s | %,.0f | | %.2f s | | — | %s |%n",
                        rows, m, rows / m, server[server.length / 2],
                        csv == null ? "" : String.format(Locale.ROOT, "pipeline/SQL = %.2f", csv / m));
                for (int i = 0; i < sqlRuns.get(0).size(); i++) {
                    int step = i;
                    double[] s = sqlRuns.stream().mapToDouble(r -> r.get(step).seconds()).sorted().toArray();
                    System.out.printf(Locale.ROOT, "|   %s | | %.2f s | | | | | | |%n", sqlRuns.get(0).get(i).name(),
                            s[s.length / 2]);
                }
            }
            System.out.printf(Locale.ROOT, "max heap %,d MiB; process peak RSS %,d MiB%n",
                    Runtime.getRuntime().maxMemory() >> 20, HeapWatch.peakResidentBytes() >> 20);
        }

        private Double median(Part part) {
            double[] s = runs.stream().filter(r -> r.part() == part).mapToDouble(Run::seconds).sorted().toArray();
            return s.length == 0 ? null : s[s.length / 2];
        }
    }

    private static void printMachine(Options o) {
        String cpu = "";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .orElse("");
            }
            catch (IOException | UncheckedIOException e) {
                cpu = "";
            }
        }
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        System.out.printf(Locale.ROOT, "java %s (%s), %d processors (%s), %,d MiB memory, max heap %,d MiB, JVM options %s%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), cpu, memory >> 20, Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(Locale.ROOT,
                "feed %s, month %s, as of %s; %,d residents, %,d CSV rows, %,d XLSX rows; %d reading thread(s); age scope %s;"
                        + " %d run(s); parts %s; files in %s%n",
                FEED, MONTH, AS_OF, o.residents, o.rows, o.xlsxRows, o.threads, o.ageScope, o.runs, o.parts, o.out);
    }

    private static PhaseSampler.Phase phase(String label, String className, String method) {
        String name = className.startsWith("org.") ? className : "org.vigil.sharing." + className;
        return new PhaseSampler.Phase(label, name, method);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The command line. */
    private record Options(Path out, long rows, int xlsxRows, int residents, int runs, int threads, long seed,
            AgeScope ageScope, Set<Part> parts, boolean explain) {

        static Options parse(String[] args) {
            Path out = Path.of(System.getProperty("java.io.tmpdir"), "vigil-ingestion-bench");
            long rows = 10_000_000L;
            int xlsxRows = TARGET_XLSX_ROWS;
            int residents = 1_000_000;
            int runs = 3;
            int threads = 2;
            long seed = 42;
            AgeScope scope = AgeScope.EVERYONE;
            Set<Part> parts = EnumSet.of(Part.CSV, Part.GBK, Part.XLSX, Part.SQL);
            boolean explain = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--smoke" -> {
                        rows = 200_000;
                        xlsxRows = 50_000;
                        residents = 50_000;
                    }
                    case "--explain" -> explain = true;
                    case "--out" -> out = Path.of(value(args, ++i, a));
                    case "--rows" -> rows = Long.parseLong(value(args, ++i, a).replace("_", ""));
                    case "--xlsx-rows" -> xlsxRows = Integer.parseInt(value(args, ++i, a).replace("_", ""));
                    case "--residents" -> residents = Integer.parseInt(value(args, ++i, a).replace("_", ""));
                    case "--runs" -> runs = Integer.parseInt(value(args, ++i, a));
                    case "--threads" -> threads = Integer.parseInt(value(args, ++i, a));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                    case "--age-scope" -> scope = switch (value(args, ++i, a)) {
                        case "everyone" -> AgeScope.EVERYONE;
                        case "share4" -> AgeScope.MEN_60_WOMEN_50;
                        default -> throw usage("--age-scope is everyone or share4");
                    };
                    case "--parts" -> {
                        Set<Part> chosen = new LinkedHashSet<>();
                        for (String p : value(args, ++i, a).split(",")) {
                            try {
                                chosen.add(Part.valueOf(p.trim().toUpperCase(Locale.ROOT)));
                            }
                            catch (IllegalArgumentException e) {
                                throw usage("unknown part " + p + "; parts are " + Arrays.toString(Part.values()));
                            }
                        }
                        parts = chosen.isEmpty() ? parts : EnumSet.copyOf(chosen);
                    }
                    default -> throw usage("unknown argument " + a);
                }
            }
            if (rows < 1 || xlsxRows < 1 || runs < 1 || threads < 1) {
                throw usage("sizes, runs and threads must be positive");
            }
            return new Options(out, rows, xlsxRows, residents, runs, threads, seed, scope, parts, explain);
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) {
                throw usage(name + " needs a value");
            }
            return args[i];
        }

        private static IllegalArgumentException usage(String message) {
            return new IllegalArgumentException(message + "\nusage: IngestionBench [--smoke] [--out DIR] [--rows N]"
                    + " [--xlsx-rows N] [--residents N] [--runs N] [--threads N] [--seed N]"
                    + " [--age-scope everyone|share4] [--parts prepare,csv,gbk,xlsx,sql] [--explain]");
        }
    }
}
