package org.vigil.simulator;

/**
 * The kinds of imperfection the simulator injects into department feed files, one code per kind,
 * as listed in each month's {@code truth/YYYY-MM/defects.csv}. The ledger is the ground truth that
 * department data ingestion is scored against (SHARE-3, REG-4, DATA-12).
 */
public enum FeedDefect {
    /** An 18-character ID whose check character is wrong. */
    ID_WRONG_CHECK_DIGIT,
    /** Two adjacent digits of the ID swapped; the check character always catches it (MOD 11-2). */
    ID_DIGITS_SWAPPED,
    /** The 15-digit pre-1999 form, for someone born in the 1900s. */
    ID_LEGACY_15,
    /** A lower-case {@code x} as check character. */
    ID_LOWERCASE_X,
    /** An ID typed into a spreadsheet cell as a number: stored as a double, its last digits lost. */
    ID_TRUNCATED_NUMBER,
    /** No ID at all. */
    ID_MISSING,
    /** One character of the name replaced by a homophone (晓/小, 张/章…). */
    NAME_HOMOPHONE,
    /** The name in traditional characters (華, 麗, 張…). */
    NAME_TRADITIONAL,
    /** A space between surname and given name. */
    NAME_SPACE,
    /** The last character of a two-character given name dropped. */
    NAME_TRUNCATED,
    /** A date a few days away from the true one. */
    DATE_OFF,
    /** A row sent twice: an exact repeat of the row before it. */
    DUPLICATE_ROW
}
