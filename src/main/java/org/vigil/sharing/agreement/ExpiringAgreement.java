package org.vigil.sharing.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An agreement whose validity runs out soon, for the renewal reminder.
 *
 * @param daysLeft  days from the as-of date to the last day in force (0: it ends that day)
 * @param renewedBy the number of a later agreement of the same provider that continues every one
 *                  of its feeds without a gap, when one is already recorded
 */
public record ExpiringAgreement(String number, String providerCode, String providerName, LocalDate validTo,
        long daysLeft, List<String> feeds, Optional<String> renewedBy) {

    public ExpiringAgreement {
        feeds = List.copyOf(feeds);
    }
}
