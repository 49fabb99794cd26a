package org.vigil.identity;

/**
 * A hash table from non-zero {@code long} keys to {@code int} values, with open addressing and
 * linear probing. Key and value share one array, side by side, so a lookup usually touches one
 * cache line: with a million IDs the table is 32 MB and a lookup's cost is that one memory access.
 * A {@code HashMap<Long, Integer>} would take about five times the memory and two more pointer
 * hops per lookup. Filled once while building, then only read.
 */
public final class IdKeyTable {

    private static final int MIN_SLOTS = 2;
    /** Keys looked up together by {@link #getAll}: enough to keep the memory system busy, few enough to stay in cache. */
    public static final int BATCH = 64;

    /** Pairs: key at {@code 2 * slot}, value at {@code 2 * slot + 1}; key 0 is an empty slot. */
    private final long[] pairs;
    private final int mask;

    /** A table for {@code expected} keys, at most three-quarters full. */
    public IdKeyTable(int expected) {
        long wanted = Math.max(MIN_SLOTS, (long) expected * 4 / 3 + 1);
        int slots = Integer.highestOneBit((int) Math.min(wanted, 1 << 29));
        if (slots < wanted) {
            slots <<= 1;
        }
        pairs = new long[slots * 2];
        mask = slots - 1;
    }

    /**
     * Stores the value unless the key is there already.
     *
     * @return whether it was stored
     */
    public boolean putIfAbsent(long key, int value) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0 marks an empty slot");
        }
        int slot = slotOf(key);
        while (true) {
            long k = pairs[slot << 1];
            if (k == key) {
                return false;
            }
            if (k == 0) {
                pairs[slot << 1] = key;
                pairs[(slot << 1) + 1] = value;
                return true;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The value stored for {@code key}, or -1. */
    public int get(long key) {
        if (key == 0) {
            return -1;
        }
        int slot = slotOf(key);
        while (true) {
            long k = pairs[slot << 1];
            if (k == key) {
                return (int) pairs[(slot << 1) + 1];
            }
            if (k == 0) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * {@link #get} for the first {@code count} keys, into {@code out} from {@code outFrom}; key 0 gives -1.
     * A single lookup spends its time waiting for one memory read; here the first slot of every
     * key is read in a pass of its own, with nothing depending on one read before the next is
     * issued, so the processor has many in flight at once. Then each key is settled from cache.
     */
    public void getAll(long[] keys, int count, int[] out, int outFrom) {
        int[] slots = new int[count];
        long[] first = new long[count];
        for (int i = 0; i < count; i++) {
            slots[i] = slotOf(keys[i]);
        }
        for (int i = 0; i < count; i++) {
            first[i] = pairs[slots[i] << 1];
        }
        for (int i = 0; i < count; i++) {
            long key = keys[i];
            if (key == 0 || first[i] == 0) {
                out[outFrom + i] = -1;
            } else if (first[i] == key) {
                out[outFrom + i] = (int) pairs[(slots[i] << 1) + 1];
            } else {
                out[outFrom + i] = get(key);
            }
        }
    }

    private int slotOf(long key) {
        // The MurmurHash3 finaliser: ID keys share long runs of leading digits (region, birth year),
        // so their low bits alone would crowd a few regions of the table.
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }
}
