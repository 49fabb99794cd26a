package org.vigil.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One recipient to verify one by one (第十九、二十条), created for a month from that month's
 * to-be-verified ledger, with where they are listed, who organises the verification (the community,
 * or for an institution pension the employing unit, 第二十二条), and once recorded how, with what
 * result, by whom and when.
 *
 * @param periodEnd  the end of the certification period the task was created in
 * @param homeVisit  aged, sick or disabled: on the home-visit ledger (第二十三条)
 * @param verifiedOn the agency's date of the verification, the date of its evidence
 */
public record VerificationTask(long id, YearMonth month, long recipientId, String idNumber, String name,
        BenefitKind benefit, LocalDate periodEnd, DueBucket bucket, Jurisdiction jurisdiction, boolean homeVisit,
        TaskStatus status, Instant createdAt, String assignedTo, Instant assignedAt, VerificationMethod method,
        VerificationResult result, String recordedBy, Instant verifiedAt, LocalDate verifiedOn, String note,
        List<TaskAttachment> attachments) {

    public VerificationTask {
        attachments = List.copyOf(attachments);
    }
}
