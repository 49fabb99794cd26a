package org.vigil.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.simulator.BenchmarkWorkload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The monthly-verification benchmark (docs/performance.md): {@code generate} writes its input
 * files, {@code monthly} runs Vigil's monthly verification on any such files. The benchmark's
 * harness and SQL baselines are test sources ({@code org.vigil.certification.MonthlyBench}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "The monthly-verification benchmark: its input files and Vigil's run on them.",
        subcommands = {BenchCommand.Generate.class, BenchCommand.Monthly.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: generate or monthly");
    }

    /** Writes recipients.csv and evidence.csv; plain Java, no Spring and no database. */
    @Allowed(Permission.SESSION)
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Write the benchmark's recipients.csv and evidence.csv, deterministically from the sizes,"
                    + " the seed and the as-of date.",
                    "1,000,000 recipients and 10,000,000 evidence rows make about 0.6 GB."})
    static final class Generate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--recipients", defaultValue = "1000000",
                description = "Benefit recipients (default: ${DEFAULT-VALUE}).")
        long recipients;

        @Option(names = "--evidence", defaultValue = "10000000",
                description = "Evidence rows, about recipients and others (default: ${DEFAULT-VALUE}).")
        long evidence;

        @Option(names = "--seed", defaultValue = "1",
                description = "Random seed; the same values give the same files (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--as-of", defaultValue = "2026-11-20",
                description = "The date of the monthly decision, yyyy-MM-dd (default: ${DEFAULT-VALUE}).")
        LocalDate asOf;

        @Option(names = "--out", required = true, description = "Output folder (created if absent).")
        Path out;

        @Override
        public Integer call() {
            BenchmarkWorkload workload;
            try {
                workload = new BenchmarkWorkload(recipients, evidence, seed, asOf);
            }
            catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            BenchmarkWorkload.Written written = workload.writeTo(out);
            spec.commandLine().getOut().println("Wrote " + written.describe() + " to " + out);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /**
     * Vigil's monthly run on two files in the workload's columns: no Spring and no database
     * (ADR 0016), the policy of the benchmark unless another is given.
     */
    @Allowed(Permission.SESSION)
    @Command(name = "monthly", mixinStandardHelpOptions = true,
            description = {"Decide every recipient of a recipients file from an evidence file, as of a date, and write"
                    + " DIR/result.csv, DIR/summary.csv and DIR/rejects.csv.",
                    "The files may come from any tool: recipients id_number,benefit_kind,birth_date,last_certified,"
                            + "period_months,region_code; evidence id_number,kind,event_date,end_date (more columns allowed)."})
    static final class Monthly implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--recipients", required = true, description = "The recipients CSV file.")
        Path recipients;

        @Option(names = "--evidence", required = true, description = "The evidence CSV file.")
        Path evidence;

        @Option(names = "--as-of", required = true, description = "The date of the decision, yyyy-MM-dd.")
        LocalDate asOf;

        @Option(names = "--out", required = true, description = "Output folder (created if absent).")
        Path out;

        @Option(names = "--policy", description = "A policy file (default: the benchmark's policy).")
        Path policy;

        @Option(names = "--threads", description = "Reader and decider threads (default: the processors).")
        Integer threads;

        @Override
        public Integer call() throws java.io.IOException {
            for (Path file : new Path[] {recipients, evidence}) {
                if (!java.nio.file.Files.isRegularFile(file)) {
                    throw new ParameterException(spec.commandLine(), "no such file: " + file);
                }
            }
            org.vigil.certification.PolicyBook book = policy == null
                    ? org.vigil.certification.PolicyBook.classpath(org.vigil.certification.PolicyBook.BENCHMARK)
                    : org.vigil.certification.PolicyBook.file(policy);
            int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (n < 1) {
                throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
            }
            org.vigil.certification.FileVerification.Result r = org.vigil.certification.FileVerification.run(recipients,
                    evidence, asOf, book.inForceOn(asOf), out, n);
            java.io.PrintWriter o = spec.commandLine().getOut();
            o.printf("%,d recipients, %,d evidence rows (%,d used, %,d about others, %,d after the as-of date, %,d rejected)%n",
                    r.recipients(), r.evidenceRows(), r.evidenceUsed(), r.notRecipients(), r.afterAsOf(), r.evidenceRejected());
            r.byStatus().forEach((status, count) -> o.printf("  %s %s: %,d%n", status.chinese(), status, count));
            o.printf("read recipients %.2f s, fold evidence %.2f s, decide and write %.2f s; lists in %s%n",
                    r.readRecipients().toNanos() / 1e9, r.foldEvidence().toNanos() / 1e9, r.decideAndWrite().toNanos() / 1e9, out);
            o.flush();
            return 0;
        }
    }
}
