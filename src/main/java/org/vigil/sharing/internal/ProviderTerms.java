package org.vigil.sharing.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** What ingestion needs to know about a provider before it reads a file. */
interface ProviderTerms {

    /** Why the provider may not deliver this feed on that date (SHARE-2), if it may not. */
    Optional<String> refusal(String provider, String feed, LocalDate on);

    /** The provider's own header spellings for the feed: header text → catalogue column key. */
    Map<String, String> columnAliases(String provider, String feed);

    /** Whether the provider delivers only men 60+ and women 50+ for the feed (SHARE-4). */
    boolean ageFilter(String provider, String feed);
}
