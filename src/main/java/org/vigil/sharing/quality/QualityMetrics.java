package org.vigil.sharing.quality;

/**
 * DATA-12 metrics over time, from the deliveries this module recorded: per provider and feed, per
 * month and per year. Aggregates add the counts behind each rate (sum of numerators over sum of
 * denominators), so a month of one large delivery and one small one is the rate of all their rows.
 * A discarded delivery still counts: dropping a bad file must not make the provider look better.
 */
public interface QualityMetrics {

    /**
     * @throws QualityException {@code NOT_FOUND} when no such provider is registered
     */
    ProviderQuality ofProvider(String provider, int year);
}
