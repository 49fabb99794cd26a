package org.vigil.certification.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.InstructionKind;
import org.vigil.certification.InstructionOrigin;
import org.vigil.certification.InstructionQuery;
import org.vigil.certification.InstructionStatus;
import org.vigil.certification.PaymentInstruction;
import org.vigil.certification.ReasonCode;
import org.vigil.certification.SuspensionBatch;
import org.vigil.identity.Money;

/** The batch tables: batches, their districts and the instructions, read and written. */
final class InstructionTable {

    private static final String INSTRUCTIONS = """
            select i.*, r.name_sealed
              from certification.payment_instruction i
              join certification.recipient r on r.id = i.recipient_id
             where i.month = :month
               and (cast(:district as text) is null or i.district = :district)
               and (cast(:status as text) is null or i.status = :status)
               and (cast(:kind as text) is null or i.kind = :kind)
             order by i.district, case i.kind when 'SUSPEND' then 0 else 1 end, i.person, i.recipient_id""";

    private final JdbcClient jdbc;
    private final Persons persons;

    InstructionTable(JdbcClient jdbc, Persons persons) {
        this.jdbc = jdbc;
        this.persons = persons;
    }

    List<PaymentInstruction> list(InstructionQuery q) {
        return persons.open(jdbc.sql(INSTRUCTIONS).param("month", q.month().atDay(1)).param("district", q.district().orElse(null))
                .param("status", q.status().map(Enum::name).orElse(null)).param("kind", q.kind().map(Enum::name).orElse(null))
                .query((rs, n) -> instruction(rs)).list());
    }

    /** One instruction with its person's ID number and name opened. */
    Optional<PaymentInstruction> find(YearMonth month, InstructionKind kind, long recipient) {
        return persons.open(jdbc.sql("""
                        select i.*, r.name_sealed from certification.payment_instruction i
                          join certification.recipient r on r.id = i.recipient_id
                         where i.month = :month and i.kind = :kind and i.recipient_id = :id""")
                .param("month", month.atDay(1)).param("kind", kind.name()).param("id", recipient)
                .query((rs, n) -> instruction(rs)).list()).stream().findFirst();
    }

    /** The person number comes from the recipient row: the instruction's ID number is only what it shows. */
    void insert(PaymentInstruction i) {
        jdbc.sql("""
                insert into certification.payment_instruction (month, kind, recipient_id, origin, person, benefit_kind,
                    district, street, community, reason_code, reason_text, loss_from, period_end, evidence, source,
                    effective_month, monthly_amount, last_paid, overpaid, overpaid_total, suspended_from, suspension_month,
                    suspended_for, not_owed_from, not_owed_to, back_pay, back_pay_total, status, officer, released_at)
                values (:month, :kind, :recipient, :origin,
                    (select r.person from certification.recipient r where r.id = :recipient), :benefit, :district, :street, :community, :reasonCode,
                    :reasonText, :lossFrom, :periodEnd, cast(:evidence as jsonb), :source, :effective, :amount, :lastPaid,
                    cast(:overpaid as jsonb), :overpaidTotal, :suspendedFrom, :suspensionMonth, :suspendedFor, :notOwedFrom,
                    :notOwedTo, cast(:backPay as jsonb), :backPayTotal, :status, :officer, :releasedAt)""")
                .param("month", first(i.month())).param("kind", i.kind().name()).param("recipient", i.recipientId())
                .param("origin", i.origin().name()).param("benefit", i.benefit().name())
                .param("district", i.district()).param("street", i.street()).param("community", i.community())
                .param("reasonCode", i.reasonCode() == null ? null : i.reasonCode().name())
                .param("reasonText", i.reasonText()).param("lossFrom", i.lossFrom()).param("periodEnd", i.periodEnd())
                .param("evidence", DecisionJson.evidence(i.evidence())).param("source", i.source())
                .param("effective", first(i.effectiveMonth())).param("amount", i.monthlyAmount().yuan())
                .param("lastPaid", first(i.lastPaid())).param("overpaid", InstructionJson.months(i.overpaid()))
                .param("overpaidTotal", i.overpaidTotal().yuan()).param("suspendedFrom", first(i.suspendedFrom()))
                .param("suspensionMonth", first(i.suspensionMonth()))
                .param("suspendedFor", i.suspendedFor() == null ? null : i.suspendedFor().name())
                .param("notOwedFrom", first(i.notOwedFrom())).param("notOwedTo", first(i.notOwedTo()))
                .param("backPay", InstructionJson.months(i.backPay())).param("backPayTotal", i.backPayTotal().yuan())
                .param("status", i.status().name()).param("officer", i.officer())
                .param("releasedAt", i.releasedAt() == null ? null : Timestamp.from(i.releasedAt()))
                .update();
    }

