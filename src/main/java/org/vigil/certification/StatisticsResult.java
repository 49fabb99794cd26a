package org.vigil.certification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The table of an ad-hoc statistic (DATA-10), marked for internal use only. A cell of fewer
 * recipients than {@code minimumCell} shows {@code "<minimumCell"} and no amount, so that no one
 * person can be singled out of it.
 *
 * @param marking   always {@link AdHocStatistics#MARKING}
 * @param scope     the jurisdiction counted
 * @param suppressed how many rows were suppressed
 */
public record StatisticsResult(String marking, String number, AdHocStatistics.Measure measure, YearMonth from,
        YearMonth to, List<AdHocStatistics.Dimension> groupBy, String scope, int minimumCell, Instant computedAt,
        List<Row> rows, int suppressed) {

    /**
     * One cell.
     *
     * @param keys       the group's values in the order of {@code groupBy} (codes; null when the decision has none)
     * @param labels     the same in words, where Vigil knows them
     * @param recipients the count, or {@code "<n"} when suppressed
     * @param amount     the sum of monthly amounts when the measure is the amount and the cell is not suppressed
     */
    public record Row(List<String> keys, List<String> labels, String recipients, BigDecimal amount, boolean suppressed) {
    }
}
