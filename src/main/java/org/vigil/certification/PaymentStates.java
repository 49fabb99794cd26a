package org.vigil.certification;

import java.time.YearMonth;

import org.vigil.identity.Money;

/**
 * Each recipient's payment state and amount history, which the suspension batch and restorations
 * keep and the money computations read (CERT-16, CERT-17, SHARE-7(4)).
 */
public interface PaymentStates {

    /** Paying with nothing reported for a recipient never suspended. */
    PaymentState state(long recipientId);

    /**
     * The amount history: the recorded changes, or without any, the recipient's amount from the
     * month the benefit started.
     *
     * @throws IllegalArgumentException for an unknown recipient
     */
    AmountHistory amounts(long recipientId);

    /**
     * Records a new amount from a month on (a yearly pension raise, say). The first change of a
     * recipient keeps the amount before it as the amount from the benefit's start.
     */
    void changeAmount(long recipientId, YearMonth from, Money monthly);

    /** Records the last month the payment system reports having paid (it replaces the batch's assumption). */
    void reportPaidThrough(long recipientId, YearMonth month);
}
