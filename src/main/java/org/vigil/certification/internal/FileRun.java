package org.vigil.certification.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.vigil.certification.CertificationPolicy;
import org.vigil.certification.Decision;
import org.vigil.certification.DueBucket;
import org.vigil.certification.EligibilityRules;
import org.vigil.certification.EligibilityStatus;
import org.vigil.certification.Entitlement;
import org.vigil.certification.Evidence;
import org.vigil.certification.FileVerification;
import org.vigil.certification.ReasonCode;
import org.vigil.identity.FileProblem;
import org.vigil.identity.IdKeys;

/**
 * The monthly run from two files to the lists and counts: read the recipients, fold the
 * evidence, decide every recipient with {@link EligibilityRules}, write {@code result.csv} and
 * {@code summary.csv} (the columns of the benchmark workload, so any tool's output compares line
 * by line) and {@code rejects.csv}. Output goes to temporary files renamed at the end, so a run
 * cut short leaves no half-written lists.
 */
public final class FileRun {

    private static final byte[] RESULT_HEADER =
            "id_number,district,benefit_kind,status,reason,new_last_certified,due_date,bucket\n".getBytes(StandardCharsets.US_ASCII);
    /** Recipients decided per task: small enough to keep the output in order with little memory. */
    private static final int BATCH = 32_768;

    private FileRun() {
    }

