package org.vigil.sharing.quality;

import java.util.List;

/**
 * One feed of a provider over a year.
 *
 * @param feed   the feed code
 * @param year   the whole year's figures
 * @param months the figures of each month that had a delivery, in order
 */
public record FeedQuality(String feed, QualityFigures year, List<MonthQuality> months) {

    public FeedQuality {
        months = List.copyOf(months);
    }
}
