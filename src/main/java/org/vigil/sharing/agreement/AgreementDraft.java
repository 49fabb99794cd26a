package org.vigil.sharing.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A signed agreement as staff record it, before its scan is attached.
 *
 * @param validTo the last day in force, inclusive
 */
public record AgreementDraft(String number, String providerCode, String agencyName, LocalDate signedOn,
        LocalDate validFrom, LocalDate validTo, List<String> feeds, Set<AgreementPurpose> purposes) {

    public AgreementDraft {
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
    }
}
