package org.vigil.certification;

import java.time.LocalDate;
import java.util.List;

/**
 * One recipient on a ledger, with what a community worker needs to verify them: who, which
 * benefit, how to reach them, when the period ends and how soon (CERT-11), why they are listed,
 * whether they need a home visit (CERT-14), the noted reason when the certification failed
 * (CERT-15), and the verification task they have.
 *
 * @param phone         the registry's phone number, none when it has none
 * @param age           completed years on the run's as-of date
 * @param homeVisit     aged at least the policy's home-visit age, or flagged sick or disabled
 * @param failureReason the noted reason of a failed certification, none while the period lasts
 * @param task          the recipient's task not yet done, else the latest one, none when never tasked
 */
public record LedgerLine(long recipientId, String idNumber, String name, BenefitKind benefit, List<Decision.Reason> reasons,
        LocalDate periodEnd, DueBucket bucket, boolean investigate, String phone, int age, boolean overEighty, boolean sick,
        boolean disabled, boolean homeVisit, Jurisdiction jurisdiction, String failureReason, TaskSummary task) {

    public LedgerLine {
        reasons = List.copyOf(reasons);
    }

    /** The task on a ledger line. */
    public record TaskSummary(long id, TaskStatus status, String assignedTo, VerificationResult result) {
    }
}
