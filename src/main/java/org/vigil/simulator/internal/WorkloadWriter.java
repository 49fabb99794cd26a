package org.vigil.simulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.vigil.identity.ResidentId;

/**
 * Writes the monthly-verification benchmark's two files ({@code recipients.csv}, {@code evidence.csv})
 * as the workload document describes them, in constant memory and on every processor.
 *
 * <p><b>Why every row is a pure function of its position.</b> Holding ten million recipients (or a
 * hundred million evidence rows) to shuffle them is what the generator must not do. Instead:
 * <ul>
 * <li>Recipients are numbered {@code 0…R-1} in order of birth date. How many are born on each day
 * follows from the kinds' age ranges (a table of some 35,000 day counts, the only thing kept), so
 * recipient {@code i}'s birth day is a search away, and its rank among those born that day picks a
 * distinct (region, sequence) slot: IDs are unique by construction, with no set of issued numbers.
 * Everything else about recipient {@code i} is drawn from a generator keyed by {@code i}. Line
 * {@code j} of {@code recipients.csv} holds recipient {@code ρ(j)}, {@code ρ} a permutation (below),
 * so the file is not in order of birth.
 * <li>Evidence rows have a logical layout: first the death reports, then the second reports of
 * 10 % of those deaths, then custody, then non-recipients' rows, then the recipients'
 * proof-of-life rows. Line {@code j} of the file holds logical row {@code π(j)}, where {@code π}
 * is a keyed pseudo-random permutation of {@code 0…E-1} (a Feistel network with cycle walking).
 * That puts the rows in random order without a shuffle buffer, writes each death and custody row
 * exactly once, and lets any range of lines be generated on its own.
 * <li>Which recipients die, are in custody, and how active they are come from further permutations
 * of the recipients: the {@code q}-th death belongs to recipient {@code σ(q)}, and its second
 * report (if any) is drawn from the same key, a few days off. A proof-of-life row
 * draws an activity rank {@code u ∈ [0,1)} with density {@code ∝ u^p} and goes to recipient
 * {@code τ(⌊u·R⌋)}, so the expected number of rows of the recipient at rank {@code u} is
 * {@code m(p+1)u^p} ({@code m} = proof-of-life rows per recipient). {@code p} is solved so that
 * the expected share of recipients without any row is 10 % (when {@code m} is large enough for
 * that; below {@code ln 10 ≈ 2.3} rows per recipient the spread is uniform and more have none).
 * </ul>
 * Blocks of lines are generated in parallel and written in order, so the files are identical
 * whatever the number of threads. The random source is the simulator's {@link Rng} (SplitMix64,
 * re-seeded per row), which, unlike {@code SplittableRandom}, is fixed across JDK releases.
 */
public final class WorkloadWriter {

    /** Row counts of what was written; {@code evidenceBytes} and {@code recipientBytes} are file sizes. */
    public record Result(long recipients, long evidence, long deathRows, long custodyRows, long nonRecipientRows,
            long proofOfLifeRows, long recipientBytes, long evidenceBytes) {
    }

    public static final String RECIPIENTS_HEADER =
            "id_number,benefit_kind,birth_date,last_certified,period_months,region_code,monthly_amount";
    public static final String EVIDENCE_HEADER = "id_number,kind,event_date,end_date,source";

    /** Evidence dates are spread over AS_OF − 548 … AS_OF + 5 days. */
    static final int EVIDENCE_DAYS_BEFORE = 548;
    static final int EVIDENCE_DAYS_AFTER = 5;
    static final double DEATH_SHARE = 0.008;
    static final double DOUBLE_REPORT_SHARE = 0.10;
    static final double CUSTODY_SHARE = 0.001;
    static final double NON_RECIPIENT_SHARE = 0.20;
    static final double TARGET_SILENT_SHARE = 0.10;

