package org.vigil.sharing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.vigil.sharing.reading.RowSink;
import org.vigil.sharing.reading.RowView;

/**
 * What one reading thread made of its rows. Every row leaves its hash and outcome behind, so that
 * exact repeats can be found across threads afterwards ({@link DeliveryResult}); facts, rejects and
 * review rows are kept as objects since they are few, life signs are folded as they come.
 */
final class SinkResult implements RowSink {

    private final RowInterpreter interpreter;
    final List<FactRow> facts = new ArrayList<>();
    final List<RejectLine> rejects = new ArrayList<>();
    final List<ReviewRow> reviews = new ArrayList<>();
    final LifeSignTable lifeSigns = new LifeSignTable();
    long[] hashes = new long[1024];
    /** Per row: {@code row << 4 | linked << 3 | outcome}. */
    long[] rows = new long[1024];
    int count;
    long cellsExpected;
    long cellsFilled;

    SinkResult(RowInterpreter interpreter) {
        this.interpreter = interpreter;
    }

    @Override
    public void accept(RowView row) {
        interpreter.interpret(row, this);
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

    void lifeSign(long row, long hash, List<RejectLine> lines, long packedId, LocalDate date, boolean linked) {
        note(row, hash, RowOutcome.ACCEPTED, linked);
        lifeSigns.add(packedId, date.getYear() * 12 + date.getMonthValue() - 1, date, row);
        soft(lines);
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
        if (count == hashes.length) {
            hashes = Arrays.copyOf(hashes, count * 2);
            rows = Arrays.copyOf(rows, count * 2);
        }
        hashes[count] = hash;
        rows[count] = row << 4 | (linked ? 8 : 0) | outcome.ordinal();
        count++;
    }
}
