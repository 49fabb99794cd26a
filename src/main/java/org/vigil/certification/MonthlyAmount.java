package org.vigil.certification;

import java.time.YearMonth;
import java.util.Objects;

import org.vigil.identity.Money;

/** One month's amount of an overpayment or a back payment. */
public record MonthlyAmount(YearMonth month, Money amount) {

    public MonthlyAmount {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(amount, "amount");
    }
}
