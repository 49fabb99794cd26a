package org.vigil.simulator.internal;

/**
 * SplitMix64, re-seedable from a tuple of keys. Every random decision in the city is drawn from a
 * generator keyed by what it is about (stream, person, month), never from a shared sequence, so
 * the result does not depend on the order or the thread in which decisions are made.
 *
 * <p>Not java.util.SplittableRandom: its algorithm is not part of the Java specification, and the
 * generated city must stay byte-identical across JDK releases.
 */
final class Rng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    Rng() {
    }

    Rng(long a, long b) {
        seed(a, b, 0, 0);
    }

    static Rng of(long seed, long stream, long key, long month) {
        return new Rng().seed(seed, stream, key, month);
    }

    /** Finalizer of SplitMix64 (Stafford variant 13): a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A well-mixed hash of a key tuple; also used to rank people deterministically. */
    static long hash(long seed, long stream, long key, long month) {
        long h = mix(seed + GOLDEN);
        h = mix(h ^ (stream * 0xD6E8FEB86659FD93L));
        h = mix(h ^ (key * 0xA0761D6478BD642FL + 0x1234567L));
        return mix(h ^ (month * 0xE7037ED1A0B428DBL + 0x8EBC6AF09C88C6E3L));
    }

    Rng seed(long seed, long stream, long key, long month) {
        state = hash(seed, stream, key, month);
        return this;
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform from 0 (inclusive) to 1 (exclusive) with 53 bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform from 0 (inclusive) to bound (exclusive); bound must be positive. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [lo, hi], both inclusive. */
    int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Index into cumulative weights {@code cum} (ascending, last = total). */
    int pick(int[] cum) {
        int r = nextInt(cum[cum.length - 1]);
        int lo = 0;
        int hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Index into probabilities summing to 1 (the last absorbs rounding). */
    int pick(double[] p) {
        double r = nextDouble();
        for (int i = 0; i < p.length - 1; i++) {
            r -= p[i];
            if (r < 0) {
                return i;
            }
        }
        return p.length - 1;
    }

    static int[] cumulative(int... weights) {
        int[] cum = new int[weights.length];
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cum[i] = sum;
        }
        return cum;
    }
}
