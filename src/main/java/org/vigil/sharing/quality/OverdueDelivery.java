package org.vigil.sharing.quality;

import java.time.LocalDate;
import java.util.Objects;

import org.vigil.sharing.catalogue.Cadence;

/**
 * A delivery a provider owes (SHARE-5): the feed's period ended, its due date passed, and nothing
 * for it was applied or is held.
 *
 * @param provider    the provider code
 * @param feed        the feed code
 * @param cadence     the feed's cadence in the catalogue
 * @param period      the months the delivery should cover
 * @param dueDate     the last day it would have been on time
 * @param daysOverdue days from the due date to the day asked about
 */
public record OverdueDelivery(String provider, String feed, Cadence cadence, DeliveryPeriod period, LocalDate dueDate,
        long daysOverdue) {

    public OverdueDelivery {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(dueDate, "dueDate");
    }
}
