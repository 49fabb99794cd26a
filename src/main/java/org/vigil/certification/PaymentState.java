package org.vigil.certification;

import java.time.YearMonth;
import java.util.Objects;

/**
 * Where a recipient's payment stands as far as Vigil knows: paying or suspended, since which month
 * and by which batch, and the last month paid when the payment system reported it.
 *
 * @param paidThrough      the last month paid as reported, none when never reported (ADR 0018: the
 *                         batch then assumes the month before its suspension takes effect)
 * @param suspendedFrom    the first month not paid, while suspended
 * @param suspensionMonth  the month of the batch (or of the officer's decision) that suspended
 */
public record PaymentState(long recipientId, PaymentStatus status, YearMonth paidThrough, YearMonth suspendedFrom,
        YearMonth suspensionMonth) {

    public PaymentState {
        Objects.requireNonNull(status, "status");
        if ((status == PaymentStatus.SUSPENDED) != (suspendedFrom != null && suspensionMonth != null)) {
            throw new IllegalArgumentException("a suspended payment, and only that, has the month it stopped and its batch");
        }
    }

    public static PaymentState paying(long recipientId) {
        return new PaymentState(recipientId, PaymentStatus.PAYING, null, null, null);
    }
}
