package org.vigil.sharing.internal;

/**
 * One line of a delivery's rejects file: a cell the provider must correct.
 *
 * @param rowRejected whether the row was refused for it; a bad value in a merely descriptive
 *                    column is dropped and reported, and the row still counts
 */
record RejectLine(long row, String column, String value, String reasonCode, String reason, boolean rowRejected) {
}