    static final String[] PROOF_OF_LIFE_KINDS = {
        "medical_settlement", "bus_card_check", "telecom_realname", "bank_counter", "pension_bank_confirm", "rail",
        "health_checkup", "community_visit", "face_selfservice", "flight", "long_term_care", "exit_entry",
    };
    private static final int[] PROOF_OF_LIFE_CUM = Rng.cumulative(22, 18, 12, 10, 8, 7, 6, 6, 5, 3, 2, 1);
    /** The department each kind of proof of life comes from, index for index. */
    private static final String[] PROOF_OF_LIFE_SOURCES = {
        "health", "transport", "telecom", "bank", "bank", "rail", "health", "community", "hrss", "airline", "hrss", "police",
    };
    private static final String[] DEATH_SOURCES = {"police", "civil_affairs", "health", "community"};
    private static final String[] CUSTODY_SOURCES = {"court", "prison"};

    /** Qingdao's districts where the recipients live: Shinan, Shibei, Huangdao, Laoshan. */
    static final String[] DISTRICTS = {"370202", "370203", "370211", "370212"};
    /** Where recipients' numbers were issued: the city's districts and counties, old Sifang included. */
    static final int[] BIRTH_PREFIXES = {370202, 370203, 370205, 370211, 370212, 370213, 370214, 370281};
    /**
     * Where non-recipients' numbers were issued: none of {@link #BIRTH_PREFIXES}, so that a
     * non-recipient's number can never be a recipient's.
     */
    static final int[] OUTSIDER_PREFIXES = {370102, 370302, 370602, 370702, 371002, 110105, 310115, 220202};

    private static final int SEQUENCES = 999;
    private static final int SLOTS = BIRTH_PREFIXES.length * SEQUENCES;
    /** Coprime with {@link #SLOTS} (8 · 999 = 2³ · 3³ · 37), so rank → slot is injective within a day. */
    private static final long SLOT_STRIDE = 4999;

    private static final int ROWS_PER_BLOCK = 1 << 15;
    private static final int MAX_LINE_BYTES = 128;

    // keys of the independent random streams
    private static final long RECIPIENT = 1;
    private static final long RECIPIENT_ORDER = 2;
    private static final long EVIDENCE_ORDER = 3;
    private static final long DEAD = 4;
    private static final long IN_CUSTODY = 5;
    private static final long ACTIVITY = 6;
    private static final long DEATH_ROW = 7;
    private static final long CUSTODY_ROW = 8;
    private static final long NON_RECIPIENT_ROW = 9;
    private static final long NON_RECIPIENT_PERSON = 10;
    private static final long PROOF_ROW = 11;
    private static final long SLOT_OFFSET = 12;

    private final long recipients;
    private final long seed;
    private final int asOf;
    private final Births births;
    private final Permutation recipientOrder;
    private final Permutation evidenceOrder;
    private final Permutation dead;
    private final Permutation inCustody;
    private final Permutation activity;
    private final long deaths;
    private final long doubleReports;
    private final long custodies;
    private final long nonRecipientRows;
    private final long proofRows;
    private final double activityPower;
    private final long outsiderPool;
    private final int firstOutsiderBirth;
    private final int firstCustodyStart;

    private WorkloadWriter(long recipients, long evidence, long seed, LocalDate asOf) {
        if (recipients < 1) {
            throw new IllegalArgumentException("recipients must be at least 1, was " + recipients);
        }
        if (asOf.getYear() < Dates.FIRST_YEAR + 100 || asOf.getYear() > Dates.LAST_YEAR - 5) {
            throw new IllegalArgumentException("the as-of date must lie between " + (Dates.FIRST_YEAR + 100) + " and "
                    + (Dates.LAST_YEAR - 5) + ", was " + asOf);
        }
        this.recipients = recipients;
        this.seed = seed;
        this.asOf = Dates.day(asOf);
        this.births = new Births(recipients, asOf);
        this.deaths = Math.round(recipients * DEATH_SHARE);
        this.doubleReports = Math.round(deaths * DOUBLE_REPORT_SHARE);
        this.custodies = Math.round(recipients * CUSTODY_SHARE);
        long fixed = deaths + doubleReports + custodies;
        if (evidence < fixed) {
            throw new IllegalArgumentException("evidence must be at least " + fixed + " rows for " + recipients
                    + " recipients (their deaths and custody), was " + evidence);
        }
        this.nonRecipientRows = Math.min(Math.round(evidence * NON_RECIPIENT_SHARE), evidence - fixed);
        this.proofRows = evidence - fixed - nonRecipientRows;
        this.activityPower = activityPower((double) proofRows / recipients, TARGET_SILENT_SHARE);
        this.outsiderPool = Math.max(recipients, 1000);
        this.firstOutsiderBirth = Dates.day(asOf.minusYears(100));
        this.firstCustodyStart = Dates.day(asOf.plusDays(EVIDENCE_DAYS_AFTER).minusYears(3));
        this.recipientOrder = new Permutation(recipients, Rng.hash(seed, RECIPIENT_ORDER, 0, 0));
        this.evidenceOrder = new Permutation(evidence, Rng.hash(seed, EVIDENCE_ORDER, 0, 0));
        this.dead = new Permutation(recipients, Rng.hash(seed, DEAD, 0, 0));
        this.inCustody = new Permutation(recipients, Rng.hash(seed, IN_CUSTODY, 0, 0));
        this.activity = new Permutation(recipients, Rng.hash(seed, ACTIVITY, 0, 0));
    }

