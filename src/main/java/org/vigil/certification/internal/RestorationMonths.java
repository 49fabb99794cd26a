package org.vigil.certification.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import org.vigil.certification.PaymentRules;
import org.vigil.certification.ReasonCode;

/**
 * Which suspended months a batch restoration does not back-pay (CERT-17): only the months a
 * custody really took the right away, from the first month the loss leaves unpaid to the month
 * before the one the right came back in (that month is owed, as the month of the loss is). Every
 * other suspension a later certification undoes was wrong, or for a failed certification of a
 * person alive all along: every suspended month is owed.
 */
final class RestorationMonths {

    /** A first and last month, both included. */
    record Range(YearMonth from, YearMonth to) {
    }

    private RestorationMonths() {
    }

    /**
     * @param regainedOn the first day with the right again (the day after the custody ended), none
     *                   when the evidence no longer shows the custody's end
     */
    static Optional<Range> notOwed(ReasonCode suspendedFor, LocalDate lossFrom, LocalDate regainedOn, boolean lossMonthOwed) {
        if (suspendedFor != ReasonCode.CUSTODY || lossFrom == null || regainedOn == null) {
            return Optional.empty();
        }
        YearMonth from = PaymentRules.firstMonthNotOwed(lossFrom, lossMonthOwed);
        YearMonth to = YearMonth.from(regainedOn).minusMonths(1);
        return to.isBefore(from) ? Optional.empty() : Optional.of(new Range(from, to));
    }
}