    public static FileVerification.Result run(Path recipientsFile, Path evidenceFile, LocalDate asOf, CertificationPolicy policy,
            Path outDir, int threads) throws IOException {
        Files.createDirectories(outDir);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "monthly-run");
            t.setDaemon(true);
            return t;
        });
        try {
            long t0 = System.nanoTime();
            RecipientColumns recipients = RecipientColumns.read(recipientsFile, pool, threads);
            long t1 = System.nanoTime();
            EvidenceFold fold = new EvidenceFold(recipients, policy, asOf);
            fold.read(evidenceFile, pool, threads);
            long t2 = System.nanoTime();
            Counts counts = decideAndWrite(recipients, fold, policy, asOf, outDir, pool, threads);
            writeSummary(counts, recipients, outDir);
            writeRejects(fold.rejects, outDir);
            long t3 = System.nanoTime();
            return new FileVerification.Result(recipients.size, fold.rows, fold.linked, fold.rejected, fold.notRecipients,
                    fold.afterAsOf, counts.byStatus(), Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1),
                    Duration.ofNanos(t3 - t2));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Counts of one batch or of the whole run. */
    private static final class Counts {
        final long[] status = new long[EligibilityStatus.values().length];
        final long[][] districtStatus;
        final long[] bucket = new long[DueBucket.values().length];

        Counts(int districts) {
            districtStatus = new long[districts][EligibilityStatus.values().length];
        }

        void add(Counts other) {
            for (int i = 0; i < status.length; i++) {
                status[i] += other.status[i];
            }
            for (int d = 0; d < districtStatus.length; d++) {
                for (int s = 0; s < status.length; s++) {
                    districtStatus[d][s] += other.districtStatus[d][s];
                }
            }
            for (int i = 0; i < bucket.length; i++) {
                bucket[i] += other.bucket[i];
            }
        }

        Map<EligibilityStatus, Long> byStatus() {
            Map<EligibilityStatus, Long> m = new TreeMap<>();
            for (EligibilityStatus s : EligibilityStatus.values()) {
                m.put(s, status[s.ordinal()]);
            }
            return m;
        }
    }

    private record Batch(byte[] bytes, int length, Counts counts) {
    }

    private static Counts decideAndWrite(RecipientColumns recipients, EvidenceFold fold, CertificationPolicy policy,
            LocalDate asOf, Path outDir, ExecutorService pool, int threads) throws IOException {
        Path result = outDir.resolve("result.csv");
        Path partial = outDir.resolve("result.csv.partial");
        Counts total = new Counts(recipients.districts.size());
        byte[][] districtBytes = recipients.districts.stream().map(d -> d.getBytes(StandardCharsets.US_ASCII))
                .toArray(byte[][]::new);
        byte[][] benefitBytes = recipients.benefitWords.stream().map(w -> w.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            write(out, RESULT_HEADER, RESULT_HEADER.length);
            Deque<Future<Batch>> inFlight = new ArrayDeque<>();
            for (int from = 0; from < recipients.size; from += BATCH) {
                int start = from;
                int end = Math.min(recipients.size, from + BATCH);
                inFlight.add(pool.submit(() -> decide(recipients, fold, policy, asOf, start, end, districtBytes, benefitBytes)));
                // a bounded window keeps memory flat and the output in recipient order
                if (inFlight.size() >= threads * 3) {
                    Batch b = Futures.get(inFlight.poll());
                    write(out, b.bytes(), b.length());
                    total.add(b.counts());
                }
            }
            while (!inFlight.isEmpty()) {
                Batch b = Futures.get(inFlight.poll());
                write(out, b.bytes(), b.length());
                total.add(b.counts());
            }
            out.force(false);
        }
        Files.move(partial, result, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return total;
    }

    private static Batch decide(RecipientColumns r, EvidenceFold fold, CertificationPolicy policy, LocalDate asOf, int from,
            int to, byte[][] districtBytes, byte[][] benefitBytes) {
        Counts counts = new Counts(r.districts.size());
        byte[] buf = new byte[(to - from) * 96];
        int at = 0;
        int rare = fold.firstRareAtOrAfter(from);
        List<Evidence> evidence = new ArrayList<>(4);
        for (int i = from; i < to; i++) {
            evidence.clear();
            rare = fold.evidenceOf(i, rare, evidence);
            var kind = r.benefitKinds.get(r.benefit[i]);
            LocalDate last = LocalDate.ofEpochDay(r.lastCertified[i]);
            int period = r.periodMonths[i] > policy.standardPeriodMonths() ? r.periodMonths[i] : 0;
            Entitlement entitlement = new Entitlement(kind, EvidenceFold.relationOf(kind), LocalDate.ofEpochDay(r.birth[i]), last,
                    last, period);
            Decision d = EligibilityRules.decide(entitlement, evidence, policy, asOf);
            counts.status[d.status().ordinal()]++;
            counts.districtStatus[r.district[i]][d.status().ordinal()]++;
            if (d.bucket() != null) {
                counts.bucket[d.bucket().ordinal()]++;
            }
            if (buf.length - at < 256) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            at = line(buf, at, r.key[i], districtBytes[r.district[i]], benefitBytes[r.benefit[i]], d);
        }
        return new Batch(buf, at, counts);
    }

    private static int line(byte[] b, int at, long key, byte[] district, byte[] benefit, Decision d) {
        IdKeys.writeAscii(key, b, at);
        at += IdKeys.LENGTH;
        b[at++] = ',';
        at = put(b, at, district);
        b[at++] = ',';
        at = put(b, at, benefit);
        b[at++] = ',';
        at = put(b, at, STATUS_WORDS[d.status().ordinal()]);
        b[at++] = ',';
        at = put(b, at, reasonWord(d));
        b[at++] = ',';
        if (d.certifiedOn() != null) {
            at = CsvLine.writeDate((int) d.certifiedOn().toEpochDay(), b, at);
        }
        b[at++] = ',';
        if (d.status() == EligibilityStatus.TO_BE_VERIFIED) {
            at = CsvLine.writeDate((int) d.periodEnd().toEpochDay(), b, at);
        }
        b[at++] = ',';
        if (d.bucket() != null) {
            at = put(b, at, BUCKET_WORDS[d.bucket().ordinal()]);
        }
        b[at++] = '\n';
        return at;
    }

    private static final byte[][] STATUS_WORDS = words("qualified", "disqualified", "pending");
    private static final byte[][] BUCKET_WORDS = words("overdue", "1m", "2m", "3m", "later");
    private static final byte[] EMPTY = new byte[0];

    /** The benchmark's reason words: the loss, the certifying evidence kind, minor_dependent; none for pending. */
    private static byte[] reasonWord(Decision d) {
        if (d.status() == EligibilityStatus.TO_BE_VERIFIED) {
            return EMPTY;
        }
        Decision.Reason reason = d.reason();
        if (reason.code() == ReasonCode.PROOF_OF_LIFE) {
            return reason.evidenceKind().getBytes(StandardCharsets.UTF_8);
        }
        return REASON_WORDS[reason.code().ordinal()];
    }

    private static final byte[][] REASON_WORDS = Arrays.stream(ReasonCode.values())
            .map(c -> c.name().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

    private static byte[][] words(String... words) {
        return Arrays.stream(words).map(w -> w.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    }

    private static int put(byte[] b, int at, byte[] word) {
        System.arraycopy(word, 0, b, at, word.length);
        return at + word.length;
    }

    private static void write(FileChannel out, byte[] bytes, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static void writeSummary(Counts c, RecipientColumns r, Path outDir) throws IOException {
        StringBuilder s = new StringBuilder("dim,key,n\n");
        for (EligibilityStatus st : EligibilityStatus.values()) {
            if (c.status[st.ordinal()] > 0) {
                s.append("status,").append(word(STATUS_WORDS[st.ordinal()])).append(',').append(c.status[st.ordinal()]).append('\n');
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int d = 0; d < r.districts.size(); d++) {
            order.add(d);
        }
        order.sort((a, b) -> r.districts.get(a).compareTo(r.districts.get(b)));
        for (int d : order) {
            for (EligibilityStatus st : EligibilityStatus.values()) {
                long n = c.districtStatus[d][st.ordinal()];
                if (n > 0) {
                    s.append("district_status,").append(r.districts.get(d)).append('/').append(word(STATUS_WORDS[st.ordinal()]))
                            .append(',').append(n).append('\n');
                }
            }
        }
        for (DueBucket b : DueBucket.values()) {
            if (c.bucket[b.ordinal()] > 0) {
                s.append("pending_bucket,").append(word(BUCKET_WORDS[b.ordinal()])).append(',').append(c.bucket[b.ordinal()])
                        .append('\n');
            }
        }
        replace(outDir.resolve("summary.csv"), s.toString());
    }

    private static void writeRejects(List<FileProblem> rejects, Path outDir) throws IOException {
        StringBuilder s = new StringBuilder("file,row,column,value,reason\n");
        for (FileProblem p : rejects) {
            s.append(csv(p.file())).append(',').append(p.row()).append(',').append(csv(p.column())).append(',')
                    .append(csv(p.value())).append(',').append(csv(p.reason())).append('\n');
        }
        replace(outDir.resolve("rejects.csv"), s.toString());
    }

    private static String csv(String v) {
        String s = v == null ? "" : v;
        // a value that a spreadsheet would read as a formula is quoted and prefixed, never evaluated
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.startsWith("'")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static void replace(Path target, String text) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String word(byte[] w) {
        return new String(w, StandardCharsets.US_ASCII);
    }
}
