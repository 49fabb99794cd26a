package org.vigil.sharing.quality;

import java.time.LocalDate;
import java.util.List;

/**
 * Which deliveries providers owe, from the feed catalogue's cadence and the feeds each provider
 * is registered for (SHARE-5). A provider owes a period of a feed when an agreement covering the
 * feed is in force on the period's last day; a period is delivered by the first delivery for one
 * of its months that was applied or is held (a refused or discarded file must be sent again).
 */
public interface DeliveryCadence {

    /** Every delivery overdue on that day: due before it, and not delivered by its end. By provider, feed and period. */
    List<OverdueDelivery> overdue(LocalDate asOf);

    /** The provider's punctuality over the periods that end in the year and were due before {@code asOf}. */
    Timeliness timeliness(String provider, int year, LocalDate asOf);
}
