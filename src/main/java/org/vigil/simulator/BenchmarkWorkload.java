package org.vigil.simulator;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Properties;

import org.vigil.simulator.internal.WorkloadWriter;

/**
 * The monthly-verification benchmark's input (docs/performance.md, "the monthly-verification
 * benchmark workload"): {@code recipients.csv} with {@code recipients} benefit recipients and
 * {@code evidence.csv} with {@code evidence} rows of department evidence about them and about
 * others, dated around {@code asOf}. The same values always give byte-identical files, whatever the
 * number of threads. Plain Java, no Spring; memory stays at a few megabytes whatever the size.
 *
 * @param recipients benefit recipients, at least 1 and at most about 100 million (the generator's ID
 *                   numbers for one birth day run out beyond)
 * @param evidence   evidence rows, at least the recipients' deaths and custody (about 1 % of {@code recipients})
 * @param seed       any value; different seeds give different but equally shaped workloads
 * @param asOf       the date the monthly decision is taken on, in the years 1980 to 2195
 * @throws IllegalArgumentException when these values cannot be generated
 */
public record BenchmarkWorkload(long recipients, long evidence, long seed, LocalDate asOf) {

    public static final String RECIPIENTS_FILE = "recipients.csv";
    public static final String EVIDENCE_FILE = "evidence.csv";
    /** Written last: its presence with matching values means both files are complete. */
    public static final String MANIFEST_FILE = "workload.properties";
    /** Changes whenever the generator would write different files for the same values. */
    private static final String GENERATOR_VERSION = "1";

    public BenchmarkWorkload {
        Objects.requireNonNull(asOf, "asOf");
        WorkloadWriter.check(recipients, evidence, asOf);
    }

    /**
     * What was written.
     *
     * @param deathRows        death reports, second reports of the same death included
     * @param nonRecipientRows rows about people who are not recipients (every kind)
     * @param proofOfLifeRows  the recipients' proof-of-life rows
     */
    public record Written(BenchmarkWorkload workload, Path recipientsFile, Path evidenceFile, long recipientBytes,
            long evidenceBytes, long deathRows, long custodyRows, long nonRecipientRows, long proofOfLifeRows,
            Duration elapsed) {

        /** One line for a person at a terminal. */
        public String describe() {
            return String.format("%,d recipients (%,.1f MB) and %,d evidence rows (%,.1f MB: %,d death, %,d custody,"
                            + " %,d proof of life, %,d about non-recipients) as of %s, seed %d, in %.1f s",
                    workload.recipients(), recipientBytes / 1e6, workload.evidence(), evidenceBytes / 1e6, deathRows,
                    custodyRows, proofOfLifeRows, nonRecipientRows, workload.asOf(), workload.seed(),
                    elapsed.toMillis() / 1000.0);
        }
    }

    /** Writes the two files into {@code dir} on every processor. */
    public Written writeTo(Path dir) {
        return writeTo(dir, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Writes the two files into {@code dir} (created if absent; files of an earlier workload are
     * replaced), then the manifest.
     *
     * @throws UncheckedIOException when the folder cannot be written
     */
    public Written writeTo(Path dir, int threads) {
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dir);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        deleteManifest(dir);
        WorkloadWriter.Result r = WorkloadWriter.write(recipients, evidence, seed, asOf, dir.resolve(RECIPIENTS_FILE),
                dir.resolve(EVIDENCE_FILE), threads);
        writeManifest(dir);
        return new Written(this, dir.resolve(RECIPIENTS_FILE), dir.resolve(EVIDENCE_FILE), r.recipientBytes(),
                r.evidenceBytes(), r.deathRows(), r.custodyRows(), r.nonRecipientRows(), r.proofOfLifeRows(),
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Whether {@code dir} holds this workload's complete files, written by this version of the generator. */
    public boolean isWrittenIn(Path dir) {
        Path manifest = dir.resolve(MANIFEST_FILE);
        if (!Files.isRegularFile(manifest) || !Files.isRegularFile(dir.resolve(RECIPIENTS_FILE))
                || !Files.isRegularFile(dir.resolve(EVIDENCE_FILE))) {
            return false;
        }
        Properties found = new Properties();
        try (Reader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            found.load(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
        return found.equals(manifest());
    }

    private Properties manifest() {
        Properties p = new Properties();
        p.setProperty("generator.version", GENERATOR_VERSION);
        p.setProperty("recipients", Long.toString(recipients));
        p.setProperty("evidence", Long.toString(evidence));
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("as_of", asOf.toString());
        return p;
    }

    private void writeManifest(Path dir) {
        Path manifest = dir.resolve(MANIFEST_FILE);
        try (Writer out = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8)) {
            manifest().store(out, "monthly-verification benchmark workload");
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + manifest, e);
        }
    }

    private static void deleteManifest(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(MANIFEST_FILE));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir.resolve(MANIFEST_FILE), e);
        }
    }
}
