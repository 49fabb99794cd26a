package org.vigil.simulator;

/**
 * What a correct ingestion must do with a row carrying an imperfection, as the {@code expected}
 * column of {@code truth/YYYY-MM/defects.csv} states it.
 */
public enum ExpectedOutcome {
    /** The ID cannot be used (wrong check digit, swapped digits, digits lost…): the row goes to the rejects. */
    REJECT,
    /** There is no ID: the row goes to the review queue with candidate persons. */
    REVIEW,
    /** Accepted once normalised: the ID to its true 18 characters, the name to simplified characters without blanks. */
    NORMALISE,
    /** A repeat of an earlier row of the same file: counted as a duplicate, never a second fact. */
    DUPLICATE,
    /** A wrong value that looks valid; no check on the row alone can find it, so the row is accepted as it stands. */
    UNDETECTABLE
}
