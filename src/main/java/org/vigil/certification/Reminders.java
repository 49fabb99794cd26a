package org.vigil.certification;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.vigil.identity.PhoneNumber;

/**
 * The reminders of 第二十一条 (CERT-12): a recipient whose period runs out soon is asked, by text
 * message to their mobile, to certify by face recognition in the app or at a self-service device,
 * before anyone visits. Vigil writes the messages; the agency's messaging gateway sends them.
 */
public final class Reminders {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** One message to send. */
    public record Reminder(String mobile, String idNumber, String name, String message) {
    }

    private Reminders() {
    }

    /**
     * The reminder for a ledger line, if it should get one: its period ends soon or has ended, it
     * has a mobile number, and no verification of it is done yet. A landline gets none: a text
     * message cannot reach it, a community worker's call can.
     */
    public static Optional<Reminder> forLine(LedgerLine line) {
        if (line.bucket() == null || line.bucket() == DueBucket.LATER || line.periodEnd() == null || line.phone() == null) {
            return Optional.empty();
        }
        if (line.task() != null && line.task().status() == TaskStatus.DONE) {
            return Optional.empty();
        }
        Optional<PhoneNumber> phone = PhoneNumber.parse(line.phone()).toOptional();
        if (phone.isEmpty() || phone.get().kind() != PhoneNumber.Kind.MOBILE) {
            return Optional.empty();
        }
        String when = line.bucket() == DueBucket.OVERDUE
                ? "已于" + DAY.format(line.periodEnd()) + "到期"
                : "将于" + DAY.format(line.periodEnd()) + "到期";
        String message = "【社保待遇资格认证】" + line.name() + "您好：您的待遇领取资格认证服务期" + when
                + "，请尽快通过“智慧人社”手机APP或社区自助服务设备刷脸认证；如有困难，请联系所在社区。";
        return Optional.of(new Reminder(phone.get().value(), line.idNumber(), line.name(), message));
    }
}
