package org.vigil.sharing.internal;

import java.util.List;
import java.util.function.IntConsumer;

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

    /** Visits each person's and month's one sign, in the key's order (ID, then month). */
    void forEachSorted(LifeSignTable.Visitor visitor) {
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
            LifeSignTable.visit(visitor, id, value);
            i = j;
        }
    }
}
