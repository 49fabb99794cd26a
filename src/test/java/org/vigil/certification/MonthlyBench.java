package org.vigil.certification;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.LoggerFactory;
import org.vigil.simulator.BenchmarkWorkload;
import picocli.CommandLine;

/**
 * The monthly-verification benchmark (the workload document, "What is measured"), not a test: from
 * the month's two CSV files to the three lists and their counts, by DuckDB, by PostgreSQL and, with
 * {@code --vigil}, by Vigil's own {@code vigil bench monthly}; medians of wall time and of peak
 * memory, the ratios, and a check that every contender wrote the same lists.
 *
 * <p>It writes the workload ({@link BenchmarkWorkload}) into {@code --dir} unless that folder
 * already holds it, then runs every contender {@code --runs} times, each run in a fresh JVM of its
 * own started from this one's class path (with {@code --jvm-options}), so that one contender's
 * memory never counts against another's and each process's peak RSS is that run's. Contenders
 * take turns at going first from run to run.
 *
 * <ul>
 * <li><b>duckdb</b>: in-process DuckDB (JDBC, in-memory database), the decision as one statement
 * straight over {@code read_csv} of both files into a temporary table, then {@code COPY} of the
 * list and of the counts. <b>duckdb-tables</b>: the files first loaded into tables, then the same
 * statement over the tables.
 * <li><b>postgres</b>: an embedded PostgreSQL from the binaries and with the server settings the
 * runtime module's embedded database uses (io.zonky; shared_buffers 256MB, fsync off), a fresh
 * cluster per run (started before the clock runs); in one transaction: both files {@code COPY}ed into unlogged
 * tables with {@code FREEZE}, {@code ANALYZE}, the decision as one {@code CREATE TABLE AS}, then
 * the list and the counts {@code COPY}ed out. Batch settings for the transaction: {@code work_mem}
 * 512MB, as many parallel workers per gather as processors, no JIT.
 * <li><b>vigil</b> (with {@code --vigil}): {@code vigil bench monthly --recipients FILE --evidence
 * FILE --as-of DATE --out DIR} in-process through {@code VigilCli.commandLine()}; skipped with a
 * message while the command does not exist. Its embedded database, if it starts one, is put into
 * the run's folder so that its processes can be found and measured.
 * </ul>
 *
 * <p>What is measured. <b>Wall time</b>: from the first statement on the files (DuckDB: opening
 * the database; PostgreSQL: creating the tables; Vigil: calling the command) until both output
 * files are written; JVM start, the DuckDB library's first load and the PostgreSQL cluster's start
 * are not in it. <b>JVM peak RSS</b>: {@code VmHWM} of the run's JVM from {@code /proc/self/status}
 * at the end (the whole process: DuckDB's native memory, the heap, the JVM itself, about 40–60 MB
 * for an idle JVM). <b>PostgreSQL peak RSS</b>: for the postmaster and every process below it
 * (backend, parallel workers, background processes), sampled every 20 ms, the largest {@code VmHWM}
 * each reached, summed. That counts the shared buffers a process touched in every process that
 * touched them, so it overstates; the harness therefore also reports the largest sampled
 * {@code Σ RssAnon + max(RssShmem + RssFile)}, which counts shared memory once (but can miss a
 * peak between two samples). <b>Peak memory, all processes</b> = JVM peak RSS + PostgreSQL's
 * {@code VmHWM} sum.
 *
 * <p>Arguments (all optional): {@code --dir DIR} (default {@code target-bench/workload-1m} for
 * the default sizes, else {@code target-bench/workload-<R>-<E>}), {@code --recipients N}
 * (1,000,000), {@code --evidence N} (10,000,000), {@code --seed N} (1), {@code --as-of
 * yyyy-MM-dd} (2026-11-20), {@code --runs N} (3), {@code --contenders} a comma-separated choice of
 * {@code duckdb,duckdb-tables,postgres} (all), {@code --vigil}, {@code --jvm-options "…"} for the
 * contenders' JVMs. Each contender's last {@code result.csv} and {@code summary.csv} stay in
 * {@code DIR/results/<contender>/}. The exit code is 0 when every contender wrote the same lists.
 *
 * <p>To run it on two cores (after the dependencies are cached):
 * <pre>
 * ./mvnw -q -B -o -Dvigil.buildDir=target-bench test-compile
 * ./mvnw -q -o -Dvigil.buildDir=target-bench dependency:build-classpath \
 *     -Dmdep.outputFile=target-bench/cp.txt -Dmdep.includeScope=test
 * CP="$(cat target-bench/cp.txt):target-bench/test-classes:target-bench/classes"
 * taskset -c 0,1 java -cp "$CP" org.vigil.certification.MonthlyBench --dir target-bench/workload-1m
 * </pre>
 */
public final class MonthlyBench {

