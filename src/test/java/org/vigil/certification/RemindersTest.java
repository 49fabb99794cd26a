package org.vigil.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** 第二十一条 (CERT-12): who is reminded by text message, and what it says. */
class RemindersTest {

    static final Jurisdiction WHERE = new Jurisdiction("220202001001", "220202", "220202001", "220202001001",
            Jurisdiction.Basis.RESIDENCE, Jurisdiction.Organiser.COMMUNITY, null);

    static LedgerLine line(DueBucket bucket, String phone, LedgerLine.TaskSummary task) {
        return new LedgerLine(1, "220202194001010011", "王秀英", BenefitKind.ENTERPRISE_PENSION,
                List.of(new Decision.Reason(ReasonCode.NO_EVIDENCE, null, null)), LocalDate.of(2026, 12, 20), bucket, false, phone,
                86, true, false, false, true, WHERE, null, task);
    }

    @Test
    void cert12_article21_aRecipientDueSoonWithAMobileIsAskedToCertifyByFaceRecognition() {
        Reminders.Reminder r = Reminders.forLine(line(DueBucket.ONE_MONTH, "138 1234 5678", null)).orElseThrow();
        assertThat(r.mobile()).isEqualTo("13812345678");
        assertThat(r.message()).contains("王秀英").contains("将于2026年12月20日到期").contains("刷脸认证");
        assertThat(Reminders.forLine(line(DueBucket.OVERDUE, "13812345678", null)).orElseThrow().message())
                .contains("已于2026年12月20日到期");
    }

    @Test
    void cert12_article21_noMessageWithoutAMobileAfterAVerificationOrForAPeriodEndingLater() {
        assertThat(Reminders.forLine(line(DueBucket.ONE_MONTH, null, null))).isEmpty();
        assertThat(Reminders.forLine(line(DueBucket.ONE_MONTH, "0432-62345678", null))).as("a landline gets a call").isEmpty();
        assertThat(Reminders.forLine(line(DueBucket.LATER, "13812345678", null))).isEmpty();
        LedgerLine.TaskSummary done = new LedgerLine.TaskSummary(7, TaskStatus.DONE, "worker", VerificationResult.CONFIRMED_ALIVE);
        assertThat(Reminders.forLine(line(DueBucket.TWO_MONTHS, "13812345678", done))).isEmpty();
    }
}
