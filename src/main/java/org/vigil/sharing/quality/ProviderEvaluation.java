package org.vigil.sharing.quality;

import java.util.Objects;

/**
 * One provider's yearly evaluation (SHARE-9, DATA-12 年度评估): how much it delivered, how punctually,
 * at what quality, what was held and what is still to be corrected, and what it should improve.
 *
 * @param provider             the provider code
 * @param name                 its name
 * @param year                 the year evaluated
 * @param figures              its deliveries of the year, all feeds together
 * @param timeliness           its punctuality over the periods of the year
 * @param openRectifications   notices not yet done on the evaluation day
 * @param overdueRectifications of those, the ones past their deadline
 * @param suggestion           the improvement asked of it
 */
public record ProviderEvaluation(String provider, String name, int year, QualityFigures figures, Timeliness timeliness,
        long openRectifications, long overdueRectifications, Suggestion suggestion) {

    public ProviderEvaluation {
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(timeliness, "timeliness");
        Objects.requireNonNull(suggestion, "suggestion");
    }
}
