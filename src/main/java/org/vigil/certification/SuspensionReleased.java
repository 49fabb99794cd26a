package org.vigil.certification;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

import org.vigil.identity.Money;

/**
 * Published, inside the release's transaction, for every suspension released to the payment
 * system, so recovery (SHARE-7(4)) can list what was paid after the right ended without reading
 * this module's tables. A suspension for a failed certification has no loss date and nothing
 * overpaid: the person may well be alive.
 *
 * @param suspensionMonth the batch's month
 * @param person          the vault's number of the recipient's person (ADR 0035): what a listener stores
 * @param idNumber        the ID number and name, open in memory for a listener to show or seal, never to store
 * @param lossFrom        the first day without the right, none for a failed certification
 * @param lastPaid        the last month taken as paid
 * @param overpaid        each month paid after the right ended, at that month's amount
 * @param evidence        the rows the loss rests on: provider, feed, delivery and row
 */
public record SuspensionReleased(YearMonth suspensionMonth, long recipientId, long person, String idNumber, String name,
        BenefitKind benefit, String district, ReasonCode reason, LocalDate lossFrom, YearMonth effectiveMonth,
        YearMonth lastPaid, List<MonthlyAmount> overpaid, List<EvidenceRef> evidence) {

    public SuspensionReleased {
        Objects.requireNonNull(suspensionMonth, "suspensionMonth");
        overpaid = List.copyOf(overpaid);
        evidence = List.copyOf(evidence);
    }

    public Money overpaidTotal() {
        Money sum = Money.ZERO;
        for (MonthlyAmount a : overpaid) {
            sum = sum.plus(a.amount());
        }
        return sum;
    }
}
