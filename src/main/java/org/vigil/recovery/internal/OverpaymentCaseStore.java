package org.vigil.recovery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.EvidenceRef;
import org.vigil.certification.MonthlyAmount;
import org.vigil.certification.ReasonCode;
import org.vigil.certification.SuspensionLifted;
import org.vigil.certification.SuspensionReleased;
import org.vigil.governance.KeyService;
import org.vigil.governance.SealedValues;
import org.vigil.identity.IdKeys;
import org.vigil.identity.Money;
import org.vigil.recovery.CaseStatus;
import org.vigil.recovery.OverpaymentCase;
import org.vigil.recovery.RecoveryCases;
import org.vigil.vault.PersonVault;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a case for every released suspension that overpaid, and cancels it when the suspension
 * proves wrong. The listeners run inside the certification step's transaction, on purpose: without
 * an event publication registry an after-commit listener would lose the case if the process died
 * between the two commits, and a release must not stop a benefit without its recovery case
 * (ADR 0018). Both are idempotent on (recipient, suspension month).
 */
@Service
class OverpaymentCaseStore implements RecoveryCases {

    private static final Logger log = LoggerFactory.getLogger(OverpaymentCaseStore.class);
    private static final JsonMapper JSON = JsonMapper.shared();

    /** Where a case's name is sealed (DATA-15): part of the value's associated data, with the person number. */
    static final String NAME = "recovery.overpayment_case.name";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonVault vault;
    private final SealedValues sealed;

