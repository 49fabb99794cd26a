package org.vigil.sharing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A delivery's rows after reading, with exact repeats found across threads: of rows with equal
 * content the first (lowest row number) stands and the others are duplicates, whatever they
 * would have been on their own, so a repeat is never a second fact, a second reject or a second
 * review item. Content is compared by a 64-bit hash of the cells; two different rows share one
 * with a probability of about 3 in a million for a ten-million-row file (documented in
 * {@code docs/ingestion.md}).
 */
final class DeliveryResult {

    /** The reason code of a repeated row in the rejects file. */
    static final String DUPLICATE = "DUPLICATE_ROW";

    final List<FactRow> facts;
    final List<RejectLine> rejects;
    final List<ReviewRow> reviews;
    final LifeSigns lifeSigns;
    final long rowsRead;
    final long accepted;
    final long rejected;
    final long review;
    final long duplicates;
    final long ageFiltered;
    final long linked;
    final long cellsExpected;
    final long cellsFilled;
    /** Duplicate row → the row it repeats. */
    final Map<Long, Long> duplicateOf;

    DeliveryResult(List<SinkResult> sinks) {
        sinks.forEach(SinkResult::flush);
        long total = 0;
        long[] outcomes = new long[RowOutcome.values().length];
        long linkedRows = 0;
        long expected = 0;
        long filled = 0;
        for (SinkResult s : sinks) {
            total += s.count;
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] += s.outcomes[i];
            }
            linkedRows += s.linked;
            expected += s.cellsExpected;
            filled += s.cellsFilled;
        }
        Map<Long, Long> dup = new HashMap<>();
        for (long[] group : repeats(sinks)) {
            // sorted by row: the first stands, whatever the others would have been on their own
            long first = group[0] >>> 4;
            for (int i = 1; i < group.length; i++) {
                long meta = group[i];
                outcomes[(int) (meta & 7)]--;
                if ((meta & 8) != 0) {
                    linkedRows--;
                }
                outcomes[RowOutcome.DUPLICATE.ordinal()]++;
                dup.put(meta >>> 4, first);
            }
        }
        this.duplicateOf = Map.copyOf(dup);
        this.rowsRead = total;
        this.accepted = outcomes[RowOutcome.ACCEPTED.ordinal()];
        this.rejected = outcomes[RowOutcome.REJECTED.ordinal()];
        this.review = outcomes[RowOutcome.REVIEW.ordinal()];
        this.duplicates = outcomes[RowOutcome.DUPLICATE.ordinal()];
        this.ageFiltered = outcomes[RowOutcome.AGE_FILTERED.ordinal()];
        this.linked = linkedRows;
        this.cellsExpected = expected;
        this.cellsFilled = filled;

        List<FactRow> f = new ArrayList<>();
        List<RejectLine> r = new ArrayList<>();
        List<ReviewRow> v = new ArrayList<>();
        for (SinkResult s : sinks) {
            s.facts.stream().filter(x -> !dup.containsKey(x.row())).forEach(f::add);
            s.rejects.stream().filter(x -> !dup.containsKey(x.row())).forEach(r::add);
            s.reviews.stream().filter(x -> !dup.containsKey(x.row())).forEach(v::add);
        }
        // The provider learns of its repeats from the rejects file too, though the row is not refused.
        dup.forEach((row, original) -> r.add(new RejectLine(row, "", "", DUPLICATE,
                "与第 " + original + " 行重复 / repeats row " + original, false)));
        f.sort(Comparator.comparingLong(FactRow::row));
        r.sort(Comparator.comparingLong(RejectLine::row));
        v.sort(Comparator.comparingLong(ReviewRow::row));
        this.facts = f;
        this.rejects = r;
        this.reviews = v;
        this.lifeSigns = signsOf(sinks);
    }

    /**
     * The threads' life signs, without combining the rest: a repeated row's sign equals the one of
     * the row it repeats (same cells), which the fold keeps anyway (same day, earlier row), so the
     * signs do not wait for the repeats to be found and can be written meanwhile.
     */
    static LifeSigns signsOf(List<SinkResult> sinks) {
        sinks.forEach(SinkResult::flush);
        return new LifeSigns(sinks.stream().map(s -> s.lifeSigns).toList());
    }

    /**
     * The rows of every hash seen more than once, each group sorted by row: each thread's rows are
     * sorted in place by hash and row, and the sorted runs merged, with no copy of the hashes, no
     * sort of all of them on one array and nothing boxed but the few repeats.
     */
    private static List<long[]> repeats(List<SinkResult> sinks) {
        int k = sinks.size();
        long[][] hashes = new long[k][];
        long[][] rows = new long[k][];
        int[] counts = new int[k];
        int[] at = new int[k];
        for (int s = 0; s < k; s++) {
            SinkResult sink = sinks.get(s);
            sink.sortByHash();
            hashes[s] = sink.hashes;
            rows[s] = sink.rows;
            counts[s] = sink.count;
        }
        List<long[]> groups = new ArrayList<>();
        int[] ends = new int[k];
        while (true) {
            long min = 0;
            boolean any = false;
            for (int s = 0; s < k; s++) {
                if (at[s] < counts[s] && (!any || hashes[s][at[s]] < min)) {
                    min = hashes[s][at[s]];
                    any = true;
                }
            }
            if (!any) {
                return groups;
            }
            int size = 0;
            for (int s = 0; s < k; s++) {
                int e = at[s];
                long[] h = hashes[s];
                while (e < counts[s] && h[e] == min) {
                    e++;
                }
                ends[s] = e;
                size += e - at[s];
            }
            if (size > 1) {
                long[] group = new long[size];
                int n = 0;
                for (int s = 0; s < k; s++) {
                    for (int i = at[s]; i < ends[s]; i++) {
                        group[n++] = rows[s][i];
                    }
                }
                // row numbers are the high bits, so the metas sort as their rows do
                Arrays.sort(group);
                groups.add(group);
            }
            System.arraycopy(ends, 0, at, 0, k);
        }
    }
}
