package org.vigil.sharing.quality;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Published once per provider, feed and period, by the monthly check of the month in which the
 * delivery became overdue (SHARE-5), so that reminders and the console can take it up.
 *
 * @param provider     the provider code
 * @param feed         the feed code
 * @param period       the months the missing delivery should cover
 * @param dueDate      the last day it would have been on time
 * @param checkedMonth the month whose check found it
 */
public record DeliveryOverdue(String provider, String feed, DeliveryPeriod period, LocalDate dueDate,
        YearMonth checkedMonth) {
}
