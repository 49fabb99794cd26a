package org.vigil.certification;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.vigil.identity.Money;

/**
 * A recipient's monthly amount through time: each change takes effect from a month and holds
 * until the next. Back pay and overpayment are summed month by month from it, so a pension raised
 * in January is recovered or repaid at the January amount.
 */
public final class AmountHistory {

    /** The amount from a month on. */
    public record Change(YearMonth from, Money monthly) {
        public Change {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(monthly, "monthly");
            if (monthly.isNegative()) {
                throw new IllegalArgumentException("a monthly amount is not negative: " + monthly);
            }
        }
    }

    private final List<Change> changes;

    public AmountHistory(List<Change> changes) {
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(Change::from));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).from().equals(sorted.get(i - 1).from())) {
                throw new IllegalArgumentException("two amounts take effect in " + sorted.get(i).from());
            }
        }
        this.changes = List.copyOf(sorted);
    }

    public static AmountHistory constant(YearMonth from, Money monthly) {
        return new AmountHistory(List.of(new Change(from, monthly)));
    }

    /** The amount owed for a month; nothing before the benefit started. */
    public Money amountFor(YearMonth month) {
        Money amount = Money.ZERO;
        for (Change c : changes) {
            if (c.from().isAfter(month)) {
                break;
            }
            amount = c.monthly();
        }
        return amount;
    }

    public List<Change> changes() {
        return changes;
    }
}
