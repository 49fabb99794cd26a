package org.vigil.certification.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.vigil.certification.CertificationPolicy;
import org.vigil.certification.DependentRelation;
import org.vigil.certification.Entitlement;
import org.vigil.certification.Evidence;
import org.vigil.certification.EvidenceEffect;
import org.vigil.certification.EvidenceRef;
import org.vigil.certification.EvidenceRule;
import org.vigil.certification.BenefitKind;
import org.vigil.identity.FileProblem;
import org.vigil.identity.IdKeyTable;
import org.vigil.identity.IdKeys;

/**
 * A month's evidence file folded into what the decision needs per recipient, read by several
 * threads at once. Signs of life are the bulk of every month (80 % of rows) and
 * {@link org.vigil.certification.EligibilityRules} depends on them only through the latest one on
 * or before the as-of date, so each recipient keeps one packed long, raised atomically; deaths,
 * custody and a dependent's losses are rare and kept whole. The decision then sees exactly the
 * evidence that can change it (ADR 0016).
 */
final class EvidenceFold {

    static final String[] REQUIRED = {"id_number", "kind", "event_date"};
    /** Dates are stored as days since 1900-01-01 in 17 bits, to the year 2258. */
    private static final int DAY_BASE = CsvLine.epochDay(1900, 1, 1);
    private static final int DAY_BITS = 17;
    private static final int KIND_BITS = 7;
    private static final int REF_BITS = 40;
    private static final int LINE_BITS = 28;
    private static final long REF_MASK = (1L << REF_BITS) - 1;
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int MAX_REJECTS = 1000;

    private final RecipientColumns recipients;
    private final CertificationPolicy policy;
    private final int asOf;
    /** Kinds sorted by name, so a greater rank is a greater name: ties on a date go to the greater name. */
    private final String[] kinds;
    private final byte[][] kindBytes;
    /** Kind index + 1 by slot; 0 marks an empty slot. */
    private final int[] kindSlots;
    private final EvidenceRule[] rules;
    /** Per benefit word of the recipients file and kind: whether the kind bears on that benefit. */
    private final boolean[][] applies;

    /** Per recipient: the latest sign of life, packed as date, kind rank and reference; 0 for none. */
    final long[] life;
    /** Rare evidence, in the order the readers finished. */
    private int[] rareOrdinal = new int[0];
    private byte[] rareKind = new byte[0];
    private int[] rareDate = new int[0];
    private int[] rareEnd = new int[0];
    private long[] rareRef = new long[0];
    /** Rare evidence indices sorted by recipient, and where each recipient's run starts. */
    private int[] rareOrder = new int[0];
    private long[] firstLines = new long[0];
    private String file = "";

    long rows;
    long linked;
    long notRecipients;
    long afterAsOf;
    long notApplicable;
    final List<FileProblem> rejects = new ArrayList<>();
    long rejected;

