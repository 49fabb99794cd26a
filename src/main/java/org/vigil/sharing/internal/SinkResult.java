package org.vigil.sharing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.vigil.identity.ResidentId;
import org.vigil.sharing.reading.RowSink;
import org.vigil.sharing.reading.RowView;

/**
 * What one reading thread made of its rows. Every row leaves its hash and outcome behind, so that
 * exact repeats can be found across threads afterwards ({@link DeliveryResult}, which sorts each
 * thread's hashes in place and merges them); facts, rejects and review rows are kept as objects
 * since they are few, life signs are folded as they come.
 *
 * <p>Life signs come in blocks: a row's person lookup and its place in the fold are each one read
 * from memory far larger than the caches, and most of a proof-of-life row's cost is waiting for
 * those two reads. Held back until a block is full, the rows' reads go out together
 * ({@link PersonLookup#indexAll}, {@link LifeSignTable#addBlock}) and the waits overlap.
 */
final class SinkResult implements RowSink {

    /** Rows whose lookups go to memory together. */
    static final int BLOCK = 64;

    private final RowInterpreter interpreter;
    private final PersonLookup persons;
    final List<FactRow> facts = new ArrayList<>();
    final List<RejectLine> rejects = new ArrayList<>();
    final List<ReviewRow> reviews = new ArrayList<>();
    final LifeSignTable lifeSigns = new LifeSignTable();
    long[] hashes = new long[1024];
    /** Per row: {@code row << 4 | linked << 3 | outcome}. */
    long[] rows = new long[1024];
    int count;
    /** Rows by outcome, counted as they come. */
    final long[] outcomes = new long[RowOutcome.values().length];
    long linked;
    /** Whether {@link #hashes} and {@link #rows} are in hash order (then row order), no longer in file order. */
    private boolean sorted;
    long cellsExpected;
    long cellsFilled;
    /** The life-sign rows held back, {@link #held} of them. */
    private final ResidentId[] heldIds = new ResidentId[BLOCK];
    private final long[] heldRows = new long[BLOCK];
    private final long[] heldHashes = new long[BLOCK];
    private final long[] heldKeys = new long[BLOCK];
    private final long[] heldValues = new long[BLOCK];
    private final int[] heldIndexes = new int[BLOCK];
    private int held;

    SinkResult(RowInterpreter interpreter, PersonLookup persons) {
        this.interpreter = interpreter;
        this.persons = persons;
    }

    @Override
    public void accept(RowView row) {
        interpreter.interpret(row, this);
    }

    @Override
    public void finish() {
        flush();
    }

    /** Settles the life-sign rows held back; nothing to do when there are none. */
    void flush() {
        int n = held;
        if (n == 0) {
            return;
        }
        persons.indexAll(heldIds, heldIndexes);
        lifeSigns.addBlock(heldKeys, heldValues, n);
        for (int i = 0; i < n; i++) {
            note(heldRows[i], heldHashes[i], RowOutcome.ACCEPTED, heldIndexes[i] >= 0);
        }
        // so that a partial last block looks up nothing stale: a null is answered with -1
        Arrays.fill(heldIds, 0, n, null);
        held = 0;
    }

    /** Puts the rows in hash order, then row order; the rows are all in. */
    void sortByHash() {
        flush();
        if (!sorted) {
            PairSort.sortUniform(hashes, rows, count, 4);
            sorted = true;
        }
    }

    void cells(int expected, int filled) {
        cellsExpected += expected;
        cellsFilled += filled;
    }

    void rejected(long row, long hash, List<RejectLine> lines) {
        note(row, hash, RowOutcome.REJECTED, false);
        rejects.addAll(lines);
    }

    void review(long row, long hash, List<RejectLine> lines, ReviewRow review) {
        note(row, hash, RowOutcome.REVIEW, false);
        reviews.add(review);
        soft(lines);
    }

    void ageFiltered(long row, long hash, List<RejectLine> lines) {
        note(row, hash, RowOutcome.AGE_FILTERED, false);
    }

    /** An accepted proof-of-life row; it is linked, noted and folded with its block. */
    void lifeSign(long row, long hash, List<RejectLine> lines, ResidentId id, LocalDate date) {
        int i = held;
        heldIds[i] = id;
        heldRows[i] = row;
        heldHashes[i] = hash;
        heldKeys[i] = LifeSignTable.pack(id.value());
        heldValues[i] = LifeSignTable.value(date.getYear() * 12 + date.getMonthValue() - 1, date, row);
        held = i + 1;
        soft(lines);
        if (held == BLOCK) {
            flush();
        }
    }

    void fact(long row, long hash, List<RejectLine> lines, FactRow fact, boolean linked) {
        note(row, hash, RowOutcome.ACCEPTED, linked);
        facts.add(fact);
        soft(lines);
    }

    private void soft(List<RejectLine> lines) {
        if (lines != null) {
            rejects.addAll(lines);
        }
    }

    private void note(long row, long hash, RowOutcome outcome, boolean linked) {
        if (sorted) {
            throw new IllegalStateException("a row after the last one");
        }
        if (count == hashes.length) {
            hashes = Arrays.copyOf(hashes, count * 2);
            rows = Arrays.copyOf(rows, count * 2);
        }
        hashes[count] = hash;
        rows[count] = row << 4 | (linked ? 8 : 0) | outcome.ordinal();
        count++;
        outcomes[outcome.ordinal()]++;
        if (linked) {
            this.linked++;
        }
    }
}
