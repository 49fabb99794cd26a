package org.vigil.certification;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.vigil.identity.Money;

/**
 * The money consequences of a decision, month by month from the amount history: what was paid
 * after the right ended (overpayment to recover, SHARE-7(4)) and what a wrongly or no longer
 * suspended recipient is owed (back pay, CERT-17). Pure functions; the policy says whether the
 * month in which the right ended is still owed.
 */
public final class PaymentRules {

    private PaymentRules() {
    }

    /** Months and their amounts. */
    public record MonthlySum(List<YearMonth> months, Money total) {
        public MonthlySum {
            months = List.copyOf(months);
            Objects.requireNonNull(total, "total");
        }

        public boolean isEmpty() {
            return months.isEmpty();
        }
    }

    /** The first month not owed when the right ended on {@code lossFrom}. */
    public static YearMonth firstMonthNotOwed(LocalDate lossFrom, boolean lossMonthOwed) {
        YearMonth month = YearMonth.from(lossFrom);
        return lossMonthOwed ? month.plusMonths(1) : month;
    }

    /**
     * What was paid for months after the right ended: from the first month not owed to the last
     * month paid, both included. A death found three months late is three months to recover.
     */
    public static MonthlySum overpayment(LocalDate lossFrom, boolean lossMonthOwed, YearMonth lastPaid, AmountHistory amounts) {
        return sum(firstMonthNotOwed(lossFrom, lossMonthOwed), lastPaid, null, null, amounts);
    }

    /**
     * What a restored recipient is owed for the suspended months: from the first suspended month to
     * the month before payment resumes, leaving out the months in which the right really was lost
     * ({@code notOwedFrom} to {@code notOwedTo}, both included; none for a suspension that was wrong).
     */
    public static MonthlySum backPay(YearMonth suspendedFrom, YearMonth resumedFrom, YearMonth notOwedFrom, YearMonth notOwedTo,
            AmountHistory amounts) {
        if ((notOwedFrom == null) != (notOwedTo == null)) {
            throw new IllegalArgumentException("months not owed have a first and a last month, or neither");
        }
        return sum(suspendedFrom, resumedFrom.minusMonths(1), notOwedFrom, notOwedTo, amounts);
    }

    private static MonthlySum sum(YearMonth from, YearMonth to, YearMonth skipFrom, YearMonth skipTo, AmountHistory amounts) {
        List<YearMonth> months = new ArrayList<>();
        Money total = Money.ZERO;
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            if (skipFrom != null && !m.isBefore(skipFrom) && !m.isAfter(skipTo)) {
                continue;
            }
            Money amount = amounts.amountFor(m);
            if (!amount.isZero()) {
                months.add(m);
                total = total.plus(amount);
            }
        }
        return new MonthlySum(months, total);
    }
}