    EvidenceFold(RecipientColumns recipients, CertificationPolicy policy, LocalDate asOf) {
        this.recipients = recipients;
        this.policy = policy;
        this.asOf = (int) asOf.toEpochDay();
        if (policy.evidence().values().stream()
                .anyMatch(r -> r.effect() == EvidenceEffect.ALIVE && r.strength() != org.vigil.certification.EvidenceStrength.CONCLUSIVE)) {
            // the fold keeps one sign of life per recipient, which is only enough when every sign certifies
            throw new IllegalArgumentException("policy " + policy.version() + " has signs of life from weak sources; "
                    + "a run from files needs every sign of life to be conclusive");
        }
        this.kinds = policy.evidence().keySet().stream().sorted().toArray(String[]::new);
        if (kinds.length >= 1 << KIND_BITS) {
            throw new IllegalArgumentException("a file run folds at most " + ((1 << KIND_BITS) - 1) + " evidence kinds");
        }
        this.kindBytes = Arrays.stream(kinds).map(k -> k.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.kindSlots = kindSlots(kindBytes);
        this.rules = Arrays.stream(kinds).map(k -> policy.evidence().get(k)).toArray(EvidenceRule[]::new);
        this.applies = new boolean[recipients.benefitKinds.size()][kinds.length];
        for (int b = 0; b < recipients.benefitKinds.size(); b++) {
            Entitlement sample = sample(recipients.benefitKinds.get(b));
            for (int k = 0; k < kinds.length; k++) {
                applies[b][k] = rules[k].appliesTo(sample);
            }
        }
        this.life = new long[recipients.size];
    }

    /** The benchmark's files name no relation; a dependent then counts as {@link DependentRelation#OTHER}. */
    static DependentRelation relationOf(BenefitKind kind) {
        return kind == BenefitKind.DEPENDENT ? DependentRelation.OTHER : null;
    }

    private static Entitlement sample(BenefitKind kind) {
        LocalDate day = LocalDate.of(2000, 1, 1);
        return new Entitlement(kind, relationOf(kind), day, day, day, 0);
    }

    void read(Path path, ExecutorService pool, int threads) throws IOException {
        file = path.getFileName().toString();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            Header header = Header.read(channel, file, REQUIRED);
            List<LineChunks.Chunk> chunks = LineChunks.split(channel, header.length(), Math.max(threads * 8, 1));
            if (chunks.size() >= 1 << (REF_BITS - LINE_BITS)) {
                throw new IllegalStateException("too many parts");
            }
            List<Future<Part>> futures = new ArrayList<>();
            for (LineChunks.Chunk chunk : chunks) {
                futures.add(pool.submit(() -> readPart(channel, chunk, header)));
            }
            List<Part> parts = new ArrayList<>();
            for (Future<Part> f : futures) {
                parts.add(Futures.get(f));
            }
            firstLines = LineChunks.firstLines(parts.stream().mapToLong(p -> p.lines).toArray(), 2);
            gather(parts);
        }
    }

    private Part readPart(FileChannel channel, LineChunks.Chunk chunk, Header header) {
        Part part = new Part(chunk.index());
        CsvLine line = new CsvLine(header.columns() + 1);
        int id = header.index("id_number");
        int kind = header.index("kind");
        int date = header.index("event_date");
        int end = header.index("end_date");
        long refBase = (long) chunk.index() << LINE_BITS;
        part.lines = LineChunks.read(channel, chunk, (bytes, from, to, n) -> {
            if (from == to) {
                return;
            }
            part.rows++;
            if (line.split(bytes, from, to) != header.columns()) {
                part.reject(n, "", "", "expected " + header.columns() + " comma-separated fields without quotes");
                return;
            }
            long key = line.length(id) == 18 ? IdKeys.ofAscii(bytes, line.start(id)) : 0;
            if (key == 0) {
                part.reject(n, "id_number", line.text(id), "not an 18-character ID number with its MOD 11-2 check character");
                return;
            }
            int k = kindIndex(line, kind);
            if (k < 0) {
                part.reject(n, "kind", line.text(kind), "not an evidence kind of policy " + policy.version());
                return;
            }
            int day = line.epochDay(date);
            if (day == Integer.MIN_VALUE || day < DAY_BASE || day - DAY_BASE >= 1 << DAY_BITS) {
                part.reject(n, "event_date", line.text(date), "not a date (yyyy-MM-dd) between 1900 and 2258");
                return;
            }
            int until = end < 0 || line.isEmpty(end) ? RecipientColumns.NO_DATE : line.epochDay(end);
            if (until == Integer.MIN_VALUE && !line.isEmpty(end)) {
                part.reject(n, "end_date", line.text(end), "not a date (yyyy-MM-dd)");
                return;
            }
            if (until != RecipientColumns.NO_DATE && until < day) {
                part.reject(n, "end_date", line.text(end), "ends before it starts");
                return;
            }
            if (n >= 1L << LINE_BITS) {
                throw new IllegalStateException("a part of more than " + (1L << LINE_BITS) + " lines");
            }
            if (part.pending(key, k, day, until, refBase | n)) {
                link(part);
            }
        });
        link(part);
        return part;
    }

