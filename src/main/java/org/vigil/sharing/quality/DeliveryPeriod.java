package org.vigil.sharing.quality;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

import org.vigil.sharing.catalogue.Cadence;

/**
 * The months one expected delivery covers: a calendar month, quarter, half-year or year, as the
 * feed's cadence says (SHARE-5). A delivery belongs to the period of its data month.
 *
 * @param start the first month
 * @param end   the last month
 */
public record DeliveryPeriod(YearMonth start, YearMonth end) {

    public DeliveryPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a period ends after it starts: " + start + ".." + end);
        }
    }

    /**
     * The period of a recurring cadence that holds the month: periods are aligned to the calendar
     * year, so quarters start in January, April, July and October.
     *
     * @throws IllegalArgumentException for {@link Cadence#ONCE}, which has no periods
     */
    public static DeliveryPeriod containing(YearMonth month, Cadence cadence) {
        int months = cadence.monthsBetweenDeliveries()
                .orElseThrow(() -> new IllegalArgumentException("a one-off feed has no delivery periods"));
        int first = (month.getMonthValue() - 1) / months * months + 1;
        YearMonth start = YearMonth.of(month.getYear(), first);
        return new DeliveryPeriod(start, start.plusMonths(months - 1L));
    }

    /** The period right after this one, of the same length. */
    public DeliveryPeriod next() {
        long length = start.until(end, java.time.temporal.ChronoUnit.MONTHS) + 1;
        return new DeliveryPeriod(end.plusMonths(1), end.plusMonths(length));
    }

    /** The last day a delivery for it is on time: so many days after its last month ends. */
    public LocalDate dueDate(int graceDays) {
        return end.atEndOfMonth().plusDays(graceDays);
    }

    public boolean contains(YearMonth month) {
        return !month.isBefore(start) && !month.isAfter(end);
    }
}
