package org.vigil.sharing.internal;

/**
 * Sorts two parallel {@code long} arrays in place, by the first and then by the second shifted
 * right: a row's hash with its row number, a life sign's ID with its month. The pipeline's arrays
 * hold millions of entries, so sorting them as objects or through an index, or sorting a copy,
 * would cost memory the 1 GB heap of issue 3 does not have.
 */
final class PairSort {

    private static final int INSERTION = 24;
    /** Buckets of the first pass of {@link #sortUniform}: few enough that their write positions stay in cache. */
    private static final int BUCKET_BITS = 8;

    private PairSort() {
    }

    /**
     * Sorts entries {@code from} (inclusive) to {@code to} (exclusive) by {@code keys[i]} (signed),
     * then by {@code values[i] >>> shift}.
     */
    static void sort(long[] keys, long[] values, int from, int to, int shift) {
        int lo = from;
        int hi = to - 1;
        // recurse into the smaller side, loop on the larger: the stack stays logarithmic
        while (hi - lo >= INSERTION) {
            int mid = (lo + hi) >>> 1;
            order(keys, values, lo, mid, shift);
            order(keys, values, lo, hi, shift);
            order(keys, values, mid, hi, shift);
            long pivotKey = keys[mid];
            long pivotValue = values[mid] >>> shift;
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (less(keys[i], values[i] >>> shift, pivotKey, pivotValue)) {
                    i++;
                }
                while (less(pivotKey, pivotValue, keys[j], values[j] >>> shift)) {
                    j--;
                }
                if (i <= j) {
                    swap(keys, values, i, j);
                    i++;
                    j--;
                }
            }
            if (j - lo < hi - i) {
                sort(keys, values, lo, j + 1, shift);
                lo = i;
            }
            else {
                sort(keys, values, i, hi + 1, shift);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            long k = keys[i];
            long v = values[i];
            long s = v >>> shift;
            int j = i - 1;
            while (j >= lo && less(k, s, keys[j], values[j] >>> shift)) {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
                j--;
            }
            keys[j + 1] = k;
            values[j + 1] = v;
        }
    }

    /**
     * As {@link #sort}, for keys spread evenly over all longs (a good hash): they are first moved
     * into 256 buckets by their top bits, in place, and each bucket is then sorted where it is, in
     * the processor's cache rather than across the whole arrays. For five million entries this took
     * about 0.36 s against 0.50 s on the benchmark machine; more buckets were slower, their write
     * positions no longer fitting in cache.
     */
    static void sortUniform(long[] keys, long[] values, int n, int shift) {
        int buckets = 1 << BUCKET_BITS;
        int[] next = new int[buckets + 1];
        for (int i = 0; i < n; i++) {
            next[bucket(keys[i]) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            next[b + 1] += next[b];
        }
        int[] end = new int[buckets];
        System.arraycopy(next, 1, end, 0, buckets);
        // each entry taken out of place goes to its bucket's next free position, displacing the
        // entry there, until one that belongs here comes back: every entry moves once
        for (int b = 0; b < buckets; b++) {
            while (next[b] < end[b]) {
                long k = keys[next[b]];
                long v = values[next[b]];
                int d = bucket(k);
                while (d != b) {
                    int j = next[d]++;
                    long displacedKey = keys[j];
                    long displacedValue = values[j];
                    keys[j] = k;
                    values[j] = v;
                    k = displacedKey;
                    v = displacedValue;
                    d = bucket(k);
                }
                keys[next[b]] = k;
                values[next[b]] = v;
                next[b]++;
            }
        }
        int from = 0;
        for (int b = 0; b < buckets; b++) {
            sort(keys, values, from, end[b], shift);
            from = end[b];
        }
    }

    /** The bucket of a key: its top bits, with the sign flipped so that buckets go in signed order. */
    private static int bucket(long key) {
        return (int) ((key ^ Long.MIN_VALUE) >>> (Long.SIZE - BUCKET_BITS));
    }

    private static boolean less(long k1, long s1, long k2, long s2) {
        return k1 < k2 || k1 == k2 && s1 < s2;
    }

    private static void order(long[] keys, long[] values, int a, int b, int shift) {
        if (less(keys[b], values[b] >>> shift, keys[a], values[a] >>> shift)) {
            swap(keys, values, a, b);
        }
    }

    private static void swap(long[] keys, long[] values, int a, int b) {
        long k = keys[a];
        keys[a] = keys[b];
        keys[b] = k;
        long v = values[a];
        values[a] = values[b];
        values[b] = v;
    }
}