    /**
     * Links the pending rows of a part to recipients and folds them. The lookups go in a batch:
     * each is a cache miss in a table of tens of megabytes, and issued together they overlap.
     */
    private void link(Part part) {
        int count = part.pendingCount;
        if (count == 0) {
            return;
        }
        recipients.table().getAll(part.pendingKey, count, part.pendingOrdinal, 0);
        for (int i = 0; i < count; i++) {
            int ordinal = part.pendingOrdinal[i];
            if (ordinal < 0) {
                part.notRecipients++;
                continue;
            }
            int day = part.pendingDay[i];
            if (day > asOf) {
                part.afterAsOf++;
                continue;
            }
            int k = part.pendingKind[i];
            if (!applies[recipients.benefit[ordinal]][k]) {
                part.notApplicable++;
                continue;
            }
            part.linked++;
            long ref = part.pendingRef[i];
            if (rules[k].effect() == EvidenceEffect.ALIVE) {
                long packed = ((long) (day - DAY_BASE) << (KIND_BITS + REF_BITS)) | ((long) k << REF_BITS) | ref;
                raise(ordinal, packed);
            } else {
                part.addRare(ordinal, (byte) k, day, part.pendingUntil[i], ref);
            }
        }
        part.pendingCount = 0;
    }

    /** Keeps the greater of the stored and the new value; readers of other parts may race for the same recipient. */
    private void raise(int ordinal, long packed) {
        long current = (long) LONGS.getVolatile(life, ordinal);
        while (Long.compareUnsigned(packed, current) > 0) {
            long witness = (long) LONGS.compareAndExchange(life, ordinal, current, packed);
            if (witness == current) {
                return;
            }
            current = witness;
        }
    }

    private int kindIndex(CsvLine line, int field) {
        int len = line.length(field);
        if (len == 0) {
            return -1;
        }
        for (int slot = kindSlot(len, line.byteAt(field, 0), line.byteAt(field, len - 1));; slot = (slot + 1) & KIND_SLOT_MASK) {
            int k = kindSlots[slot] - 1;
            if (k < 0) {
                return -1;
            }
            if (line.is(field, kindBytes[k])) {
                return k;
            }
        }
    }

    private static final int KIND_SLOT_MASK = 255;

    /** A kind's slot from its length and first and last bytes: enough to part the catalogue's kinds. */
    private static int kindSlot(int length, byte first, byte last) {
        return (length * 31 + first * 7 + last) & KIND_SLOT_MASK;
    }

    private static int[] kindSlots(byte[][] kinds) {
        int[] slots = new int[KIND_SLOT_MASK + 1];
        for (int k = 0; k < kinds.length; k++) {
            byte[] b = kinds[k];
            int slot = kindSlot(b.length, b[0], b[b.length - 1]);
            while (slots[slot] != 0) {
                slot = (slot + 1) & KIND_SLOT_MASK;
            }
            slots[slot] = k + 1;
        }
        return slots;
    }

    private void gather(List<Part> parts) {
        int total = parts.stream().mapToInt(p -> p.rare).sum();
        rareOrdinal = new int[total];
        rareKind = new byte[total];
        rareDate = new int[total];
        rareEnd = new int[total];
        rareRef = new long[total];
        int at = 0;
        for (Part p : parts) {
            System.arraycopy(p.rareOrdinal, 0, rareOrdinal, at, p.rare);
            System.arraycopy(p.rareKind, 0, rareKind, at, p.rare);
            System.arraycopy(p.rareDate, 0, rareDate, at, p.rare);
            System.arraycopy(p.rareEnd, 0, rareEnd, at, p.rare);
            System.arraycopy(p.rareRef, 0, rareRef, at, p.rare);
            at += p.rare;
            rows += p.rows;
            linked += p.linked;
            notRecipients += p.notRecipients;
            afterAsOf += p.afterAsOf;
            notApplicable += p.notApplicable;
            rejected += p.rejected;
            for (Part.Reject r : p.rejects) {
                if (rejects.size() < MAX_REJECTS) {
                    rejects.add(new FileProblem(file, firstLines[p.index] + r.line(), r.column(), r.value(), r.reason()));
                }
            }
        }
        // sort by recipient: pack ordinal and index into a long, sort the primitives
        long[] order = new long[total];
        for (int i = 0; i < total; i++) {
            order[i] = ((long) rareOrdinal[i] << 32) | i;
        }
        Arrays.sort(order);
        rareOrder = new int[total];
        for (int i = 0; i < total; i++) {
            rareOrder[i] = (int) order[i];
        }
    }

