package org.vigil.recovery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;

import org.vigil.governance.StaffPrincipal;
import org.vigil.identity.Money;

/**
 * The tip-off register (CERT-20; 003 第三十二条: a reward system, a published hotline, reports
 * received and handled in time, the reporter's materials kept secret; 000 三(四)2). A tip-off names
 * the person it is about, what is alleged and, unless it is anonymous, who reported it. The
 * reporter's identity is stored sealed and shown to nobody, except to pay the reward of a tip-off
 * that proved true, which is a recorded reveal for that purpose. Every act is audited without
 * naming anyone.
 */
public interface TipOffs {

    /** Records a tip-off as received; the subject's ID number, when valid, is linked through the vault. */
    TipOff receive(NewTipOff tipOff, StaffPrincipal by);

    /** The tip-offs within the caller's jurisdiction, newest first, subjects masked, reporters never shown. */
    List<TipOff> list(Optional<TipOffStatus> status);

    /**
     * Records how a received tip-off was handled: verified (the allegation held) or unfounded.
     *
     * @throws TipOffException NOT_FOUND outside the jurisdiction, CONFLICT once handled
     */
    TipOff handle(long id, TipOffStatus outcome, String note, StaffPrincipal by);

    /**
     * Grants the reward of a verified tip-off; a tip-off is rewarded once.
     *
     * @throws TipOffException CONFLICT unless verified and not yet rewarded; INVALID for an anonymous one
     */
    TipOff reward(long id, Money amount, StaffPrincipal by);

    /**
     * Opens the reporter's identity to pay a reward: only for a rewarded tip-off, as a reveal for
     * {@link org.vigil.governance.disclosure.Purpose#TIP_OFF_REWARD} (role, quota, audit).
     */
    Reporter reporter(long id, StaffPrincipal by, String note);

    /** The year's published figures: counts and rewards, by no one's name (第三十一、三十二条). */
    Published published(Year year);

    /** A new tip-off as the receiving officer writes it down. */
    record NewTipOff(LocalDate receivedOn, TipOffChannel channel, String district, Allegation allegation,
            String subjectIdNumber, String subjectName, String account, String reporterName, String reporterPhone,
            String reporterIdNumber) {

        public boolean anonymous() {
            return reporterName == null && reporterPhone == null && reporterIdNumber == null;
        }
    }

    /** A tip-off as lists show it: the subject masked, the reporter only as anonymous or not. */
    record TipOff(long id, LocalDate receivedOn, TipOffChannel channel, String district, Allegation allegation,
            String subjectMasked, boolean subjectLinked, boolean anonymous, TipOffStatus status, String outcomeNote,
            Money reward, Instant recordedAt) {
    }

    /** Who reported, opened for paying the reward. */
    record Reporter(long tipOffId, String name, String phone, String idNumber) {
    }

    /** A year's published figures. */
    record Published(Year year, long received, long verified, long unfounded, long pending, long rewarded,
            Money rewards) {
    }

    /** Where the tip-off came in. */
    enum TipOffChannel {
        HOTLINE("举报电话"), LETTER("信函"), VISIT("来访"), ONLINE("网络"), COMMUNITY("社区转报");

        private final String chinese;

        TipOffChannel(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    /** What the tip-off says is wrong. */
    enum Allegation {
        DEATH_CONCEALED("死亡未报冒领"), IN_CUSTODY("服刑期间领取"), NOT_ELIGIBLE("不符合领取条件"), OTHER("其他");

        private final String chinese;

        Allegation(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    /** Where a tip-off stands. */
    enum TipOffStatus {
        RECEIVED("已受理"), VERIFIED("查证属实"), UNFOUNDED("查无实据");

        private final String chinese;

        TipOffStatus(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    /** A refused act, with its kind for the HTTP status. */
    final class TipOffException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /** The kinds of refusal. */
        public enum Kind {
            INVALID, NOT_FOUND, CONFLICT
        }

        private final Kind kind;

        public TipOffException(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }
}
