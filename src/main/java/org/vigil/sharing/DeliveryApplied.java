package org.vigil.sharing;

import java.time.YearMonth;

/**
 * Published when a delivery's facts are committed, so certification and the registry can take
 * them up without reading this module's tables.
 */
public record DeliveryApplied(long deliveryId, String provider, String feed, YearMonth dataMonth, long factsWritten,
        long lifeSignsWritten) {
}
