package org.vigil.sharing.quality;

import java.time.YearMonth;
import java.util.List;

/**
 * What one run of the monthly quality check found.
 *
 * @param month          the month checked
 * @param newlyOverdue   deliveries overdue at the month's end that no earlier check had found
 * @param notices        rectification notices issued (or found again) by this run
 */
public record MonthlyCheck(YearMonth month, List<OverdueDelivery> newlyOverdue, List<Rectification> notices) {

    public MonthlyCheck {
        newlyOverdue = List.copyOf(newlyOverdue);
        notices = List.copyOf(notices);
    }
}
