package org.vigil.sharing.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The register of data providers and their liaisons (SHARE-1), and what ingestion needs to know
 * about how each provider writes its files (column aliases, the SHARE-4 age filter).
 *
 * <p>Every change is checked completely before anything is stored; a refused change throws
 * {@link RegisterException} naming every problem and stores nothing.
 */
public interface ProviderRegistry {

    /** Registers a new provider, with no feeds and no liaisons yet. */
    Provider register(ProviderRegistration registration);

    Optional<Provider> find(String providerCode);

    /** Every provider, by code. */
    List<Provider> all();

    /**
     * Records that the provider delivers a feed, or changes how it does: the feed must be in the
     * feed catalogue, the age filter allowed for it there, and every alias must name one of the
     * feed's columns.
     */
    Provider configureFeed(String providerCode, FeedSetting setting);

    /** Adds a liaison to the provider's roster. */
    Liaison appointLiaison(String providerCode, LiaisonAppointment appointment);

    /** Records the last day a liaison served; the entry stays on the roster with its dates. */
    Liaison endLiaison(String providerCode, long liaisonId, LocalDate lastDay);

    /**
     * The provider's own header text → catalogue column key for a feed, to pass to the header
     * mapping; empty when the provider uses the catalogue's spellings or is not registered for the feed.
     */
    Map<String, String> columnAliases(String providerCode, String feedCode);

    /**
     * Whom the provider's files of a feed cover (SHARE-4); {@link AgeScope#EVERYONE} unless the
     * provider is registered with the age filter for that feed.
     */
    AgeScope ageScope(String providerCode, String feedCode);
}