    /**
     * Writes the recipients and the evidence files (their folders must exist). Each file is written
     * under a temporary name and renamed when complete, so a file with the final name is never a
     * partial one.
     *
     * @throws IllegalArgumentException when the sizes or the date are out of range
     * @throws UncheckedIOException     when the files cannot be written
     */
    public static Result write(long recipients, long evidence, long seed, LocalDate asOf, Path recipientsFile,
            Path evidenceFile, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        WorkloadWriter writer = new WorkloadWriter(recipients, evidence, seed, asOf);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "workload-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            long recipientBytes = writeFile(recipientsFile, RECIPIENTS_HEADER, recipients, pool, threads,
                    writer::recipientLines);
            long evidenceBytes = writeFile(evidenceFile, EVIDENCE_HEADER, evidence, pool, threads,
                    writer::evidenceLines);
            return new Result(recipients, evidence, writer.deaths + writer.doubleReports, writer.custodies,
                    writer.nonRecipientRows, writer.proofRows, recipientBytes, evidenceBytes);
        }
        finally {
            pool.shutdownNow();
        }
    }

    /**
     * Checks that these sizes and this date can be generated: enough evidence rows for the
     * recipients' deaths and custody, no more recipients born on one day than there are ID numbers.
     *
     * @throws IllegalArgumentException when they cannot
     */
    public static void check(long recipients, long evidence, LocalDate asOf) {
        new WorkloadWriter(recipients, evidence, 0, asOf);
    }

    // ------------------------------------------------------------------ recipients

    private void recipientLines(long from, long to, Line out) {
        Rng rng = new Rng();
        Person person = new Person();
        for (long j = from; j < to; j++) {
            long i = recipientOrder.apply(j);
            recipient(i, person);
            person.kind = births.kindOn(person.birthDay, Rng.hash(seed, RECIPIENT, i, 0));
            rng.seed(seed, RECIPIENT, i, 1);
            int birth = person.birthDay;
            // last certified: uniform over the 730 days before AS_OF, never before birth
            int lastCertified = rng.between(Math.max(asOf - 730, birth), asOf - 1);
            out.ascii(person.id).comma().ascii(person.kind.code).comma().date(birth).comma().date(lastCertified).comma();
            switch (person.kind) {
                case PENSION -> out.number(rng.chance(0.10) ? 24 : 12);
                case INJURY -> out.number(12);
                case DEPENDENT -> {
                    // the decision's own test: birth date + 16 years after AS_OF (29 February clamped to 28)
                    if (!Dates.date(birth).plusYears(16).isAfter(Dates.date(asOf))) {
                        out.number(6);
                    }
                }
            }
            out.comma().ascii(DISTRICTS[rng.nextInt(DISTRICTS.length)]);
            out.digits(1 + rng.nextInt(10), 3).digits(1 + rng.nextInt(10), 3).comma();
            int cents = rng.between(150_000, 600_000);
            out.number(cents / 100).dot().digits(cents % 100, 2).newline();
        }
    }

    /** The recipient numbered {@code i} (in order of birth): ID and birth day. */
    private void recipient(long i, Person into) {
        int day = births.dayOf(i);
        long rank = i - births.firstOf(day);
        long offset = Long.remainderUnsigned(Rng.hash(seed, SLOT_OFFSET, day, 0), SLOTS);
        int slot = (int) ((rank * SLOT_STRIDE + offset) % SLOTS);
        long body = (BIRTH_PREFIXES[slot / SEQUENCES] * 100_000_000L + Dates.ymd(day)) * 1_000L + 1 + slot % SEQUENCES;
        into.setId(body);
        into.birthDay = day;
    }

    // ------------------------------------------------------------------ evidence

    private void evidenceLines(long from, long to, Line out) {
        Rng rng = new Rng();
        Person person = new Person();
        long firstCustody = deaths + doubleReports;
        long firstNonRecipient = firstCustody + custodies;
        long firstProof = firstNonRecipient + nonRecipientRows;
        for (long j = from; j < to; j++) {
            long row = evidenceOrder.apply(j);
            if (row < deaths) {
                death(row, false, rng, person, out);
            }
            else if (row < firstCustody) {
                death(row - deaths, true, rng, person, out);
            }
            else if (row < firstNonRecipient) {
                long c = row - firstCustody;
                recipient(inCustody.apply(c), person);
                rng.seed(seed, CUSTODY_ROW, c, 0);
                custody(rng, person, out);
            }
            else if (row < firstProof) {
                rng.seed(seed, NON_RECIPIENT_ROW, row, 0);
                nonRecipient(rng, person);
                double r = rng.nextDouble();
                if (r < 0.005) {
                    out.ascii(person.id).comma().ascii("death").comma().date(eventDay(rng, person.birthDay)).comma()
                            .comma().ascii(DEATH_SOURCES[rng.nextInt(DEATH_SOURCES.length)]).newline();
                }
                else if (r < 0.006) {
                    custody(rng, person, out);
                }
                else {
                    proofOfLife(rng, person, out);
                }
            }
            else {
                rng.seed(seed, PROOF_ROW, row, 0);
                // activity rank with density (p+1)·u^p: the active end of the ranking draws more rows
                double u = Math.pow(rng.nextDouble(), 1 / (activityPower + 1));
                long rank = Math.min((long) (u * recipients), recipients - 1);
                recipient(activity.apply(rank), person);
                proofOfLife(rng, person, out);
            }
        }
    }

    /** The report of the {@code q}-th death; a second report comes from another department, up to 3 days off. */
    private void death(long q, boolean second, Rng rng, Person person, Line out) {
        recipient(dead.apply(q), person);
        rng.seed(seed, DEATH_ROW, q, 0);
        int day = eventDay(rng, person.birthDay);
        int source = rng.nextInt(DEATH_SOURCES.length);
        if (second) {
            // still within the evidence window and not before birth, so at most 3 days off
            int lo = Math.max(asOf - EVIDENCE_DAYS_BEFORE, person.birthDay);
            day = Math.min(asOf + EVIDENCE_DAYS_AFTER, Math.max(lo, day + rng.between(-3, 3)));
            source = (source + 1 + rng.nextInt(DEATH_SOURCES.length - 1)) % DEATH_SOURCES.length;
        }
        out.ascii(person.id).comma().ascii("death").comma().date(day).comma().comma().ascii(DEATH_SOURCES[source]).newline();
    }

    /** Start over the 3 years before AS_OF + 5 days; no end (30 %) or an end 30 to 1,095 days later, inclusive. */
    private void custody(Rng rng, Person person, Line out) {
        int start = rng.between(firstCustodyStart, asOf + EVIDENCE_DAYS_AFTER);
        out.ascii(person.id).comma().ascii("custody").comma().date(start).comma();
        if (!rng.chance(0.30)) {
            out.date(start + rng.between(30, 1095));
        }
        out.comma().ascii(CUSTODY_SOURCES[rng.nextInt(CUSTODY_SOURCES.length)]).newline();
    }

    private void proofOfLife(Rng rng, Person person, Line out) {
        int kind = rng.pick(PROOF_OF_LIFE_CUM);
        out.ascii(person.id).comma().ascii(PROOF_OF_LIFE_KINDS[kind]).comma().date(eventDay(rng, person.birthDay)).comma()
                .comma().ascii(PROOF_OF_LIFE_SOURCES[kind]).newline();
    }

    /** Uniform over AS_OF − 548 … AS_OF + 5, and not before birth. */
    private int eventDay(Rng rng, int birthDay) {
        int lo = Math.max(asOf - EVIDENCE_DAYS_BEFORE, birthDay);
        int hi = asOf + EVIDENCE_DAYS_AFTER;
        return rng.between(Math.min(lo, hi), hi);
    }

    /** A person department files know who is not a recipient: a number from a region no recipient's carries. */
    private void nonRecipient(Rng rowRng, Person into) {
        long p = Long.remainderUnsigned(rowRng.nextLong(), outsiderPool);
        Rng rng = Rng.of(seed, NON_RECIPIENT_PERSON, p, 0);
        int day = rng.between(firstOutsiderBirth, asOf);
        long body = (OUTSIDER_PREFIXES[rng.nextInt(OUTSIDER_PREFIXES.length)] * 100_000_000L + Dates.ymd(day)) * 1_000L
                + 1 + rng.nextInt(SEQUENCES);
        into.setId(body);
        into.birthDay = day;
    }

    /**
     * The power {@code p} for which, with {@code m} rows per recipient spread with density
     * {@code (p+1)u^p} over activity ranks, the expected share of recipients without a row,
     * {@code ∫₀¹ exp(−m(p+1)u^p) du}, is {@code silent}. That share grows with {@code p}, so a
     * bisection finds it; when even a uniform spread ({@code p = 0}) leaves more silent, it is 0.
     */
    static double activityPower(double m, double silent) {
        if (Math.exp(-m) >= silent) {
            return 0;
        }
        double lo = 0;
        double hi = 64;
        for (int k = 0; k < 60; k++) {
            double mid = (lo + hi) / 2;
            if (silentShare(m, mid) < silent) {
                lo = mid;
            }
            else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    static double silentShare(double m, double p) {
        // Simpson's rule; the integrand is smooth enough on [0, 1] for three decimals
        int n = 4096;
        double h = 1.0 / n;
        double sum = 0;
        for (int k = 0; k <= n; k++) {
            double u = k * h;
            double f = Math.exp(-m * (p + 1) * Math.pow(u, p));
            sum += (k == 0 || k == n) ? f : (k % 2 == 1 ? 4 * f : 2 * f);
        }
        return sum * h / 3;
    }

    // ------------------------------------------------------------------ files

    @FunctionalInterface
    private interface Lines {
        void write(long from, long to, Line out);
    }

    /**
     * Generates blocks of lines on the pool and writes them in order; at most {@code 2 × threads}
     * blocks are in flight, so memory stays at a few megabytes per thread whatever the file's size.
     */
    private static long writeFile(Path file, String header, long rows, ExecutorService pool, int threads, Lines lines) {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        int window = 2 * threads;
        BlockingQueue<Line> buffers = new ArrayBlockingQueue<>(window);
        for (int k = 0; k < window; k++) {
            buffers.add(new Line(ROWS_PER_BLOCK * MAX_LINE_BYTES));
        }
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] head = (header + "\n").getBytes(StandardCharsets.UTF_8);
            writeFully(channel, head, head.length);
            Deque<Future<Line>> inFlight = new ArrayDeque<>();
            for (long from = 0; from < rows || !inFlight.isEmpty(); ) {
                if (from < rows && !buffers.isEmpty()) {
                    Line buffer = buffers.take();
                    long start = from;
                    long end = Math.min(rows, from + ROWS_PER_BLOCK);
                    inFlight.add(pool.submit(() -> {
                        buffer.reset();
                        lines.write(start, end, buffer);
                        return buffer;
                    }));
                    from = end;
                }
                else {
                    Line done = inFlight.removeFirst().get();
                    writeFully(channel, done.bytes, done.length);
                    buffers.add(done);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + part, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + file, e);
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("cannot write " + file + ": " + cause, cause);
        }
        try {
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + part + " to " + file, e);
        }
    }

    private static void writeFully(FileChannel channel, byte[] bytes, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    // ------------------------------------------------------------------ helpers

    enum Kind {
        PENSION("pension"), INJURY("injury"), DEPENDENT("dependent");

        final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    /** The person a row is about; reused from row to row, as the generator makes tens of millions. */
    private static final class Person {

        final char[] id = new char[18];
        private final CharBuffer view = CharBuffer.wrap(id);
        int birthDay;
        Kind kind;

        /** The 18-character number from its 17-digit body, with the kernel's MOD 11-2 check character. */
        void setId(long body) {
            long v = body;
            for (int k = 16; k >= 0; k--) {
                id[k] = (char) ('0' + v % 10);
                v /= 10;
            }
            id[17] = ResidentId.checkDigit(view);
        }
    }

    /**
     * How many recipients are born on each day, from the kinds' shares and age ranges (pension 85 %,
     * 55–95; injury 5 %, 20–70; dependents 5 % 0–20 and 5 % 55–90), each uniform over its birth days:
     * the count of a day is the rounded difference of {@code R} times the distribution function, so
     * the counts add up to {@code R} exactly. A recipient's kind is then drawn given the birth day,
     * in proportion to each kind's density on that day, which gives each kind its share.
     */
    private static final class Births {

        private static final double[] SHARES = {0.85, 0.05, 0.05, 0.05};
        private static final int[] MIN_AGE = {55, 20, 0, 55};
        private static final int[] MAX_AGE = {95, 70, 20, 90};
        private static final Kind[] KINDS = {Kind.PENSION, Kind.INJURY, Kind.DEPENDENT, Kind.DEPENDENT};

        private static final int GUIDE = 4096;

        private final int firstDay;
        private final long recipients;
        /** {@code start[d]}: the number of recipients born before day {@code firstDay + d}; one more entry holds R. */
        private final long[] start;
        /**
         * {@code guide[k]}: the day index of recipient {@code ⌊k·R/GUIDE⌋} (the last one for {@code k = GUIDE}),
         * so that recipient {@code i} was born between {@code guide[k]} and {@code guide[k + 1]} for
         * {@code k = ⌊i·GUIDE/R⌋}.
         */
        private final int[] guide = new int[GUIDE + 1];
        private final int[] from = new int[SHARES.length];
        private final int[] to = new int[SHARES.length];
        private final double[] density = new double[SHARES.length];

        Births(long recipients, LocalDate asOf) {
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            for (int c = 0; c < SHARES.length; c++) {
                // aged exactly a at AS_OF: born after AS_OF − (a+1) years, on or before AS_OF − a years; and
                // born before AS_OF, so that a last certification can lie before AS_OF and not before birth
                from[c] = Dates.day(asOf.minusYears(MAX_AGE[c] + 1L).plusDays(1));
                to[c] = Math.min(Dates.day(asOf.minusYears(MIN_AGE[c])), Dates.day(asOf) - 1);
                density[c] = SHARES[c] / (to[c] - from[c] + 1);
                first = Math.min(first, from[c]);
                last = Math.max(last, to[c]);
            }
            firstDay = first;
            int days = last - first + 1;
            start = new long[days + 1];
            double cdf = 0;
            long widest = 0;
            for (int d = 0; d < days; d++) {
                cdf += densityOn(first + d);
                start[d + 1] = d + 1 == days ? recipients : Math.min(recipients, Math.round(recipients * cdf));
                widest = Math.max(widest, start[d + 1] - start[d]);
            }
            if (widest > SLOTS) {
                throw new IllegalArgumentException("too many recipients: " + widest + " would be born on one day, and a day"
                        + " has " + SLOTS + " ID numbers in the generator's regions");
            }
            this.recipients = recipients;
            int d = 0;
            for (int k = 0; k <= GUIDE; k++) {
                long i = Math.min(recipients - 1, k * recipients / GUIDE);
                while (start[d + 1] <= i) {
                    d++;
                }
                guide[k] = d;
            }
        }

        private double densityOn(int day) {
            double sum = 0;
            for (int c = 0; c < SHARES.length; c++) {
                if (day >= from[c] && day <= to[c]) {
                    sum += density[c];
                }
            }
            return sum;
        }

        /** The birth day of recipient {@code i}. */
        int dayOf(long i) {
            // the guide narrows the search to a few days, so that it stays within the cache
            int k = (int) (i * GUIDE / recipients);
            int lo = guide[k];
            int hi = guide[k + 1];
            // the last d with start[d] <= i; days without recipients have start[d] == start[d + 1]
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (start[mid] <= i) {
                    lo = mid;
                }
                else {
                    hi = mid - 1;
                }
            }
            return firstDay + lo;
        }

        long firstOf(int day) {
            return start[day - firstDay];
        }

        Kind kindOn(int day, long draw) {
            double r = ((draw >>> 11) * 0x1.0p-53) * densityOn(day);
            Kind kind = null;
            for (int c = 0; c < SHARES.length; c++) {
                if (day >= from[c] && day <= to[c]) {
                    kind = KINDS[c];
                    r -= density[c];
                    if (r < 0) {
                        break;
                    }
                }
            }
            return kind;
        }
    }

    /**
     * A keyed pseudo-random permutation of {@code 0…n-1}: a four-round Feistel network on the
     * smallest even number of bits that covers {@code n}, walking the cycle until the value falls
     * below {@code n} (at most four times the domain, so about two steps on average).
     */
    static final class Permutation {

        private final long n;
        private final int halfBits;
        private final long mask;
        private final long[] keys = new long[4];

        Permutation(long n, long key) {
            this.n = n;
            int bits = n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
            this.halfBits = (bits + 1) / 2;
            this.mask = (1L << halfBits) - 1;
            for (int k = 0; k < keys.length; k++) {
                keys[k] = Rng.mix(key + k * 0x9E3779B97F4A7C15L);
            }
        }

        long apply(long x) {
            long y = x;
            do {
                y = round(y);
            } while (y >= n);
            return y;
        }

        private long round(long x) {
            long left = x >>> halfBits;
            long right = x & mask;
            for (long key : keys) {
                long next = left ^ (Rng.mix(right ^ key) & mask);
                left = right;
                right = next;
            }
            return (left << halfBits) | right;
        }
    }

    /** One block of lines as UTF-8 bytes (every character written is ASCII). */
    private static final class Line {

        final byte[] bytes;
        int length;

        Line(int capacity) {
            this.bytes = new byte[capacity];
        }

        void reset() {
            length = 0;
        }

        Line ascii(String s) {
            int n = s.length();
            for (int k = 0; k < n; k++) {
                bytes[length++] = (byte) s.charAt(k);
            }
            return this;
        }

        Line ascii(char[] s) {
            for (char c : s) {
                bytes[length++] = (byte) c;
            }
            return this;
        }

        Line comma() {
            bytes[length++] = ',';
            return this;
        }

        Line dot() {
            bytes[length++] = '.';
            return this;
        }

        Line newline() {
            bytes[length++] = '\n';
            return this;
        }

        /** A non-negative number without leading zeros. */
        Line number(int v) {
            int digits = 1;
            for (int t = v; t >= 10; t /= 10) {
                digits++;
            }
            return digits(v, digits);
        }

        /** {@code v} in exactly {@code width} digits, zero-padded. */
        Line digits(int v, int width) {
            int t = v;
            for (int k = width - 1; k >= 0; k--) {
                bytes[length + k] = (byte) ('0' + t % 10);
                t /= 10;
            }
            length += width;
            return this;
        }

        /** yyyy-MM-dd. */
        Line date(int day) {
            int ymd = Dates.ymd(day);
            digits(ymd / 10_000, 4);
            bytes[length++] = '-';
            digits(ymd / 100 % 100, 2);
            bytes[length++] = '-';
            return digits(ymd % 100, 2);
        }
    }
}
