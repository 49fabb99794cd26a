package org.vigil.recovery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditEntry;
import org.vigil.governance.AuditTrail;
import org.vigil.governance.KeyService;
import org.vigil.governance.SealedValues;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.disclosure.Disclosures;
import org.vigil.governance.disclosure.Purpose;
import org.vigil.identity.IdKeys;
import org.vigil.identity.Money;
import org.vigil.identity.PersonName;
import org.vigil.identity.PhoneNumber;
import org.vigil.identity.ResidentId;
import org.vigil.recovery.TipOffs;
import org.vigil.recovery.TipOffs.TipOffException.Kind;
import org.vigil.vault.PersonVault;

/**
 * The tip-off register in PostgreSQL (CERT-20, ADR 0035). What names a person is sealed with the
 * row's id as associated data, so a reporter's sealed name copied onto another tip-off does not
 * open there; the audit events say what was done to which tip-off, never who reported or whom it
 * concerns.
 */
@Service
class JdbcTipOffs implements TipOffs {

    static final String SUBJECT_NAME = "recovery.tip_off.subject_name_sealed";
    static final String ACCOUNT = "recovery.tip_off.account_sealed";
    static final String REPORTER_NAME = "recovery.tip_off.reporter_name_sealed";
    static final String REPORTER_PHONE = "recovery.tip_off.reporter_phone_sealed";
    static final String REPORTER_ID = "recovery.tip_off.reporter_id_sealed";
    static final int MAX_ACCOUNT = 2_000;
    static final int MAX_NOTE = 200;

