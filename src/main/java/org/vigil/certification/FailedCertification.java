package org.vigil.certification;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A recipient whose certification failed in a month (第二十四条): the period ended without
 * certification and the agency's own verification did not certify them either, with the reason
 * noted in Chinese and English.
 *
 * @param taskId the verification task the reason comes from, none for {@link FailureGround#NO_VERIFICATION}
 */
public record FailedCertification(YearMonth month, long recipientId, String idNumber, String district,
        LocalDate periodEnd, FailureGround ground, Long taskId, String reason, String reasonEnglish) {
}
