package org.vigil.sharing.quality;

import java.time.YearMonth;

/**
 * The monthly quality check (DATA-12, DATA-13, SHARE-5). For a month it finds the deliveries
 * overdue at the month's end, publishes {@link DeliveryOverdue} once for each new one and issues a
 * rectification notice for it, and issues notices for every provider and feed whose deliveries of
 * that month together miss a rate threshold. Running it twice for a month finds nothing new.
 */
public interface QualityChecks {

    MonthlyCheck run(YearMonth month);
}