    /** The position in the recipient-sorted rare evidence of the first item of {@code ordinal} or a later recipient. */
    int firstRareAtOrAfter(int ordinal) {
        int lo = 0;
        int hi = rareOrder.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rareOrdinal[rareOrder[mid]] < ordinal) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The evidence the decision for recipient {@code ordinal} needs, into {@code out}: its rare
     * evidence from position {@code from} on, and its latest sign of life; returns the position
     * after its rare evidence.
     */
    int evidenceOf(int ordinal, int from, List<Evidence> out) {
        int i = from;
        while (i < rareOrder.length && rareOrdinal[rareOrder[i]] == ordinal) {
            int r = rareOrder[i++];
            int k = rareKind[r];
            out.add(new Evidence(kinds[k], LocalDate.ofEpochDay(rareDate[r]),
                    rareEnd[r] == RecipientColumns.NO_DATE ? null : LocalDate.ofEpochDay(rareEnd[r]), ref(kinds[k], rareRef[r])));
        }
        long packed = life[ordinal];
        if (packed != 0) {
            int day = (int) (packed >>> (KIND_BITS + REF_BITS)) + DAY_BASE;
            int k = (int) (packed >>> REF_BITS) & ((1 << KIND_BITS) - 1);
            out.add(Evidence.on(kinds[k], LocalDate.ofEpochDay(day), ref(kinds[k], packed & REF_MASK)));
        }
        return i;
    }

    private EvidenceRef ref(String kind, long ref) {
        int chunk = (int) (ref >>> LINE_BITS);
        long line = ref & ((1L << LINE_BITS) - 1);
        return new EvidenceRef(file, kind, 0, firstLines[chunk] + line);
    }

    /** What one reader found. */
    private static final class Part {
        record Reject(long line, String column, String value, String reason) {
        }

        final int index;
        final List<Reject> rejects = new ArrayList<>();
        long lines;
        long rows;
        long linked;
        long notRecipients;
        long afterAsOf;
        long notApplicable;
        long rejected;
        int rare;
        int[] rareOrdinal = new int[256];
        byte[] rareKind = new byte[256];
        int[] rareDate = new int[256];
        int[] rareEnd = new int[256];
        long[] rareRef = new long[256];

        final long[] pendingKey = new long[IdKeyTable.BATCH];
        final int[] pendingOrdinal = new int[IdKeyTable.BATCH];
        final byte[] pendingKind = new byte[IdKeyTable.BATCH];
        final int[] pendingDay = new int[IdKeyTable.BATCH];
        final int[] pendingUntil = new int[IdKeyTable.BATCH];
        final long[] pendingRef = new long[IdKeyTable.BATCH];
        int pendingCount;

        Part(int index) {
            this.index = index;
        }

        /** Holds a checked row for linking; returns whether the batch is full. */
        boolean pending(long key, int kind, int day, int until, long ref) {
            int i = pendingCount++;
            pendingKey[i] = key;
            pendingKind[i] = (byte) kind;
            pendingDay[i] = day;
            pendingUntil[i] = until;
            pendingRef[i] = ref;
            return pendingCount == pendingKey.length;
        }

        void reject(long line, String column, String value, String reason) {
            rejected++;
            if (rejects.size() < MAX_REJECTS) {
                rejects.add(new Reject(line, column, value, reason));
            }
        }

        void addRare(int ordinal, byte kind, int date, int end, long ref) {
            if (rare == rareOrdinal.length) {
                int size = rare * 2;
                rareOrdinal = Arrays.copyOf(rareOrdinal, size);
                rareKind = Arrays.copyOf(rareKind, size);
                rareDate = Arrays.copyOf(rareDate, size);
                rareEnd = Arrays.copyOf(rareEnd, size);
                rareRef = Arrays.copyOf(rareRef, size);
            }
            rareOrdinal[rare] = ordinal;
            rareKind[rare] = kind;
            rareDate[rare] = date;
            rareEnd[rare] = end;
            rareRef[rare++] = ref;
        }
    }
}