    OverpaymentCaseStore(JdbcClient jdbc, Clock clock, PersonVault vault, KeyService keys) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.vault = vault;
        this.sealed = new SealedValues(keys);
    }

    @EventListener
    void on(SuspensionReleased released) {
        if (released.overpaid().isEmpty() || released.lossFrom() == null) {
            return;
        }
        int opened = jdbc.sql("""
                insert into recovery.overpayment_case (recipient_id, suspension_month, person, name_sealed, benefit_kind,
                    district, reason_code, loss_from, effective_month, last_paid, total, evidence, status, opened_at)
                values (:recipient, :month, :person, :name, :benefit, :district, :reason, :lossFrom, :effective,
                    :lastPaid, :total, cast(:evidence as jsonb), 'OPEN', :now)
                on conflict (recipient_id, suspension_month) do nothing""")
                .param("recipient", released.recipientId()).param("month", released.suspensionMonth().atDay(1))
                .param("person", released.person())
                .param("name", sealed.seal(NAME, released.person(), released.name()))
                .param("benefit", released.benefit().name()).param("district", released.district())
                .param("reason", released.reason().name()).param("lossFrom", released.lossFrom())
                .param("effective", released.effectiveMonth().atDay(1)).param("lastPaid", released.lastPaid().atDay(1))
                .param("total", released.overpaidTotal().yuan()).param("evidence", evidence(released.evidence()))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (opened == 0) {
            return;
        }
        for (MonthlyAmount m : released.overpaid()) {
            jdbc.sql("""
                    insert into recovery.overpayment_month (recipient_id, suspension_month, month, amount)
                    values (:recipient, :suspension, :month, :amount)""")
                    .param("recipient", released.recipientId()).param("suspension", released.suspensionMonth().atDay(1))
                    .param("month", m.month().atDay(1)).param("amount", m.amount().yuan())
                    .update();
        }
        log.info("Overpayment case opened: recipient {}, {} month(s) after the loss of {}, {} yuan",
                released.recipientId(), released.overpaid().size(), released.lossFrom(), released.overpaidTotal());
    }

    @EventListener
    void on(SuspensionLifted lifted) {
        if (lifted.lossConfirmed()) {
            return;
        }
        jdbc.sql("""
                update recovery.overpayment_case
                   set status = 'CANCELLED', closed_at = :now, close_reason = :reason
                 where recipient_id = :recipient and suspension_month = :month and status = 'OPEN'""")
                .param("now", Timestamp.from(clock.instant()))
                .param("reason", "suspension lifted as wrong / 暂停有误已恢复: " + (lifted.reason() == null ? "" : lifted.reason())
                        + (lifted.officer() == null ? "" : " (" + lifted.officer() + ")"))
                .param("recipient", lifted.recipientId()).param("month", lifted.suspensionMonth().atDay(1))
                .update();
    }

    @Override
    public List<OverpaymentCase> list(Optional<CaseStatus> status) {
        return open(jdbc.sql("""
                        select * from recovery.overpayment_case
                         where cast(:status as text) is null or status = :status
                         order by district, person, suspension_month""")
                .param("status", status.map(Enum::name).orElse(null))
                .query((rs, n) -> row(rs)).list()).stream().map(this::withMonths).toList();
    }

    @Override
    public Optional<OverpaymentCase> find(long recipientId, YearMonth suspensionMonth) {
        return open(jdbc.sql("select * from recovery.overpayment_case where recipient_id = :r and suspension_month = :m")
                .param("r", recipientId).param("m", suspensionMonth.atDay(1))
                .query((rs, n) -> row(rs)).list()).stream().findFirst()
                .map(this::withMonths);
    }

    private OverpaymentCase withMonths(OverpaymentCase c) {
        List<MonthlyAmount> months = jdbc.sql("""
                        select month, amount from recovery.overpayment_month
                         where recipient_id = :r and suspension_month = :m order by month""")
                .param("r", c.recipientId()).param("m", c.suspensionMonth().atDay(1))
                .query((rs, n) -> new MonthlyAmount(YearMonth.from(rs.getDate(1).toLocalDate()), Money.of(rs.getBigDecimal(2))))
                .list();
        return new OverpaymentCase(c.recipientId(), c.suspensionMonth(), c.idNumber(), c.name(), c.benefit(), c.district(),
                c.reason(), c.lossFrom(), c.effectiveMonth(), c.lastPaid(), months, c.total(), c.evidence(), c.status(),
                c.openedAt(), c.closedAt(), c.closeReason());
    }

    /** A case as read, its person by number and its name sealed: opened for the cases read together. */
    private record Sealed(long person, byte[] name, OverpaymentCase withoutIdentity) {
    }

    private List<OverpaymentCase> open(List<Sealed> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        long[] persons = rows.stream().mapToLong(Sealed::person).toArray();
        long[] keys = new long[persons.length];
        vault.idKeysOf(persons, persons.length, keys);
        List<OverpaymentCase> out = new ArrayList<>(rows.size());
        for (int i = 0; i < persons.length; i++) {
            OverpaymentCase c = rows.get(i).withoutIdentity();
            out.add(new OverpaymentCase(c.recipientId(), c.suspensionMonth(), IdKeys.unpack(keys[i]),
                    sealed.open(NAME, persons[i], rows.get(i).name()), c.benefit(), c.district(), c.reason(),
                    c.lossFrom(), c.effectiveMonth(), c.lastPaid(), c.months(), c.total(), c.evidence(), c.status(),
                    c.openedAt(), c.closedAt(), c.closeReason()));
        }
        return out;
    }

    private static Sealed row(ResultSet rs) throws SQLException {
        return new Sealed(rs.getLong("person"), rs.getBytes("name_sealed"), caseOf(rs));
    }

    private static OverpaymentCase caseOf(ResultSet rs) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new OverpaymentCase(rs.getLong("recipient_id"), YearMonth.from(rs.getDate("suspension_month").toLocalDate()),
                null, null, BenefitKind.valueOf(rs.getString("benefit_kind")),
                rs.getString("district"), ReasonCode.valueOf(rs.getString("reason_code")),
                rs.getDate("loss_from").toLocalDate(), YearMonth.from(rs.getDate("effective_month").toLocalDate()),
                YearMonth.from(rs.getDate("last_paid").toLocalDate()), List.of(), Money.of(rs.getBigDecimal("total")),
                readEvidence(rs.getString("evidence")), CaseStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("opened_at").toInstant(), closed == null ? null : closed.toInstant(),
                rs.getString("close_reason"));
    }

    private static String evidence(List<EvidenceRef> refs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (EvidenceRef r : refs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", r.source());
            m.put("feed", r.feed());
            m.put("document", r.document());
            m.put("row", r.row());
            out.add(m);
        }
        return JSON.writeValueAsString(out);
    }

    private static List<EvidenceRef> readEvidence(String json) {
        List<EvidenceRef> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(json)) {
            out.add(new EvidenceRef(n.get("source").asString(), n.get("feed").asString(), n.get("document").asLong(),
                    n.get("row").asLong()));
        }
        return out;
    }
}
