package org.vigil.sharing.internal;

import java.util.List;
import java.util.function.IntConsumer;

import org.vigil.vault.PersonVault;

/**
 * A delivery's life signs: the reading threads' folds, each thread's own. They are folded into
 * one only as they are written, in the order of the table's key, which both merges the threads'
 * signs of the same person and month and lets PostgreSQL append to its index instead of inserting
 * all over it (several times cheaper for a month's telecom file, docs/performance.md). Reading the
 * threads' tables only, it can run beside the rest of the delivery's combining, which reads other
 * parts of the threads' results.
 */
final class LifeSigns {

    private final List<LifeSignTable> tables;

    LifeSigns(List<LifeSignTable> tables) {
        this.tables = List.copyOf(tables);
    }

    /** Whether no row made a sign. */
    boolean isEmpty() {
        return tables.stream().allMatch(t -> t.size() == 0);
    }

    /** Visits the month of every thread's every sign (a month may come more than once). */
    void forEachMonth(IntConsumer visitor) {
        for (LifeSignTable t : tables) {
            t.forEachMonth(visitor);
        }
    }

    /** Visits each person's and month's one sign, in the order of ID, then month. */
    void forEachSorted(LifeSignTable.Visitor visitor) {
        long[][] entries = entries();
        visitSorted(entries[0], entries[1], entries[0].length,
                (id, value) -> LifeSignTable.visit(visitor, id, value));
    }

    /** Receives one person's sign for a month, the person named by vault number. */
    interface NumberedVisitor {
        void visit(long person, int month, java.time.LocalDate date, long row);
    }

    /**
     * The signs by person number, sorted in the order of {@code sharing.life_sign}'s key (person
     * number, then month) and folded. The IDs are turned into numbers once per person and month of
     * the threads' folds, not once per row, so a month's telecom file of ten million rows asks the
     * vault some 0.7 million times, and the persons it has not seen are recorded in its batches.
     * Done before any COPY starts: the vault may need the database, and a connection in the middle
     * of a COPY answers nothing else.
     */
    Numbered numbered(PersonVault vault) {
        long[][] entries = entries();
        long[] ids = entries[0];
        int n = ids.length;
        long[] numbers = new long[n];
        for (int from = 0; from < n; from += NUMBERING_BLOCK) {
            int count = Math.min(NUMBERING_BLOCK, n - from);
            long[] block = java.util.Arrays.copyOfRange(ids, from, from + count);
            long[] out = new long[count];
            vault.numbersOf(block, count, out);
            System.arraycopy(out, 0, numbers, from, count);
        }
        return new Numbered(numbers, entries[1]);
    }

    /** A delivery's signs by person number; see {@link LifeSigns#numbered}. */
    static final class Numbered {

        private final long[] numbers;
        private final long[] values;

        private Numbered(long[] numbers, long[] values) {
            this.numbers = numbers;
            this.values = values;
        }

        /** Visits each person's and month's one sign, by person number, then month. */
        void forEach(NumberedVisitor visitor) {
            visitSorted(numbers, values, numbers.length, (person, value) -> visitor.visit(person,
                    LifeSignTable.monthOf(value), LifeSignTable.dateOf(value), LifeSignTable.rowOf(value)));
        }
    }

    /** Persons asked of the vault at once: large enough for its batches, small enough to keep copies cheap. */
    private static final int NUMBERING_BLOCK = 1 << 16;

    private long[][] entries() {
        int total = 0;
        for (LifeSignTable t : tables) {
            total += t.size();
        }
        long[] ids = new long[total];
        long[] values = new long[total];
        int n = 0;
        for (LifeSignTable t : tables) {
            n = t.copyTo(ids, values, n);
        }
        return new long[][] {ids, values};
    }

    private interface Entry {
        void visit(long key, long value);
    }

    /** Sorts by key and month and visits each key's and month's folded value. */
    private static void visitSorted(long[] ids, long[] values, int n, Entry visitor) {
        LifeSignTable.sort(ids, values, n);
        int i = 0;
        while (i < n) {
            long id = ids[i];
            long value = values[i];
            int month = LifeSignTable.monthOf(value);
            int j = i + 1;
            while (j < n && ids[j] == id && LifeSignTable.monthOf(values[j]) == month) {
                value = LifeSignTable.fold(value, values[j]);
                j++;
            }
            visitor.visit(id, value);
            i = j;
        }
    }
}
