package org.vigil.sharing.internal;

/** Where one data row of a delivery lands; every row lands in exactly one. */
enum RowOutcome {
    ACCEPTED, REJECTED, REVIEW, DUPLICATE, AGE_FILTERED;

    private static final RowOutcome[] VALUES = values();

    static RowOutcome of(int ordinal) {
        return VALUES[ordinal];
    }
}
