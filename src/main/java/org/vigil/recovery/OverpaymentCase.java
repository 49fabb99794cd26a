package org.vigil.recovery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

import org.vigil.certification.BenefitKind;
import org.vigil.certification.EvidenceRef;
import org.vigil.certification.MonthlyAmount;
import org.vigil.certification.ReasonCode;
import org.vigil.identity.Money;

/**
 * A benefit paid after the right ended, to recover (SHARE-7(4)): who, since when the right was
 * gone and on which evidence (provider, feed, delivery and row), and each month paid after it at
 * that month's amount.
 *
 * @param suspensionMonth the month of the suspension batch that stopped payment
 * @param lastPaid        the last month taken as paid when the suspension was released
 */
public record OverpaymentCase(long recipientId, YearMonth suspensionMonth, String idNumber, String name,
        BenefitKind benefit, String district, ReasonCode reason, LocalDate lossFrom, YearMonth effectiveMonth,
        YearMonth lastPaid, List<MonthlyAmount> months, Money total, List<EvidenceRef> evidence, CaseStatus status,
        Instant openedAt, Instant closedAt, String closeReason) {

    public OverpaymentCase {
        Objects.requireNonNull(suspensionMonth, "suspensionMonth");
        months = List.copyOf(months);
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(status, "status");
    }
}
