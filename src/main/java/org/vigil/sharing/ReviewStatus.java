package org.vigil.sharing;

/** Where a review item stands. */
public enum ReviewStatus {
    OPEN,
    /** A reviewer chose the person; the row's fact now stands with its provenance. */
    MATCHED,
    /** A reviewer found that none of the registry's persons is the one; the row states nothing. */
    DISMISSED
}
