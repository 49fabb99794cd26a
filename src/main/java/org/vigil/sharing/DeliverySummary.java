package org.vigil.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A delivery as staff and providers see it in lists: what arrived, what became of it and its
 * DATA-12 metrics.
 *
 * @param status   APPLIED, REFUSED, QUARANTINED or DISCARDED (never ALREADY_APPLIED: a repeat
 *                 creates no delivery)
 * @param reason   why it was refused or held
 * @param decision the officer's release or discard of a held delivery, if any
 */
public record DeliverySummary(long id, String provider, String feed, String fileName, String sha256, long sizeBytes,
        String format, String encoding, YearMonth dataMonth, LocalDate asOf, Instant receivedAt, DeliveryStatus status,
        Optional<String> reason, Optional<Decision> decision, DeliveryCounts counts) {

    /** Who released or discarded a held delivery, when and why. */
    public record Decision(String officer, Instant at, String reason) {
    }
}
