package org.vigil.simulator.internal;

import org.vigil.simulator.ExpectedOutcome;
import org.vigil.simulator.FeedDefect;

/**
 * One imperfection injected into a feed file, a line of the month's defect ledger without the file.
 *
 * @param row       the row as the department's tool numbers it: the header is row 1 in CSV and XLSX; JSON Lines count from 1
 * @param column    the header of the affected cell, empty for a whole-row defect
 * @param value     the cell as stored in the file
 * @param trueValue what it should have been; for a duplicate, the row number of the first copy
 */
record DefectLine(long row, String column, FeedDefect defect, String value, String trueValue, ExpectedOutcome expected) {

    DefectLine atRow(long number) {
        return new DefectLine(number, column, defect, value, trueValue, expected);
    }
}
