package org.vigil.sharing;

/**
 * What ingestion made of a delivery's rows, and the DATA-12 quality metrics computed from it
 * (defined in {@code docs/ingestion.md}). Every data row that is not blank counts once in
 * {@link #rowsRead} and lands in exactly one of accepted, rejected, review, duplicate or
 * age-filtered.
 *
 * @param rowsRead        data rows that were not entirely blank
 * @param accepted        rows that became a fact or a life sign (or were folded into one)
 * @param rejected        rows refused for an unusable value in a column that decides something
 * @param review          rows without an ID, queued for a person to match
 * @param duplicates      exact repeats of an earlier row of the same file
 * @param ageFiltered     rows left out by the provider's SHARE-4 age filter
 * @param linked          accepted rows whose ID is a person of the registry
 * @param cellsExpected   cells the catalogue requires to be filled (required columns that may not
 *                        be left blank), over all rows read; a blank-allowed cell such as the
 *                        missing ID of a community report is not missing data but a row for review
 * @param cellsFilled     of those, the ones that were not blank
 * @param factsWritten    facts stored
 * @param lifeSignsWritten life signs stored (one per person, feed and month)
 */
public record DeliveryCounts(long rowsRead, long accepted, long rejected, long review, long duplicates,
        long ageFiltered, long linked, long cellsExpected, long cellsFilled, long factsWritten,
        long lifeSignsWritten) {

    public static final DeliveryCounts NONE = new DeliveryCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public DeliveryCounts {
        if (accepted + rejected + review + duplicates + ageFiltered != rowsRead) {
            throw new IllegalArgumentException("every row read lands in exactly one outcome: " + rowsRead + " read, "
                    + accepted + " accepted, " + rejected + " rejected, " + review + " to review, " + duplicates
                    + " duplicates, " + ageFiltered + " age-filtered");
        }
    }

    /** 入库率: accepted rows over the rows read that the provider meant to deliver (all but age-filtered). */
    public double ingestionRate() {
        return ratio(accepted, rowsRead - ageFiltered, 1.0);
    }

    /** 齐全率: filled cells over the cells the catalogue requires to be filled. */
    public double completenessRate() {
        return ratio(cellsFilled, cellsExpected, 1.0);
    }

    /** 记实率: accepted rows that name a registry person by ID, over the accepted rows. */
    public double recordedRate() {
        return ratio(linked, accepted, 1.0);
    }

    /** 异常率: rows with an unusable value (rejected) or no usable ID (review), over the rows read. */
    public double anomalyRate() {
        return ratio(rejected + review, rowsRead, 0.0);
    }

    /** 重复率: exact repeats over the rows read. */
    public double duplicateRate() {
        return ratio(duplicates, rowsRead, 0.0);
    }

    /** With nothing to measure (an empty list, as departments send), a rate is at its best: {@code empty}. */
    private static double ratio(long numerator, long denominator, double empty) {
        return denominator == 0 ? empty : (double) numerator / denominator;
    }
}