    Optional<SuspensionBatch> batch(YearMonth month) {
        List<SuspensionBatch.District> districts = jdbc.sql("""
                        select * from certification.batch_district where month = :month order by district""")
                .param("month", month.atDay(1))
                .query((rs, n) -> new SuspensionBatch.District(rs.getString("district"), rs.getInt("instructions"),
                        rs.getString("approved_by"), instant(rs, "approved_at"), instant(rs, "released_at"),
                        rs.getString("late_reason")))
                .list();
        return jdbc.sql("select * from certification.suspension_batch where month = :month").param("month", month.atDay(1))
                .query((rs, n) -> batch(rs, districts)).optional();
    }

    List<YearMonth> months() {
        return jdbc.sql("select month from certification.suspension_batch order by month desc")
                .query((rs, n) -> YearMonth.from(rs.getDate(1).toLocalDate())).list();
    }

    private static SuspensionBatch batch(ResultSet rs, List<SuspensionBatch.District> districts) throws SQLException {
        String officer = rs.getString("signed_off_by");
        return new SuspensionBatch(month(rs.getDate("month")), month(rs.getDate("effective_month")),
                rs.getDate("release_by").toLocalDate(), rs.getInt("run_revision"), rs.getTimestamp("built_at").toInstant(),
                rs.getLong("recipients"), rs.getLong("suspensions"), rs.getLong("restorations"),
                InstructionJson.readTrips(rs.getString("trips")),
                officer == null ? null : new SuspensionBatch.SignOff(officer, instant(rs, "signed_off_at"),
                        rs.getString("sign_off_reason")),
                districts);
    }

    /** An instruction as read: the person by number and the name sealed, opened with the rest of its list. */
    static Persons.Pending<PaymentInstruction> instruction(ResultSet rs) throws SQLException {
        String reason = rs.getString("reason_code");
        String suspendedFor = rs.getString("suspended_for");
        YearMonth month = month(rs.getDate("month"));
        InstructionKind kind = InstructionKind.valueOf(rs.getString("kind"));
        InstructionOrigin origin = InstructionOrigin.valueOf(rs.getString("origin"));
        long recipient = rs.getLong("recipient_id");
        BenefitKind benefit = BenefitKind.valueOf(rs.getString("benefit_kind"));
        String district = rs.getString("district");
        String street = rs.getString("street");
        String community = rs.getString("community");
        ReasonCode code = reason == null ? null : ReasonCode.valueOf(reason);
        String reasonText = rs.getString("reason_text");
        LocalDate lossFrom = date(rs.getDate("loss_from"));
        LocalDate periodEnd = date(rs.getDate("period_end"));
        var evidence = DecisionJson.readEvidence(rs.getString("evidence"));
        String source = rs.getString("source");
        YearMonth effective = month(rs.getDate("effective_month"));
        Money amount = Money.of(rs.getBigDecimal("monthly_amount"));
        YearMonth lastPaid = month(rs.getDate("last_paid"));
        var overpaid = InstructionJson.readMonths(rs.getString("overpaid"));
        YearMonth from = month(rs.getDate("suspended_from"));
        YearMonth suspension = month(rs.getDate("suspension_month"));
        ReasonCode forCode = suspendedFor == null ? null : ReasonCode.valueOf(suspendedFor);
        YearMonth notOwedFrom = month(rs.getDate("not_owed_from"));
        YearMonth notOwedTo = month(rs.getDate("not_owed_to"));
        var backPay = InstructionJson.readMonths(rs.getString("back_pay"));
        InstructionStatus status = InstructionStatus.valueOf(rs.getString("status"));
        String officer = rs.getString("officer");
        java.time.Instant released = instant(rs, "released_at");
        return new Persons.Pending<>(rs.getLong("person"), rs.getBytes("name_sealed"), (idNumber, name) ->
                new PaymentInstruction(month, kind, origin, recipient, idNumber, name, benefit, district, street,
                        community, code, reasonText, lossFrom, periodEnd, evidence, source, effective, amount, lastPaid,
                        overpaid, from, suspension, forCode, notOwedFrom, notOwedTo, backPay, status, officer,
                        released));
    }

    static LocalDate first(YearMonth m) {
        return m == null ? null : m.atDay(1);
    }

    private static YearMonth month(Date d) {
        return d == null ? null : YearMonth.from(d.toLocalDate());
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
