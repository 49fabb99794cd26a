package org.vigil.vault.internal;

import java.util.Arrays;

/**
 * ID keys to person numbers and back, as primitive arrays: a million persons cost about 40 MB here
 * against several times that as boxed map entries. Not thread-safe; {@link JdbcPersonVault} guards it.
 */
final class NumberMap {

    private static final long EMPTY = 0;

    private long[] keys;
    private long[] numbers;
    private int size;
    /** ID key by person number; person numbers are dense from 1. */
    private long[] keyOfNumber = new long[1024];

    NumberMap() {
        keys = new long[1 << 12];
        numbers = new long[1 << 12];
    }

    int size() {
        return size;
    }

    /** The person number of an ID key, or 0. */
    long number(long idKey) {
        int mask = keys.length - 1;
        for (int i = slot(idKey, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == idKey) {
                return numbers[i];
            }
            if (k == EMPTY) {
                return 0;
            }
        }
    }

    /** The ID key of a person number, or 0. */
    long idKey(long number) {
        return number > 0 && number < keyOfNumber.length ? keyOfNumber[(int) number] : 0;
    }

    void put(long idKey, long number) {
        if (idKey == EMPTY || number <= 0 || number >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not an ID key and person number: " + idKey + ", " + number);
        }
        if ((size + 1) * 2L > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = slot(idKey, mask); ; i = (i + 1) & mask) {
            if (keys[i] == idKey) {
                numbers[i] = number;
                break;
            }
            if (keys[i] == EMPTY) {
                keys[i] = idKey;
                numbers[i] = number;
                size++;
                break;
            }
        }
        if (number >= keyOfNumber.length) {
            keyOfNumber = Arrays.copyOf(keyOfNumber, (int) Math.max(number + 1, keyOfNumber.length * 2L));
        }
        keyOfNumber[(int) number] = idKey;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldNumbers = numbers;
        keys = new long[oldKeys.length * 2];
        numbers = new long[oldKeys.length * 2];
        size = 0;
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = slot(oldKeys[j], mask);
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                numbers[i] = oldNumbers[j];
                size++;
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
