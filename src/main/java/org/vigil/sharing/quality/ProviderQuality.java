package org.vigil.sharing.quality;

import java.util.List;

/**
 * A provider's DATA-12 figures for a year: in total, per feed, and per feed and month. Deliveries
 * belong to the year of their data month.
 *
 * @param provider the provider code
 * @param year     the calendar year
 * @param total    all its feeds together
 * @param feeds    each feed it delivered that year, by code
 */
public record ProviderQuality(String provider, int year, QualityFigures total, List<FeedQuality> feeds) {

    public ProviderQuality {
        feeds = List.copyOf(feeds);
    }
}