    private static final String COLUMNS = """
            id, received_on, channel, district, allegation, subject_person, subject_name_sealed, anonymous, status,
            outcome_note, reward_fen, recorded_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SealedValues sealed;
    private final PersonVault vault;
    private final Disclosures disclosures;
    private final AuditTrail audit;
    private final Clock clock;

    JdbcTipOffs(JdbcClient jdbc, TransactionTemplate transactions, KeyService keys, PersonVault vault,
            Disclosures disclosures, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sealed = new SealedValues(keys);
        this.vault = vault;
        this.disclosures = disclosures;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public TipOff receive(NewTipOff t, StaffPrincipal by) {
        LocalDate today = LocalDate.now(clock);
        if (t.receivedOn() == null || t.receivedOn().isAfter(today)) {
            throw invalid("receivedOn is the day the tip-off came in, not after today / 受理日期不得晚于今日");
        }
        if (t.channel() == null || t.allegation() == null) {
            throw invalid("channel and allegation are required / 须填写举报渠道与举报事项");
        }
        if (t.district() == null || !t.district().matches("[0-9]{6}")) {
            throw invalid("district is a 6-digit county code / 区县代码须为6位数字");
        }
        String subjectName = PersonName.parse(t.subjectName()).toOptional().map(PersonName::value)
                .orElseThrow(() -> invalid("subjectName is not a person's name / 被举报人姓名有误"));
        String account = text("account", t.account(), MAX_ACCOUNT);
        if (account == null) {
            throw invalid("account (what the reporter said) is required / 须记录举报内容");
        }
        Long subject = null;
        if (t.subjectIdNumber() != null && !t.subjectIdNumber().isBlank()) {
            ResidentId id = ResidentId.parse(t.subjectIdNumber(), clock).toOptional()
                    .orElseThrow(() -> invalid("subjectIdNumber is not a valid citizen ID number / 被举报人身份证号码有误"));
            subject = vault.numberOf(IdKeys.of(id));
        }
        String reporterName = t.reporterName() == null || t.reporterName().isBlank() ? null
                : PersonName.parse(t.reporterName()).toOptional().map(PersonName::value)
                        .orElseThrow(() -> invalid("reporterName is not a person's name / 举报人姓名有误"));
        String reporterPhone = t.reporterPhone() == null || t.reporterPhone().isBlank() ? null
                : PhoneNumber.parse(t.reporterPhone()).toOptional().map(PhoneNumber::value)
                        .orElseThrow(() -> invalid("reporterPhone is not a phone number / 举报人电话有误"));
        String reporterId = t.reporterIdNumber() == null || t.reporterIdNumber().isBlank() ? null
                : ResidentId.parse(t.reporterIdNumber(), clock).toOptional().map(ResidentId::value)
                        .orElseThrow(() -> invalid("reporterIdNumber is not a valid citizen ID number / 举报人身份证号码有误"));
        boolean anonymous = reporterName == null && reporterPhone == null && reporterId == null;
        Long subjectNumber = subject;
        return transactions.execute(status -> {
            // the row's id is the sealed values' associated data: taken first, then the row written once
            long id = jdbc.sql("select nextval(pg_get_serial_sequence('recovery.tip_off', 'id'))").query(Long.class).single();
            jdbc.sql("""
                            insert into recovery.tip_off (id, received_on, channel, district, allegation, subject_person,
                                subject_name_sealed, account_sealed, anonymous, reporter_name_sealed, reporter_phone_sealed,
                                reporter_id_sealed, status, recorded_by, recorded_at)
                            values (:id, :receivedOn, :channel, :district, :allegation, :subject, :subjectName, :account,
                                :anonymous, :reporterName, :reporterPhone, :reporterId, 'RECEIVED', :by, :at)""")
                    .param("id", id).param("receivedOn", t.receivedOn()).param("channel", t.channel().name())
                    .param("district", t.district()).param("allegation", t.allegation().name())
                    .param("subject", subjectNumber).param("subjectName", sealed.seal(SUBJECT_NAME, id, subjectName))
                    .param("account", sealed.seal(ACCOUNT, id, account)).param("anonymous", anonymous)
                    .param("reporterName", sealed.seal(REPORTER_NAME, id, reporterName))
                    .param("reporterPhone", sealed.seal(REPORTER_PHONE, id, reporterPhone))
                    .param("reporterId", sealed.seal(REPORTER_ID, id, reporterId))
                    .param("by", by.username()).param("at", Timestamp.from(clock.instant())).update();
            audit.record(AuditEntry.of(by.username(), AuditAction.CHANGE, subject(id), Map.of("step", "receive",
                    "channel", t.channel().name(), "allegation", t.allegation().name(), "district", t.district(),
                    "anonymous", Boolean.toString(anonymous))));
            return find(id).orElseThrow(() -> notFound(id));
        });
    }

    @Override
    public List<TipOff> list(Optional<TipOffStatus> status) {
        return jdbc.sql("select " + COLUMNS + " from recovery.tip_off where (cast(:status as text) is null or status = :status) "
                        + "order by received_on desc, id desc")
                .param("status", status.map(Enum::name).orElse(null)).query((rs, n) -> tipOff(rs)).list();
    }

    @Override
    public TipOff handle(long id, TipOffStatus outcome, String note, StaffPrincipal by) {
        if (outcome == null || outcome == TipOffStatus.RECEIVED) {
            throw invalid("outcome is VERIFIED or UNFOUNDED / 处理结果须为查证属实或查无实据");
        }
        String cleanNote = text("note", note, MAX_NOTE);
        return transactions.execute(s -> {
            TipOff current = locked(id);
            if (current.status() != TipOffStatus.RECEIVED) {
                throw new TipOffException(Kind.CONFLICT, "tip-off " + id + " was already handled ("
                        + current.status() + ") / 该举报已处理");
            }
            jdbc.sql("""
                            update recovery.tip_off set status = :status, outcome_note = :note, handled_by = :by,
                                   handled_at = :at where id = :id""")
                    .param("status", outcome.name()).param("note", cleanNote).param("by", by.username())
                    .param("at", Timestamp.from(clock.instant())).param("id", id).update();
            audit.record(AuditEntry.of(by.username(), AuditAction.CHANGE, subject(id),
                    Map.of("step", "handle", "outcome", outcome.name())));
            return find(id).orElseThrow(() -> notFound(id));
        });
    }

    @Override
    public TipOff reward(long id, Money amount, StaffPrincipal by) {
        if (amount == null || amount.isNegative() || amount.isZero()) {
            throw invalid("a reward is a positive amount / 奖励金额须大于零");
        }
        return transactions.execute(s -> {
            TipOff current = locked(id);
            if (current.anonymous()) {
                throw invalid("an anonymous tip-off has nobody to reward / 匿名举报无从发放奖励");
            }
            if (current.status() != TipOffStatus.VERIFIED || current.reward() != null) {
                throw new TipOffException(Kind.CONFLICT, "only a verified tip-off not yet rewarded is rewarded / "
                        + "仅查证属实且未奖励的举报可核定奖励");
            }
            jdbc.sql("update recovery.tip_off set reward_fen = :fen, rewarded_by = :by, rewarded_at = :at where id = :id")
                    .param("fen", amount.yuan().movePointRight(2).longValueExact()).param("by", by.username())
                    .param("at", Timestamp.from(clock.instant())).param("id", id).update();
            audit.record(AuditEntry.of(by.username(), AuditAction.APPROVAL, subject(id),
                    Map.of("step", "reward", "amount", amount.yuan().toPlainString())));
            return find(id).orElseThrow(() -> notFound(id));
        });
    }

    @Override
    public Reporter reporter(long id, StaffPrincipal by, String note) {
        return transactions.execute(s -> {
            Optional<Object[]> row = jdbc.sql("""
                            select reward_fen, reporter_name_sealed, reporter_phone_sealed, reporter_id_sealed
                              from recovery.tip_off where id = :id""")
                    .param("id", id).query((rs, n) -> new Object[] {rs.getObject(1), rs.getBytes(2), rs.getBytes(3),
                            rs.getBytes(4)}).optional();
            Object[] r = row.orElseThrow(() -> notFound(id));
            if (r[0] == null) {
                throw new TipOffException(Kind.CONFLICT, "a reporter is shown only to pay the reward of a rewarded "
                        + "tip-off / 仅为发放已核定的举报奖励方可查看举报人信息");
            }
            // the reveal refuses (role, purpose, quota) before anything is opened, and is recorded with it
            disclosures.reveal(by, subject(id), Purpose.TIP_OFF_REWARD, note);
            return new Reporter(id, sealed.open(REPORTER_NAME, id, (byte[]) r[1]), sealed.open(REPORTER_PHONE, id,
                    (byte[]) r[2]), sealed.open(REPORTER_ID, id, (byte[]) r[3]));
        });
    }

    @Override
    public Published published(Year year) {
        return jdbc.sql("""
                        select count(*),
                               count(*) filter (where status = 'VERIFIED'),
                               count(*) filter (where status = 'UNFOUNDED'),
                               count(*) filter (where status = 'RECEIVED'),
                               count(reward_fen),
                               coalesce(sum(reward_fen), 0)
                          from recovery.tip_off
                         where received_on >= :from and received_on < :to""")
                .param("from", year.atDay(1)).param("to", year.plusYears(1).atDay(1))
                .query((rs, n) -> new Published(year, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), Money.ofFen(rs.getLong(6)))).single();
    }

    private TipOff locked(long id) {
        return jdbc.sql("select " + COLUMNS + " from recovery.tip_off where id = :id for update").param("id", id)
                .query((rs, n) -> tipOff(rs)).optional().orElseThrow(() -> notFound(id));
    }

    private Optional<TipOff> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from recovery.tip_off where id = :id").param("id", id)
                .query((rs, n) -> tipOff(rs)).optional();
    }

    private TipOff tipOff(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String name = sealed.open(SUBJECT_NAME, id, rs.getBytes("subject_name_sealed"));
        long fen = rs.getLong("reward_fen");
        Money reward = rs.wasNull() ? null : Money.ofFen(fen);
        rs.getLong("subject_person");
        boolean linked = !rs.wasNull();
        return new TipOff(id, rs.getObject("received_on", LocalDate.class), TipOffChannel.valueOf(rs.getString("channel")),
                rs.getString("district"), Allegation.valueOf(rs.getString("allegation")),
                PersonName.parse(name).toOptional().map(PersonName::masked).orElse("*"), linked,
                rs.getBoolean("anonymous"), TipOffStatus.valueOf(rs.getString("status")), rs.getString("outcome_note"),
                reward, rs.getTimestamp("recorded_at").toInstant());
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max || v.chars().anyMatch(c -> c == 0)) {
            throw invalid(field + " is at most " + max + " characters of text / " + field + " 过长或含非法字符");
        }
        return v;
    }

    private static String subject(long id) {
        return "tip-off:" + id;
    }

    private static TipOffException invalid(String message) {
        return new TipOffException(Kind.INVALID, message);
    }

    private static TipOffException notFound(long id) {
        return new TipOffException(Kind.NOT_FOUND, "no tip-off " + id + " within your jurisdiction / 辖区内无此举报");
    }
}
