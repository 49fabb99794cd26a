package org.vigil.sharing.quality;

import java.time.YearMonth;
import java.util.Objects;

/**
 * A rectification requirement an officer issues by hand, typically after a spot check (DATA-12
 * 不定期检查) or a comparison of entered data with the paper records.
 *
 * @param provider the provider code
 * @param feed     the feed code
 * @param issue    what it is about
 * @param month    the data month the finding concerns
 * @param finding  what was found
 * @param officer  who issues it
 */
public record NewRectification(String provider, String feed, QualityIssue issue, YearMonth month, String finding,
        String officer) {

    public NewRectification {
        Objects.requireNonNull(issue, "issue");
        Objects.requireNonNull(month, "month");
    }
}
