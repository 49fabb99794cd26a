package org.vigil.certification;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.vigil.identity.Money;

/**
 * What a policy not yet in force would do to a month already run: every recipient who would land
 * on another list, with the monthly amount of their benefit, and the totals per move. Nothing of
 * it is stored.
 *
 * @param storedPolicyVersion the policy the stored run decided under
 * @param counts              the lists' sizes under the new policy
 */
public record DryRunReport(YearMonth month, LocalDate asOf, String policyVersion, String storedPolicyVersion,
        long recipients, Map<EligibilityStatus, Long> counts, List<Change> changes, List<Move> moves) {

    public DryRunReport {
        counts = Map.copyOf(counts);
        changes = List.copyOf(changes);
        moves = List.copyOf(moves);
    }

    /** One recipient who would change list. */
    public record Change(long recipientId, String idNumber, String name, BenefitKind benefit, Money monthlyAmount,
            EligibilityStatus from, ReasonCode fromReason, EligibilityStatus to, ReasonCode toReason) {
    }

    /** All recipients moving from one list to another, and the sum of their monthly amounts. */
    public record Move(EligibilityStatus from, EligibilityStatus to, long recipients, Money monthlyAmount) {
    }
}
