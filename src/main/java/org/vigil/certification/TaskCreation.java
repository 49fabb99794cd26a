package org.vigil.certification;

import java.time.YearMonth;

/**
 * What creating a month's tasks did.
 *
 * @param toBeVerified recipients on the month's to-be-verified ledger (in the district, when one was given)
 * @param created      tasks created now
 * @param existing     recipients left alone: they have a task for this month already, or one not yet
 *                     done from an earlier month
 */
public record TaskCreation(YearMonth month, long toBeVerified, long created, long existing) {
}
