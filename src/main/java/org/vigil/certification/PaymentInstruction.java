package org.vigil.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

import org.vigil.identity.Money;

/**
 * One instruction for the benefit payment system: suspend a recipient's benefit (CERT-16) or
 * restore it with back pay (CERT-17), with the reason, the evidence and the money involved.
 *
 * @param month          the batch's month, or for an officer's restoration the month it was decided in
 * @param reasonCode     SUSPEND: the loss or the failed certification; RESTORE from a batch: the sign of
 *                       life that certified; none for an officer's restoration
 * @param reasonText     an officer's words
 * @param lossFrom       the first day without the right, for a disqualification
 * @param periodEnd      the end of the certification period, for a failed certification
 * @param source         provider/feed of the decisive evidence; {@code none/<reason>} without evidence
 * @param effectiveMonth SUSPEND: the first month not paid; RESTORE: the month payment resumes
 * @param monthlyAmount  the amount of the effective month
 * @param lastPaid       SUSPEND: the last month taken as paid (reported, else assumed, ADR 0018)
 * @param overpaid       SUSPEND: months paid after the right ended, each at its amount (SHARE-7(4))
 * @param suspendedFrom  RESTORE: the first month the suspension left unpaid
 * @param suspensionMonth RESTORE: the month of the batch that suspended
 * @param suspendedFor   RESTORE: the reason of that suspension
 * @param notOwedFrom    RESTORE: the first month the right really was lost (custody, say), none for a wrong suspension
 * @param backPay        RESTORE: the suspended months owed, each at its amount
 */
public record PaymentInstruction(YearMonth month, InstructionKind kind, InstructionOrigin origin, long recipientId,
        String idNumber, String name, BenefitKind benefit, String district, String street, String community,
        ReasonCode reasonCode, String reasonText, LocalDate lossFrom, LocalDate periodEnd, List<EvidenceRef> evidence,
        String source, YearMonth effectiveMonth, Money monthlyAmount, YearMonth lastPaid, List<MonthlyAmount> overpaid,
        YearMonth suspendedFrom, YearMonth suspensionMonth, ReasonCode suspendedFor, YearMonth notOwedFrom, YearMonth notOwedTo,
        List<MonthlyAmount> backPay, InstructionStatus status, String officer, Instant releasedAt) {

    public PaymentInstruction {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        if (reasonCode == null && (origin != InstructionOrigin.OFFICER || reasonText == null)) {
            throw new IllegalArgumentException("an instruction states its reason");
        }
        Objects.requireNonNull(effectiveMonth, "effectiveMonth");
        Objects.requireNonNull(status, "status");
        evidence = List.copyOf(evidence);
        overpaid = List.copyOf(overpaid);
        backPay = List.copyOf(backPay);
        if ((kind == InstructionKind.RESTORE) != (suspendedFrom != null)) {
            throw new IllegalArgumentException("a restoration, and only that, names the month its suspension began");
        }
    }

    public Money overpaidTotal() {
        return total(overpaid);
    }

    public Money backPayTotal() {
        return total(backPay);
    }

    private static Money total(List<MonthlyAmount> amounts) {
        Money sum = Money.ZERO;
        for (MonthlyAmount a : amounts) {
            sum = sum.plus(a.amount());
        }
        return sum;
    }
}
