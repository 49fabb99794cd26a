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
    final LifeSignTable lifeSigns;
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
        int total = 0;
        for (SinkResult s : sinks) {
            total += s.count;
        }
        long[] all = new long[total];
        int at = 0;
        for (SinkResult s : sinks) {
            System.arraycopy(s.hashes, 0, all, at, s.count);
            at += s.count;
        }
        Arrays.parallelSort(all);
        // The hashes seen more than once, sorted: a binary search per row, nothing boxed.
        int distinctRepeats = 0;
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1] && (distinctRepeats == 0 || all[distinctRepeats - 1] != all[i])) {
                all[distinctRepeats++] = all[i];
            }
        }
        long[] repeated = Arrays.copyOf(all, distinctRepeats);
        all = null;
        Map<Long, List<long[]>> groups = new HashMap<>();
        long[] outcomes = new long[RowOutcome.values().length];
        long linkedRows = 0;
        long expected = 0;
        long filled = 0;
        for (SinkResult s : sinks) {
            expected += s.cellsExpected;
            filled += s.cellsFilled;
            for (int i = 0; i < s.count; i++) {
                long meta = s.rows[i];
                outcomes[(int) (meta & 7)]++;
                if ((meta & 8) != 0) {
                    linkedRows++;
                }
                if (repeated.length > 0 && Arrays.binarySearch(repeated, s.hashes[i]) >= 0) {
                    groups.computeIfAbsent(s.hashes[i], h -> new ArrayList<>()).add(new long[] {meta});
                }
            }
        }
        Map<Long, Long> dup = new HashMap<>();
        for (List<long[]> group : groups.values()) {
            group.sort(Comparator.comparingLong(m -> m[0] >>> 4));
            long first = group.get(0)[0] >>> 4;
            for (int i = 1; i < group.size(); i++) {
                long meta = group.get(i)[0];
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
        LifeSignTable signs = sinks.isEmpty() ? new LifeSignTable() : sinks.get(0).lifeSigns;
        for (int i = 0; i < sinks.size(); i++) {
            SinkResult s = sinks.get(i);
            s.facts.stream().filter(x -> !dup.containsKey(x.row())).forEach(f::add);
            s.rejects.stream().filter(x -> !dup.containsKey(x.row())).forEach(r::add);
            s.reviews.stream().filter(x -> !dup.containsKey(x.row())).forEach(v::add);
            if (i > 0) {
                signs.addAll(s.lifeSigns);
            }
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
        this.lifeSigns = signs;
    }
}