    static final String RESULT_FILE = "result.csv";
    static final String SUMMARY_FILE = "summary.csv";
    static final String RESULT_HEADER = "id_number,district,benefit_kind,status,reason,new_last_certified,due_date,bucket";
    static final String SUMMARY_HEADER = "dim,key,n";
    static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 20);
    private static final String MEASURED = "MEASURED";
    private static final long SAMPLE_MILLIS = 20;

    /** Who computes the lists. */
    enum Contender {
        DUCKDB("duckdb"), DUCKDB_TABLES("duckdb-tables"), POSTGRES("postgres"), VIGIL("vigil");

        final String label;

        Contender(String label) {
            this.label = label;
        }

        static Contender of(String label) {
            for (Contender c : values()) {
                if (c.label.equals(label)) {
                    return c;
                }
            }
            throw usage("unknown contender " + label + "; contenders are duckdb, duckdb-tables, postgres, vigil");
        }
    }

    /** One run of one contender, as its JVM reported it; memory in bytes, steps in seconds. */
    record Measurement(Contender contender, int run, double seconds, long jvmPeak, long serverHwmSum, long serverSampled,
            int serverProcesses, Map<String, Double> steps) {

        long allProcesses() {
            return jvmPeak + serverHwmSum;
        }
    }

    private MonthlyBench() {
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
        if (o.child != null) {
            System.exit(child(o));
            return;
        }
        printMachine(o);
        BenchmarkWorkload workload = new BenchmarkWorkload(o.recipients, o.evidence, o.seed, o.asOf);
        if (workload.isWrittenIn(o.dir)) {
            System.out.printf(Locale.ROOT, "workload already in %s (%,d + %,d bytes)%n", o.dir,
                    Files.size(o.dir.resolve(BenchmarkWorkload.RECIPIENTS_FILE)),
                    Files.size(o.dir.resolve(BenchmarkWorkload.EVIDENCE_FILE)));
        }
        else {
            System.out.println("generating the workload into " + o.dir + " ...");
            System.out.println("generated " + workload.writeTo(o.dir).describe());
        }
        List<Contender> contenders = new ArrayList<>(o.contenders);
        if (o.vigil) {
            Optional<String> missing = vigilMonthlyMissing();
            if (missing.isPresent()) {
                System.out.println("vigil: skipped, " + missing.get());
            }
            else {
                contenders.add(Contender.VIGIL);
            }
        }
        List<Measurement> measurements = new ArrayList<>();
        for (int run = 1; run <= o.runs; run++) {
            for (int k = 0; k < contenders.size(); k++) {
                Contender c = contenders.get((k + run - 1) % contenders.size());
                Measurement m = spawn(o, c, run);
                if (m != null) {
                    measurements.add(m);
                }
            }
        }
        boolean same = compareAll(o, contenders);
        report(o, contenders, measurements);
        System.exit(same ? 0 : 1);
    }

    // ------------------------------------------------------------------ the parent: runs, comparison, report

    /**
     * Vigil's command tree as {@code org.vigil.cli.VigilCli.commandLine()} builds it, looked up by
     * name: the cli module depends on certification, so this class (in certification's package)
     * drives the command as an outside caller would, without the compile-time dependency that would
     * close a cycle between the modules.
     */
    static CommandLine vigilCommandLine() {
        try {
            return (CommandLine) MethodHandles.publicLookup()
                    .findStatic(Class.forName("org.vigil.cli.VigilCli"), "commandLine", MethodType.methodType(CommandLine.class))
                    .invoke();
        }
        catch (Throwable e) {
            throw new IllegalStateException("cannot build the vigil command line: " + e, e);
        }
    }

    /** Why {@code vigil bench monthly} cannot run, if it cannot. */
    static Optional<String> vigilMonthlyMissing() {
        CommandLine cli = vigilCommandLine();
        CommandLine bench = cli.getSubcommands().get("bench");
        if (bench == null) {
            return Optional.of("the vigil command has no 'bench' subcommand yet (BenchCommand is not listed in VigilCli)");
        }
        if (!bench.getSubcommands().containsKey("monthly")) {
            return Optional.of("'vigil bench' has no 'monthly' subcommand yet");
        }
        return Optional.empty();
    }

    private static Path resultsOf(Options o, Contender c) {
        return o.dir.resolve("results").resolve(c.label);
    }

    /** Runs one contender once in a JVM of its own; null when the run failed (its output says why). */
    private static Measurement spawn(Options o, Contender c, int run) throws IOException, InterruptedException {
        Path out = resultsOf(o, c);
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve(RESULT_FILE));
        Files.deleteIfExists(out.resolve(SUMMARY_FILE));
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(o.jvmOptions);
        if (c == Contender.VIGIL) {
            // Vigil's embedded database (if its command starts one) lives in the run's folder, where its
            // processes are found and measured, and is thrown away afterwards
            command.add("-Dvigil.db.embedded.dir=" + out.resolve("postgres").toAbsolutePath());
            command.add("-Dvigil.db.embedded.clean=true");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MonthlyBench.class.getName(), "--child",
                c.label, "--dir", o.dir.toString(), "--as-of", o.asOf.toString(), "--out", out.toString()));
        System.out.printf(Locale.ROOT, "%s run %d ...%n", c.label, run);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Measurement m = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(MEASURED + " ")) {
                    m = parseMeasurement(c, run, line);
                }
                else {
                    System.out.println("  " + line);
                }
            }
        }
        int exit = p.waitFor();
        if (exit != 0 || m == null) {
            System.out.printf(Locale.ROOT, "%s run %d FAILED (exit code %d)%n", c.label, run, exit);
            return null;
        }
        System.out.printf(Locale.ROOT, "%s run %d: %.2f s; JVM peak RSS %,d MiB%s; steps %s%n", c.label, run, m.seconds(),
                m.jvmPeak() >> 20, m.serverProcesses() == 0 ? ""
                        : String.format(Locale.ROOT, "; PostgreSQL: %d processes, VmHWM sum %,d MiB, sampled %,d MiB",
                                m.serverProcesses(), m.serverHwmSum() >> 20, m.serverSampled() >> 20),
                formatSteps(m.steps()));
        return m;
    }

    private static Measurement parseMeasurement(Contender c, int run, String line) {
        Map<String, String> values = new HashMap<>();
        for (String part : line.substring(MEASURED.length() + 1).split(" ")) {
            int eq = part.indexOf('=');
            values.put(part.substring(0, eq), part.substring(eq + 1));
        }
        Map<String, Double> steps = new LinkedHashMap<>();
        for (String part : line.split(" ")) {
            if (part.startsWith("step.")) {
                int eq = part.indexOf('=');
                steps.put(part.substring(5, eq), Double.parseDouble(part.substring(eq + 1)));
            }
        }
        return new Measurement(c, run, Double.parseDouble(values.get("seconds")), Long.parseLong(values.get("jvm_peak")),
                Long.parseLong(values.get("server_hwm_sum")), Long.parseLong(values.get("server_sampled")),
                Integer.parseInt(values.get("server_processes")), steps);
    }

    /** Compares every contender's last lists with the first contender's; true when all are the same. */
    private static boolean compareAll(Options o, List<Contender> contenders) throws SQLException, IOException {
        List<Contender> done = contenders.stream().filter(c -> Files.isRegularFile(resultsOf(o, c).resolve(RESULT_FILE)))
                .toList();
        if (done.size() < contenders.size()) {
            System.out.println("\nsome contenders wrote no result; they are not compared");
        }
        if (done.size() < 2) {
            return done.size() == contenders.size();
        }
        Contender reference = done.get(0);
        boolean same = done.size() == contenders.size();
        for (Contender c : done.subList(1, done.size())) {
            Comparison cmp = Comparison.of(resultsOf(o, reference), resultsOf(o, c));
            System.out.printf(Locale.ROOT, "%ncompare %s with %s: %s%n", c.label, reference.label, cmp.describe());
            same &= cmp.identical();
        }
        return same;
    }

    private static void report(Options o, List<Contender> contenders, List<Measurement> all) {
        System.out.println();
        System.out.printf(Locale.ROOT, "monthly verification, %,d recipients / %,d evidence rows, as of %s; medians of %d"
                + " run(s); %d processor(s)%n%n", o.recipients, o.evidence, o.asOf, o.runs,
                Runtime.getRuntime().availableProcessors());
        Measurement vigil = median(all, Contender.VIGIL);
        Measurement duck = median(all, Contender.DUCKDB);
        StringBuilder head = new StringBuilder("| contender | wall time, median (range) | JVM peak RSS | PostgreSQL peak RSS"
                + " (VmHWM sum) | PostgreSQL (sampled, shared once) | peak memory, all processes | time ÷ duckdb"
                + " | memory ÷ duckdb |");
        StringBuilder rule = new StringBuilder("|---|---|---|---|---|---|---|---|");
        if (vigil != null) {
            head.append(" Vigil time ÷ this | Vigil memory ÷ this |");
            rule.append("---|---|");
        }
        System.out.println(head);
        System.out.println(rule);
        for (Contender c : contenders) {
            Measurement m = median(all, c);
            if (m == null) {
                System.out.printf(Locale.ROOT, "| %s | failed | | | | | | |%n", c.label);
                continue;
            }
            double[] times = all.stream().filter(x -> x.contender() == c).mapToDouble(Measurement::seconds).sorted()
                    .toArray();
            StringBuilder row = new StringBuilder();
            row.append(String.format(Locale.ROOT, "| %s | %.2f s (%.2f–%.2f) | %s | %s | %s | %s | %s | %s |", c.label,
                    m.seconds(), times[0], times[times.length - 1], mib(m.jvmPeak()),
                    m.serverProcesses() == 0 ? "—" : mib(m.serverHwmSum()),
                    m.serverProcesses() == 0 ? "—" : mib(m.serverSampled()), mib(m.allProcesses()),
                    duck == null ? "—" : ratio(m.seconds(), duck.seconds()),
                    duck == null ? "—" : ratio(m.allProcesses(), duck.allProcesses())));
            if (vigil != null) {
                row.append(String.format(Locale.ROOT, " %s | %s |", ratio(vigil.seconds(), m.seconds()),
                        ratio(vigil.allProcesses(), m.allProcesses())));
            }
            System.out.println(row);
        }
        System.out.println();
        for (Contender c : contenders) {
            Optional<Measurement> any = all.stream().filter(x -> x.contender() == c).findFirst();
            if (any.isPresent() && !any.get().steps().isEmpty()) {
                Map<String, Double> steps = new LinkedHashMap<>();
                for (String step : any.get().steps().keySet()) {
                    steps.put(step, medianOf(all.stream().filter(x -> x.contender() == c && x.steps().containsKey(step))
                            .mapToDouble(x -> x.steps().get(step)).toArray()));
                }
                System.out.printf(Locale.ROOT, "%s steps (medians): %s%n", c.label, formatSteps(steps));
            }
        }
    }

    /**
     * The medians of a contender's runs, each figure on its own (the run with the median wall time
     * need not have the median memory).
     */
    private static Measurement median(List<Measurement> all, Contender c) {
        List<Measurement> of = all.stream().filter(m -> m.contender() == c).toList();
        if (of.isEmpty()) {
            return null;
        }
        double seconds = medianOf(of.stream().mapToDouble(Measurement::seconds).toArray());
        long jvm = (long) medianOf(of.stream().mapToDouble(Measurement::jvmPeak).toArray());
        long hwm = (long) medianOf(of.stream().mapToDouble(Measurement::serverHwmSum).toArray());
        long sampled = (long) medianOf(of.stream().mapToDouble(Measurement::serverSampled).toArray());
        return new Measurement(c, 0, seconds, jvm, hwm, sampled, of.get(0).serverProcesses(), Map.of());
    }

    private static double medianOf(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
    }

    private static String ratio(double a, double b) {
        return b <= 0 ? "—" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    private static String formatSteps(Map<String, Double> steps) {
        StringBuilder sb = new StringBuilder();
        steps.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.2f s", v)));
        return sb.toString();
    }

    private static void printMachine(Options o) {
        String cpu = firstLineWith(Path.of("/proc/cpuinfo"), "model name");
        String affinity = firstLineWith(Path.of("/proc/self/status"), "Cpus_allowed_list");
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        System.out.printf(Locale.ROOT, "java %s (%s), %d processor(s) available (%s; CPUs allowed: %s), %,d MiB memory%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), cpu, affinity, memory >> 20);
        try {
            System.out.println("DuckDB " + DuckDbBaseline.version());
        }
        catch (SQLException e) {
            System.out.println("DuckDB: " + e.getMessage());
        }
        System.out.printf(Locale.ROOT, "workload %,d recipients / %,d evidence rows, seed %d, as of %s, in %s; %d run(s);"
                        + " contenders %s%s; contenders' JVM options %s%n", o.recipients, o.evidence, o.seed, o.asOf, o.dir,
                o.runs, o.contenders.stream().map(c -> c.label).toList(), o.vigil ? " + vigil" : "", o.jvmOptions);
    }

    private static String firstLineWith(Path file, String prefix) {
        if (!Files.isReadable(file)) {
            return "";
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(prefix)).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("");
        }
        catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    // ------------------------------------------------------------------ a contender's JVM

    private static int child(Options o) throws Exception {
        // the embedded PostgreSQL's and Spring's libraries log through logback, whose default is DEBUG
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path recipients = o.dir.resolve(BenchmarkWorkload.RECIPIENTS_FILE);
        Path evidence = o.dir.resolve(BenchmarkWorkload.EVIDENCE_FILE);
        Map<String, Double> steps = new LinkedHashMap<>();
        double seconds;
        ServerMemory server = null;
        switch (o.child) {
            case DUCKDB, DUCKDB_TABLES -> {
                // loads and starts the native library, which a resident analyst's session has done long before
                try (Connection warm = DriverManager.getConnection("jdbc:duckdb:")) {
                    warm.isValid(1);
                }
                long t0 = System.nanoTime();
                DuckDbBaseline.run(recipients, evidence, o.asOf, o.out, o.child == Contender.DUCKDB_TABLES, steps);
                seconds = secondsSince(t0);
            }
            case POSTGRES -> {
                Path data = Files.createTempDirectory(o.out, "postgres-");
                try (EmbeddedPostgres pg = startPostgres(data);
                     Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"))) {
                    System.out.println(PostgresBaseline.describe(c));
                    server = new ServerMemory(data);
                    long t0 = System.nanoTime();
                    PostgresBaseline.run(c, recipients, evidence, o.asOf, o.out, steps);
                    seconds = secondsSince(t0);
                    server.close();
                }
            }
            case VIGIL -> {
                Optional<String> missing = vigilMonthlyMissing();
                if (missing.isPresent()) {
                    System.err.println("vigil: " + missing.get());
                    return 1;
                }
                server = new ServerMemory(Path.of(System.getProperty("vigil.db.embedded.dir", o.out.resolve("postgres")
                        .toString())));
                long t0 = System.nanoTime();
                int exit = vigilCommandLine().execute("bench", "monthly", "--recipients", recipients.toString(),
                        "--evidence", evidence.toString(), "--as-of", o.asOf.toString(), "--out", o.out.toString());
                seconds = secondsSince(t0);
                server.close();
                if (exit != 0) {
                    System.err.println("vigil bench monthly exited with code " + exit);
                    return 1;
                }
            }
            default -> throw new IllegalStateException(o.child.label);
        }
        StringBuilder line = new StringBuilder(MEASURED);
        line.append(String.format(Locale.ROOT, " seconds=%.4f jvm_peak=%d server_hwm_sum=%d server_sampled=%d"
                        + " server_processes=%d", seconds, ServerMemory.selfPeak(), server == null ? 0 : server.hwmSum(),
                server == null ? 0 : server.sampledPeak(), server == null ? 0 : server.processes()));
        steps.forEach((name, s) -> line.append(String.format(Locale.ROOT, " step.%s=%.4f", name, s)));
        System.out.println(line);
        return 0;
    }

    /**
     * A throw-away cluster configured as the runtime's embedded database is (its settings are not
     * shared code: that class is internal to the runtime module); the run's batch settings are
     * then set per transaction by {@link PostgresBaseline}.
     */
    private static EmbeddedPostgres startPostgres(Path data) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "32MB")
                .setServerConfig("maintenance_work_mem", "256MB")
                .setServerConfig("max_wal_size", "2GB")
                .start();
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    // ------------------------------------------------------------------ DuckDB

    /**
     * The decision in DuckDB. Every file path is a bound parameter ({@code read_csv(?)},
     * {@code COPY … TO ?}), so no path is ever spliced into SQL text; the as-of date is bound too.
     */
    static final class DuckDbBaseline {

        private static final String READ_RECIPIENTS = """
                read_csv(?, header = true, auto_detect = false, delim = ',', quote = '"', columns = {
                    'id_number': 'VARCHAR', 'benefit_kind': 'VARCHAR', 'birth_date': 'DATE', 'last_certified': 'DATE',
                    'period_months': 'INTEGER', 'region_code': 'VARCHAR', 'monthly_amount': 'DECIMAL(10,2)'})""";
        private static final String READ_EVIDENCE = """
                read_csv(?, header = true, auto_detect = false, delim = ',', quote = '"', columns = {
                    'id_number': 'VARCHAR', 'kind': 'VARCHAR', 'event_date': 'DATE', 'end_date': 'DATE',
                    'source': 'VARCHAR'})""";
        /**
         * The decision after the CTEs {@code params}, {@code recipients} and {@code evidence}. Only
         * evidence on or before AS_OF is read at all, which makes later deaths, custody and proof of
         * life not count; the latest proof of life is the greatest (day, kind) pair, so that ties on
         * the day go to the greatest kind name.
         */
        private static final String DECISION = """
                signs as (
                    select e.id_number,
                           bool_or(e.kind = 'death') as dead,
                           bool_or(e.kind = 'custody' and (e.end_date is null or e.end_date >= p.as_of)) as in_custody,
                           max({'day': e.event_date, 'kind': e.kind})
                               filter (where e.kind not in ('death', 'custody') and e.event_date > r.last_certified) as alive
                      from evidence e
                      join recipients r on r.id_number = e.id_number
                      cross join params p
                     where e.event_date <= p.as_of
                     group by e.id_number
                ),
                decided as (
                    select r.id_number, left(r.region_code, 6) as district, r.benefit_kind, r.last_certified,
                           r.period_months, p.as_of, coalesce(s.dead, false) as dead,
                           coalesce(s.in_custody, false) as in_custody, s.alive,
                           r.benefit_kind = 'dependent' and r.birth_date + interval 16 year > p.as_of as minor
                      from recipients r
                      cross join params p
                      left join signs s on s.id_number = r.id_number
                ),
                listed as (
                    select id_number, district, benefit_kind, as_of,
                           case when dead or in_custody then 'disqualified'
                                when alive is not null or minor then 'qualified'
                                else 'pending' end as status,
                           case when dead then 'death'
                                when in_custody then 'custody'
                                when alive is not null then alive.kind
                                when minor then 'minor_dependent' end as reason,
                           case when not (dead or in_custody) then alive.day end as new_last_certified,
                           case when not (dead or in_custody or alive is not null or minor)
                                then (last_certified + to_months(period_months))::date end as due_date
                      from decided
                )
                select id_number, district, benefit_kind, status, reason, new_last_certified, due_date,
                       case when due_date < as_of then 'overdue'
                            when due_date <= as_of + interval 1 month then '1m'
                            when due_date <= as_of + interval 2 month then '2m'
                            when due_date <= as_of + interval 3 month then '3m'
                            when due_date is not null then 'later' end as bucket
                  from listed""";
        private static final String DECISION_ON_FILES = "create temp table decision as\n"
                + "with params as (select ?::date as as_of),\n"
                + "recipients as (select * from " + READ_RECIPIENTS + "),\n"
                + "evidence as (select * from " + READ_EVIDENCE + "),\n"
                + DECISION;
        private static final String DECISION_ON_TABLES = "create temp table decision as\n"
                + "with params as (select ?::date as as_of),\n"
                + DECISION;
        private static final String WRITE_RESULT = """
                copy (select * from decision order by id_number) to ? (format csv, header true)""";
        private static final String WRITE_SUMMARY = """
                copy (
                    select 'status' as dim, status as key, count(*) as n from decision group by status
                    union all
                    select 'district_status', district || '/' || status, count(*) from decision group by district, status
                    union all
                    select 'pending_bucket', bucket, count(*) from decision where status = 'pending' group by bucket
                    order by dim, key
                ) to ? (format csv, header true)""";

        private DuckDbBaseline() {
        }

        /**
         * Writes {@code result.csv} and {@code summary.csv} into {@code out}. With {@code loadTables}
         * the files are loaded into tables first; else the decision reads them directly.
         */
        static void run(Path recipients, Path evidence, LocalDate asOf, Path out, boolean loadTables,
                Map<String, Double> steps) throws SQLException {
            Properties config = new Properties();
            // spill (if at all) next to the results, not into whatever folder the JVM was started in
            config.setProperty("temp_directory", out.resolve("duckdb.tmp").toAbsolutePath().toString());
            config.setProperty("threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
            long t = System.nanoTime();
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:", config)) {
                if (loadTables) {
                    execute(c, "create table recipients as select * from " + READ_RECIPIENTS, recipients.toString());
                    execute(c, "create table evidence as select * from " + READ_EVIDENCE, evidence.toString());
                    t = step(steps, "load", t);
                    execute(c, DECISION_ON_TABLES, asOf);
                }
                else {
                    execute(c, DECISION_ON_FILES, asOf, recipients.toString(), evidence.toString());
                }
                t = step(steps, "decide", t);
                execute(c, WRITE_RESULT, out.resolve(RESULT_FILE).toString());
                execute(c, WRITE_SUMMARY, out.resolve(SUMMARY_FILE).toString());
                step(steps, "write", t);
            }
        }

        private static void execute(Connection c, String sql, Object... parameters) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int k = 0; k < parameters.length; k++) {
                    s.setObject(k + 1, parameters[k]);
                }
                s.execute();
            }
        }

        /** DuckDB's version, for the report. */
        static String version() throws SQLException {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select version()")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    // ------------------------------------------------------------------ PostgreSQL

    /**
     * The decision in PostgreSQL, in one transaction on the given connection (so that
     * {@code COPY … FREEZE} may skip the later hint-bit writes and every setting is local to it):
     * unlogged tables in schema {@value #SCHEMA}, dropped at the end. The files go through
     * {@code COPY FROM STDIN} and the results through {@code COPY TO STDOUT}, so no path appears in
     * SQL and the server need not see the files; the as-of date is a bound parameter of the
     * decision, and settings are set with {@code set_config} and bound values.
     */
    static final class PostgresBaseline {

        static final String SCHEMA = "monthly_bench";

        private static final String[] SCHEMA_SETUP = {
            "drop schema if exists monthly_bench cascade",
            "create schema monthly_bench",
        };
        private static final String CREATE_TABLES = """
                create unlogged table monthly_bench.recipients (
                    id_number text not null, benefit_kind text not null, birth_date date not null,
                    last_certified date not null, period_months integer, region_code text not null,
                    monthly_amount numeric(10, 2) not null);
                create unlogged table monthly_bench.evidence (
                    id_number text not null, kind text not null, event_date date not null, end_date date, source text)""";
        /**
         * As the DuckDB statement. PostgreSQL has no max over a (day, kind) pair, so the latest proof
         * of life is the greatest {@code 'yyyy-mm-dd kind'} text, compared bytewise ({@code "C"}): ISO
         * dates sort as text, and equal days then sort by kind name. {@code params} is not
         * materialized: a materialized CTE is scanned by the leader only, which would keep the
         * whole statement off the parallel workers; inlined, the bound date is folded into a constant.
         */
        private static final String DECISION = """
                create unlogged table monthly_bench.decision as
                with params as not materialized (select ?::date as as_of),
                signs as (
                    select e.id_number,
                           bool_or(e.kind = 'death') as dead,
                           bool_or(e.kind = 'custody' and (e.end_date is null or e.end_date >= p.as_of)) as in_custody,
                           max((e.event_date::text || ' ' || e.kind) collate "C")
                               filter (where e.kind not in ('death', 'custody') and e.event_date > r.last_certified) as alive
                      from monthly_bench.evidence e
                      join monthly_bench.recipients r on r.id_number = e.id_number
                      cross join params p
                     where e.event_date <= p.as_of
                     group by e.id_number
                ),
                decided as (
                    select r.id_number, left(r.region_code, 6) as district, r.benefit_kind, r.last_certified,
                           r.period_months, p.as_of, coalesce(s.dead, false) as dead,
                           coalesce(s.in_custody, false) as in_custody, s.alive,
                           r.benefit_kind = 'dependent' and r.birth_date + interval '16 years' > p.as_of as minor
                      from monthly_bench.recipients r
                      cross join params p
                      left join signs s on s.id_number = r.id_number
                ),
                listed as (
                    select id_number, district, benefit_kind, as_of,
                           case when dead or in_custody then 'disqualified'
                                when alive is not null or minor then 'qualified'
                                else 'pending' end as status,
                           case when dead then 'death'
                                when in_custody then 'custody'
                                when alive is not null then split_part(alive, ' ', 2)
                                when minor then 'minor_dependent' end as reason,
                           case when not (dead or in_custody) then split_part(alive, ' ', 1)::date end as new_last_certified,
                           case when not (dead or in_custody or alive is not null or minor)
                                then (last_certified + make_interval(months => period_months))::date end as due_date
                      from decided
                )
                select id_number, district, benefit_kind, status, reason, new_last_certified, due_date,
                       case when due_date < as_of then 'overdue'
                            when due_date <= as_of + interval '1 month' then '1m'
                            when due_date <= as_of + interval '2 months' then '2m'
                            when due_date <= as_of + interval '3 months' then '3m'
                            when due_date is not null then 'later' end as bucket
                  from listed""";
        private static final String WRITE_RESULT = """
                copy (select * from monthly_bench.decision order by id_number collate "C")
                  to stdout with (format csv, header true)""";
        private static final String WRITE_SUMMARY = """
                copy (
                    select dim, key, n from (
                        select 'status' as dim, status as key, count(*) as n from monthly_bench.decision group by status
                        union all
                        select 'district_status', district || '/' || status, count(*)
                          from monthly_bench.decision group by district, status
                        union all
                        select 'pending_bucket', bucket, count(*) from monthly_bench.decision where status = 'pending'
                         group by bucket) counts
                     order by dim collate "C", key collate "C"
                ) to stdout with (format csv, header true)""";

        private PostgresBaseline() {
        }

        /** Writes {@code result.csv} and {@code summary.csv} into {@code out}; leaves the connection as it found it. */
        static void run(Connection c, Path recipients, Path evidence, LocalDate asOf, Path out, Map<String, Double> steps)
                throws SQLException, IOException {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                long t = System.nanoTime();
                Map<String, String> settings = new LinkedHashMap<>();
                // a batch on its own: memory for the hash join and the aggregate, every processor, and no
                // JIT (its compilation costs more than it saves on a statement that runs once)
                settings.put("work_mem", "512MB");
                settings.put("max_parallel_workers_per_gather", Integer.toString(Runtime.getRuntime().availableProcessors()));
                settings.put("jit", "off");
                // the text form of a date is part of the latest-proof-of-life key of the decision
                settings.put("datestyle", "ISO, YMD");
                try (PreparedStatement p = c.prepareStatement("select set_config(?, ?, true)")) {
                    for (Map.Entry<String, String> setting : settings.entrySet()) {
                        p.setString(1, setting.getKey());
                        p.setString(2, setting.getValue());
                        p.execute();
                    }
                }
                try (Statement s = c.createStatement()) {
                    for (String sql : SCHEMA_SETUP) {
                        s.execute(sql);
                    }
                    s.execute(CREATE_TABLES);
                }
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                copyIn(copy, "copy monthly_bench.recipients from stdin with (format csv, header true, freeze true)",
                        recipients);
                copyIn(copy, "copy monthly_bench.evidence from stdin with (format csv, header true, freeze true)",
                        evidence);
                t = step(steps, "copy", t);
                try (Statement s = c.createStatement()) {
                    s.execute("analyze monthly_bench.recipients");
                    s.execute("analyze monthly_bench.evidence");
                }
                t = step(steps, "analyze", t);
                try (PreparedStatement s = c.prepareStatement(DECISION)) {
                    s.setObject(1, asOf);
                    s.execute();
                }
                t = step(steps, "decide", t);
                copyOut(copy, WRITE_RESULT, out.resolve(RESULT_FILE));
                copyOut(copy, WRITE_SUMMARY, out.resolve(SUMMARY_FILE));
                step(steps, "write", t);
                try (Statement s = c.createStatement()) {
                    s.execute("drop schema monthly_bench cascade");
                }
                c.commit();
            }
            catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            finally {
                c.setAutoCommit(autoCommit);
            }
        }

        /** The server's version and the settings the run depends on, for the report. */
        static String describe(Connection c) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    select current_setting('server_version'), current_setting('shared_buffers'),
                           current_setting('max_worker_processes'), current_setting('fsync'), current_setting('lc_collate')""")) {
                rs.next();
                return String.format(Locale.ROOT, "PostgreSQL %s (embedded): shared_buffers %s, max_worker_processes %s,"
                        + " fsync %s, lc_collate %s", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5));
            }
        }

        private static void copyIn(CopyManager copy, String sql, Path file) throws SQLException, IOException {
            try (InputStream in = Files.newInputStream(file)) {
                copy.copyIn(sql, in, 1 << 20);
            }
        }

        private static void copyOut(CopyManager copy, String sql, Path file) throws SQLException, IOException {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                copy.copyOut(sql, out);
            }
        }
    }

    private static long step(Map<String, Double> steps, String name, long startNanos) {
        long now = System.nanoTime();
        steps.merge(name, (now - startNanos) / 1e9, Double::sum);
        return now;
    }

    // ------------------------------------------------------------------ comparing results

    /**
     * How two contenders' lists differ: {@code result.csv} joined on the ID (so row order does not
     * matter; DuckDB reads both, every field as text, an empty field and an empty quoted field alike),
     * {@code summary.csv} as sets of (dim, key, n) where a missing row counts as n = 0.
     */
    record Comparison(boolean headersMatch, long expectedRows, long actualRows, long duplicateIds, long missing,
            long extra, long different, List<String> firstDifferences, List<String> summaryDifferences) {

        static final int SHOWN = 10;

        boolean identical() {
            return headersMatch && missing == 0 && extra == 0 && different == 0 && duplicateIds == 0
                    && summaryDifferences.isEmpty();
        }

        String describe() {
            if (identical()) {
                return String.format(Locale.ROOT, "identical (%,d rows; summary the same)", expectedRows);
            }
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "DIFFERENT: %s%,d rows against %,d; %,d IDs missing, %,d extra, %,d repeated, %,d rows differ",
                    headersMatch ? "" : "headers differ; ", actualRows, expectedRows, missing, extra, duplicateIds,
                    different));
            firstDifferences.forEach(d -> sb.append("\n  ").append(d));
            if (!summaryDifferences.isEmpty()) {
                sb.append("\n  summary differs (").append(summaryDifferences.size()).append(" keys):");
                summaryDifferences.stream().limit(SHOWN).forEach(d -> sb.append("\n    ").append(d));
            }
            return sb.toString();
        }

        private static final String READ = """
                read_csv(?, header = true, auto_detect = false, delim = ',', quote = '"', columns = {
                    'id_number': 'VARCHAR', 'district': 'VARCHAR', 'benefit_kind': 'VARCHAR', 'status': 'VARCHAR',
                    'reason': 'VARCHAR', 'new_last_certified': 'VARCHAR', 'due_date': 'VARCHAR', 'bucket': 'VARCHAR'})""";
        private static final String JOINED = "with a as (select * from " + READ + "), b as (select * from " + READ + "),\n"
                + """
                j as (
                    select coalesce(a.id_number, b.id_number) as id, a.id_number is null as extra,
                           b.id_number is null as missing,
                           [coalesce(a.district, ''), coalesce(a.benefit_kind, ''), coalesce(a.status, ''),
                            coalesce(a.reason, ''), coalesce(a.new_last_certified, ''), coalesce(a.due_date, ''),
                            coalesce(a.bucket, '')] as expected,
                           [coalesce(b.district, ''), coalesce(b.benefit_kind, ''), coalesce(b.status, ''),
                            coalesce(b.reason, ''), coalesce(b.new_last_certified, ''), coalesce(b.due_date, ''),
                            coalesce(b.bucket, '')] as actual
                      from a full join b on a.id_number = b.id_number
                )
                """;
        private static final String COUNTS = JOINED + """
                select (select count(*) from a), (select count(*) from b),
                       (select count(*) - count(distinct id_number) from a) + (select count(*) - count(distinct id_number) from b),
                       count(*) filter (where missing), count(*) filter (where extra),
                       count(*) filter (where not missing and not extra and expected <> actual)
                  from j""";
        private static final String FIRST = JOINED + """
                select id, missing, extra, array_to_string(expected, ','), array_to_string(actual, ',')
                  from j where missing or extra or expected <> actual order by id limit 10""";

        /** Compares {@code actualDir}'s lists with {@code expectedDir}'s. */
        static Comparison of(Path expectedDir, Path actualDir) throws SQLException, IOException {
            Path expected = expectedDir.resolve(RESULT_FILE);
            Path actual = actualDir.resolve(RESULT_FILE);
            boolean headers = RESULT_HEADER.equals(firstLine(expected)) && RESULT_HEADER.equals(firstLine(actual))
                    && SUMMARY_HEADER.equals(firstLine(expectedDir.resolve(SUMMARY_FILE)))
                    && SUMMARY_HEADER.equals(firstLine(actualDir.resolve(SUMMARY_FILE)));
            long[] n = new long[6];
            List<String> first = new ArrayList<>();
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
                try (PreparedStatement s = c.prepareStatement(COUNTS)) {
                    s.setString(1, expected.toString());
                    s.setString(2, actual.toString());
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        for (int k = 0; k < n.length; k++) {
                            n[k] = rs.getLong(k + 1);
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement(FIRST)) {
                    s.setString(1, expected.toString());
                    s.setString(2, actual.toString());
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            String id = rs.getString(1);
                            first.add(rs.getBoolean(2) ? id + ": missing, expected " + rs.getString(4)
                                    : rs.getBoolean(3) ? id + ": extra row " + rs.getString(5)
                                    : id + ": expected " + rs.getString(4) + ", found " + rs.getString(5));
                        }
                    }
                }
            }
            List<String> summary = summaryDifferences(readSummary(expectedDir.resolve(SUMMARY_FILE)),
                    readSummary(actualDir.resolve(SUMMARY_FILE)));
            return new Comparison(headers, n[0], n[1], n[2], n[3], n[4], n[5], first, summary);
        }

        private static String firstLine(Path file) throws IOException {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return in.readLine();
            }
        }

        static Map<String, Long> readSummary(Path file) throws IOException {
            Map<String, Long> counts = new HashMap<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                int last = line.lastIndexOf(',');
                long n = Long.parseLong(line.substring(last + 1).trim());
                if (n != 0) {
                    counts.merge(line.substring(0, last), n, Long::sum);
                }
            }
            return counts;
        }

        private static List<String> summaryDifferences(Map<String, Long> expected, Map<String, Long> actual) {
            List<String> differences = new ArrayList<>();
            TreeSet<String> keys = new TreeSet<>(expected.keySet());
            keys.addAll(actual.keySet());
            for (String key : keys) {
                long e = expected.getOrDefault(key, 0L);
                long a = actual.getOrDefault(key, 0L);
                if (e != a) {
                    differences.add(key + ": expected " + e + ", found " + a);
                }
            }
            return differences;
        }
    }

    // ------------------------------------------------------------------ memory

    /**
     * Peak memory of a PostgreSQL cluster, from {@code /proc}: a daemon thread samples the postmaster
     * (found through {@code postmaster.pid} in the data folder, once it appears) and every process
     * below it, keeping each process's largest {@code VmHWM} and the largest sampled total of
     * private memory plus the largest shared part.
     */
    static final class ServerMemory implements AutoCloseable {

        private final Path pidFile;
        private final Map<Long, Long> hwmByPid = new ConcurrentHashMap<>();
        private final Thread sampler;
        private volatile boolean running = true;
        private long sampledPeak;
        private long postmaster = -1;

        ServerMemory(Path dataDirectory) {
            this.pidFile = dataDirectory.resolve("postmaster.pid");
            this.sampler = new Thread(this::loop, "server-memory");
            sampler.setDaemon(true);
            sampler.start();
        }

        private void loop() {
            while (running) {
                sample();
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        }

        private synchronized void sample() {
            if (postmaster < 0) {
                postmaster = postmasterPid().orElse(-1L);
                if (postmaster < 0) {
                    return;
                }
            }
            Optional<ProcessHandle> root = ProcessHandle.of(postmaster);
            if (root.isEmpty()) {
                return;
            }
            long privateSum = 0;
            long sharedMax = 0;
            for (ProcessHandle p : Stream.concat(root.stream(), root.get().descendants()).toList()) {
                Map<String, Long> status = status(Path.of("/proc", Long.toString(p.pid()), "status"));
                if (status.isEmpty()) {
                    continue;
                }
                hwmByPid.merge(p.pid(), status.getOrDefault("VmHWM", 0L), Math::max);
                privateSum += status.getOrDefault("RssAnon", 0L);
                sharedMax = Math.max(sharedMax, status.getOrDefault("RssShmem", 0L) + status.getOrDefault("RssFile", 0L));
            }
            sampledPeak = Math.max(sampledPeak, privateSum + sharedMax);
        }

        private Optional<Long> postmasterPid() {
            try {
                List<String> lines = Files.isRegularFile(pidFile) ? Files.readAllLines(pidFile) : List.of();
                return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
            }
            catch (IOException | NumberFormatException e) {
                // written while we read: the next sample sees it whole
                return Optional.empty();
            }
        }

        /** Stops sampling after one last sample. */
        @Override
        public void close() {
            running = false;
            sampler.interrupt();
            try {
                sampler.join();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sample();
        }

        synchronized long hwmSum() {
            return hwmByPid.values().stream().mapToLong(Long::longValue).sum();
        }

        synchronized long sampledPeak() {
            return sampledPeak;
        }

        synchronized int processes() {
            return hwmByPid.size();
        }

        /** This process's peak RSS ({@code VmHWM}), or 0 where {@code /proc} is not there. */
        static long selfPeak() {
            return status(Path.of("/proc/self/status")).getOrDefault("VmHWM", 0L);
        }

        /** The memory lines of a {@code /proc/<pid>/status} file in bytes; empty when the process is gone. */
        private static Map<String, Long> status(Path file) {
            Map<String, Long> values = new HashMap<>();
            try {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("VmHWM:") || line.startsWith("RssAnon:") || line.startsWith("RssFile:")
                            || line.startsWith("RssShmem:")) {
                        int colon = line.indexOf(':');
                        String kb = line.substring(colon + 1).replace("kB", "").trim();
                        values.put(line.substring(0, colon), Long.parseLong(kb) * 1024);
                    }
                }
            }
            catch (IOException | NumberFormatException e) {
                return Map.of();
            }
            return values;
        }
    }

    // ------------------------------------------------------------------ the command line

    private static IllegalArgumentException usage(String message) {
        return new IllegalArgumentException(message + "\nusage: MonthlyBench [--dir DIR] [--recipients N] [--evidence N]"
                + " [--seed N] [--as-of yyyy-MM-dd] [--runs N] [--contenders duckdb,duckdb-tables,postgres] [--vigil]"
                + " [--jvm-options \"...\"]");
    }

    /** The command line; {@code child} and {@code out} only in a contender's JVM. */
    private record Options(Path dir, long recipients, long evidence, long seed, LocalDate asOf, int runs,
            List<Contender> contenders, boolean vigil, List<String> jvmOptions, Contender child, Path out) {

        static Options parse(String[] args) {
            Path dir = null;
            long recipients = 1_000_000;
            long evidence = 10_000_000;
            long seed = 1;
            LocalDate asOf = DEFAULT_AS_OF;
            int runs = 3;
            List<Contender> contenders = List.of(Contender.DUCKDB, Contender.DUCKDB_TABLES, Contender.POSTGRES);
            boolean vigil = false;
            List<String> jvmOptions = List.of();
            Contender child = null;
            Path out = null;
            try {
                for (int i = 0; i < args.length; i++) {
                    String a = args[i];
                    switch (a) {
                        case "--dir" -> dir = Path.of(value(args, ++i, a));
                        case "--recipients" -> recipients = Long.parseLong(value(args, ++i, a).replace("_", ""));
                        case "--evidence" -> evidence = Long.parseLong(value(args, ++i, a).replace("_", ""));
                        case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                        case "--as-of" -> asOf = LocalDate.parse(value(args, ++i, a));
                        case "--runs" -> runs = Integer.parseInt(value(args, ++i, a));
                        case "--contenders" -> contenders = Arrays.stream(value(args, ++i, a).split(","))
                                .map(String::trim).filter(s -> !s.isEmpty()).map(Contender::of).distinct().toList();
                        case "--vigil" -> vigil = true;
                        case "--jvm-options" -> jvmOptions = Arrays.stream(value(args, ++i, a).trim().split("\\s+"))
                                .filter(s -> !s.isEmpty()).toList();
                        case "--child" -> child = Contender.of(value(args, ++i, a));
                        case "--out" -> out = Path.of(value(args, ++i, a));
                        default -> throw usage("unknown argument " + a);
                    }
                }
            }
            catch (NumberFormatException | DateTimeParseException e) {
                throw usage("not a number or date: " + e.getMessage());
            }
            if (recipients < 1 || evidence < 1 || runs < 1) {
                throw usage("sizes and runs must be positive");
            }
            if (contenders.contains(Contender.VIGIL)) {
                throw usage("vigil is a contender through --vigil");
            }
            if (dir == null) {
                dir = Path.of("target-bench", recipients == 1_000_000 && evidence == 10_000_000 ? "workload-1m"
                        : "workload-" + recipients + "-" + evidence);
            }
            if (child != null && out == null) {
                throw usage("--child needs --out");
            }
            return new Options(dir, recipients, evidence, seed, asOf, runs, contenders, vigil, jvmOptions, child, out);
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) {
                throw usage(name + " needs a value");
            }
            return args[i];
        }
    }
}
