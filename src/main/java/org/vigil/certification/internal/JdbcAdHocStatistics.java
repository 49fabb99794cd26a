package org.vigil.certification.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.certification.AdHocStatistics;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.DueBucket;
import org.vigil.certification.EligibilityStatus;
import org.vigil.certification.ReasonCode;
import org.vigil.certification.StatisticsRequest;
import org.vigil.certification.StatisticsRequest.Status;
import org.vigil.certification.StatisticsResult;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditEntry;
import org.vigil.governance.AuditTrail;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffDirectory;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.disclosure.DisclosureRefusedException;
import org.vigil.governance.disclosure.DisclosureRefusedException.Reason;
import org.vigil.governance.disclosure.Disclosures;
import org.vigil.identity.RegionCode;
import org.vigil.identity.RegionDirectory;
import org.vigil.runtime.DataScope;

import tools.jackson.databind.json.JsonMapper;

/**
 * Ad-hoc statistics in PostgreSQL (DATA-10, ADR 0033), in the style of governance's export
 * requests: an approval, a rejection and a run lock the request's row, so a request is decided once
 * and run once; each step and its audit event commit together.
 */
@Service
class JdbcAdHocStatistics implements AdHocStatistics {

    private static final String COLUMNS = """
            id, requester_id, requester, requester_role, scope, question, purpose, note, status, requested_at,
            decided_by, decided_at, decision_note, ran_at, result""";
    private static final JsonMapper JSON = JsonMapper.shared();

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final StaffDirectory staff;
    private final Clock clock;
    private final int minimumCell;

    JdbcAdHocStatistics(JdbcClient jdbc, AuditTrail audit, StaffDirectory staff, Clock clock,
            @Value("${vigil.statistics.minimum-cell:5}") int minimumCell) {
        if (minimumCell < 1) {
            throw new IllegalArgumentException("vigil.statistics.minimum-cell must be at least 1");
        }
        this.jdbc = jdbc;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
        this.minimumCell = minimumCell;
    }

    @Override
    @Transactional
    public StatisticsRequest request(StaffPrincipal who, Question question, String purpose, String note) {
        require(who, Permission.STATISTICS_VIEW, "may not see statistics / 该角色无查看统计权限");
        if (question == null) {
            throw new DisclosureRefusedException(Reason.INVALID, "a request names its statistic / 统计申请须指明统计内容");
        }
        if (purpose == null || purpose.isBlank() || purpose.strip().length() > MAX_PURPOSE) {
            throw new DisclosureRefusedException(Reason.INVALID, "a statistic needs a stated purpose of at most "
                    + MAX_PURPOSE + " characters / 统计申请须说明用途（不超过" + MAX_PURPOSE + "字）");
        }
        String n = note(note);
        long verified = jdbc.sql("select count(*) from certification.verification_run where month between :from and :to")
                .param("from", question.from().atDay(1)).param("to", question.to().atDay(1)).query(Long.class).single();
        if (verified != question.months()) {
            throw new DisclosureRefusedException(Reason.INVALID, "only verified months are counted; " + verified
                    + " of the " + question.months() + " months asked for are / 所选月份尚未全部完成核验");
        }
        long id = jdbc.sql("""
                        insert into certification.statistics_request (requester_id, requester, requester_role, scope,
                            question, purpose, note, status, requested_at)
                        values (:account, :username, :role, :scope, cast(:question as jsonb), :purpose, :note,
                            'PENDING', :now)
                        returning id""")
                .param("account", who.accountId()).param("username", who.username()).param("role", who.role().name())
                .param("scope", who.scope().setting()).param("question", JSON.writeValueAsString(question))
                .param("purpose", purpose.strip()).param("note", n).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        StatisticsRequest r = find(id).orElseThrow();
        Map<String, String> detail = detail(r);
        detail.put("step", "request");
        audit.record(new AuditEntry(who.username(), AuditAction.APPROVAL, r.subject(), r.purpose(), detail));
        return r;
    }

    @Override
    @Transactional
    public StatisticsRequest approve(StaffPrincipal approver, long requestId, String note) {
        return decide(approver, requestId, note, Status.APPROVED);
    }

    @Override
    @Transactional
    public StatisticsRequest reject(StaffPrincipal approver, long requestId, String note) {
        return decide(approver, requestId, note, Status.REJECTED);
    }

    private StatisticsRequest decide(StaffPrincipal approver, long requestId, String note, Status outcome) {
        // approving an ad-hoc statistic is the same duty as approving an export: letting data leave
        // the routine functions for a stated purpose (ADR 0033)
        require(approver, Permission.EXPORT_APPROVE, "may not approve statistics / 该角色无审批权限");
        String n = note(note);
        StatisticsRequest r = locked(requestId).orElseThrow(() -> notFound(requestId));
        if (r.status() != Status.PENDING) {
            throw new DisclosureRefusedException(Reason.CONFLICT, "statistic " + r.number() + " is " + r.status().name()
                    + ", not waiting for approval / 该统计申请不在待审批状态");
        }
        // another person: not the requester's account, username, nor a second account of theirs
        if (r.requester().equals(approver.username()) || staff.samePerson(r.requesterId(), approver.accountId())) {
            throw new DisclosureRefusedException(Reason.NOT_PERMITTED, "a statistic is approved by another person than "
                    + "the one who asked for it / 统计申请须由申请人以外的人员审批");
        }
        jdbc.sql("""
                        update certification.statistics_request
                           set status = :status, decided_by = :by, decided_at = :now, decision_note = :note
                         where id = :id""")
                .param("status", outcome.name()).param("by", approver.username())
                .param("now", Timestamp.from(clock.instant())).param("note", n).param("id", requestId).update();
        StatisticsRequest decided = find(requestId).orElseThrow();
        Map<String, String> detail = detail(decided);
        detail.put("step", outcome == Status.APPROVED ? "approve" : "reject");
        detail.put("requester", decided.requester());
        if (n != null) {
            detail.put("decisionNote", n);
        }
        audit.record(new AuditEntry(approver.username(), AuditAction.APPROVAL, decided.subject(), decided.purpose(),
                detail));
        return decided;
    }

    @Override
    @Transactional(readOnly = true)
    public List<StatisticsRequest> mine(StaffPrincipal who, int limit) {
        require(who, Permission.STATISTICS_VIEW, "may not see statistics / 该角色无查看统计权限");
        return jdbc.sql("select " + COLUMNS + " from certification.statistics_request where requester_id = :account"
                        + " order by id desc limit :limit")
                .param("account", who.accountId()).param("limit", Math.max(1, Math.min(limit, 500)))
                .query(this::request).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<StatisticsRequest> pending(StaffPrincipal approver, int limit) {
        require(approver, Permission.EXPORT_APPROVE, "may not approve statistics / 该角色无审批权限");
        return jdbc.sql("select " + COLUMNS + " from certification.statistics_request where status = 'PENDING'"
                        + " order by requested_at, id limit :limit")
                .param("limit", Math.max(1, Math.min(limit, 500))).query(this::request).list();
    }

    @Override
    @Transactional
    public StatisticsResult run(StaffPrincipal who, long requestId) {
        require(who, Permission.STATISTICS_VIEW, "may not see statistics / 该角色无查看统计权限");
        StatisticsRequest r = locked(requestId).filter(x -> x.requesterId() == who.accountId())
                .orElseThrow(() -> notFound(requestId));
        switch (r.status()) {
            case APPROVED -> {
            }
            case PENDING -> throw new DisclosureRefusedException(Reason.CONFLICT, "statistic " + r.number()
                    + " waits for approval / 统计申请尚未审批");
            case REJECTED -> throw new DisclosureRefusedException(Reason.CONFLICT, "statistic " + r.number()
                    + " was rejected / 统计申请已被驳回");
            case RUN -> throw new DisclosureRefusedException(Reason.CONFLICT, "statistic " + r.number()
                    + " was already run; its result is kept with the request / 该统计已执行，结果见申请记录");
        }
        // Row-level security counts the rows of the connection's scope, which is the thread's: only
        // when that is the requester's own, as asked and approved, does the table mean what was
        // approved (never the system's whole city, from a caller that bound nothing)
        if (!DataScope.current().setting().equals(r.scope()) || !who.scope().setting().equals(r.scope())) {
            throw new DisclosureRefusedException(Reason.CONFLICT, "statistic " + r.number() + " counts the jurisdiction "
                    + "it was asked for, which is not the one this request runs in / 当前数据范围与申请时不一致");
        }
        Question q = r.question();
        StatisticsSql query = StatisticsSql.of(q);
        RegionDirectory regions = RegionDirectory.standard();
        List<StatisticsResult.Row> rows = new ArrayList<>();
        jdbc.sql(query.sql()).params(query.params()).query((ResultSet rs) -> {
            List<String> keys = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < q.groupBy().size(); i++) {
                String key = rs.getString("g" + i);
                keys.add(key);
                labels.add(label(q.groupBy().get(i), key, regions));
            }
            long count = rs.getLong("recipients");
            boolean small = count < minimumCell;
            BigDecimal amount = small || q.measure() != Measure.AMOUNT ? null : rs.getBigDecimal("amount");
            rows.add(new StatisticsResult.Row(keys, labels, small ? "<" + minimumCell : Long.toString(count), amount,
                    small));
        });
        int suppressed = (int) rows.stream().filter(StatisticsResult.Row::suppressed).count();
        Instant now = clock.instant();
        StatisticsResult result = new StatisticsResult(MARKING, r.number(), q.measure(), q.from(), q.to(), q.groupBy(),
                r.scope(), minimumCell, now, List.copyOf(rows), suppressed);
        jdbc.sql("""
                        update certification.statistics_request
                           set status = 'RUN', ran_at = :now, result = cast(:result as jsonb)
                         where id = :id""")
                .param("now", Timestamp.from(now)).param("result", JSON.writeValueAsString(result)).param("id", r.id())
                .update();
        Map<String, String> detail = detail(r);
        detail.put("step", "run");
        detail.put("rows", Integer.toString(rows.size()));
        detail.put("suppressed", Integer.toString(suppressed));
        detail.put("minimumCell", Integer.toString(minimumCell));
        detail.put("approvedBy", r.decidedBy());
        audit.record(new AuditEntry(who.username(), AuditAction.QUERY, r.subject(), r.purpose(), detail));
        return result;
    }

    /** A group's value in words: a division's name, a list's, a benefit's, a bucket's or a reason's. */
    private static String label(Dimension d, String key, RegionDirectory regions) {
        if (key == null) {
            return "无 / none";
        }
        try {
            return switch (d) {
                case DISTRICT, STREET, COMMUNITY -> RegionCode.parse(key).toOptional().flatMap(regions::find)
                        .map(region -> region.name()).orElse(key);
                case BENEFIT_KIND -> BenefitKind.valueOf(key).chinese();
                case STATUS -> EligibilityStatus.valueOf(key).chinese();
                case BUCKET -> DueBucket.valueOf(key).chinese();
                case REASON_CODE -> ReasonCode.valueOf(key).chinese();
                case MONTH -> key;
            };
        }
        catch (IllegalArgumentException unknown) {
            // a code stored by an older version: shown as it is
            return key;
        }
    }

    private static void require(StaffPrincipal who, Permission permission, String refusal) {
        if (who == null || who.username() == null || who.role() == null) {
            throw new DisclosureRefusedException(Reason.NOT_PERMITTED, "no staff account is acting / 无操作人员");
        }
        if (!who.role().may(permission)) {
            throw new DisclosureRefusedException(Reason.NOT_PERMITTED, "the role " + who.role().name() + " ("
                    + who.role().chinese() + ") " + refusal);
        }
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String n = note.strip();
        if (n.length() > Disclosures.MAX_NOTE) {
            throw new DisclosureRefusedException(Reason.INVALID, "a note is at most " + Disclosures.MAX_NOTE
                    + " characters / 备注不得超过" + Disclosures.MAX_NOTE + "字");
        }
        return n;
    }

    /** What every audit event of a request says about it: only its terms, never a person's data. */
    private static Map<String, String> detail(StatisticsRequest r) {
        Question q = r.question();
        Map<String, String> d = new TreeMap<>();
        d.put("measure", q.measure().name());
        d.put("from", q.from().toString());
        d.put("to", q.to().toString());
        d.put("groupBy", String.join(",", q.groupBy().stream().map(Enum::name).toList()));
        if (q.district() != null) {
            d.put("filter.district", q.district());
        }
        if (q.status() != null) {
            d.put("filter.status", q.status().name());
        }
        if (q.benefit() != null) {
            d.put("filter.benefit", q.benefit().name());
        }
        d.put("scope", r.scope());
        if (r.note() != null) {
            d.put("note", r.note());
        }
        return d;
    }

    private Optional<StatisticsRequest> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from certification.statistics_request where id = :id").param("id", id)
                .query(this::request).optional();
    }

    private Optional<StatisticsRequest> locked(long id) {
        return jdbc.sql("select " + COLUMNS + " from certification.statistics_request where id = :id for update")
                .param("id", id).query(this::request).optional();
    }

    private static DisclosureRefusedException notFound(long id) {
        return new DisclosureRefusedException(Reason.NOT_FOUND, "no statistics request " + StatisticsRequest.numberOf(id)
                + " of yours / 未找到该统计申请");
    }

    private StatisticsRequest request(ResultSet rs, int n) throws SQLException {
        String result = rs.getString("result");
        return new StatisticsRequest(rs.getLong("id"), rs.getLong("requester_id"), rs.getString("requester"),
                rs.getString("requester_role"), rs.getString("scope"),
                JSON.readValue(rs.getString("question"), Question.class), rs.getString("purpose"), rs.getString("note"),
                Status.valueOf(rs.getString("status")), rs.getTimestamp("requested_at").toInstant(),
                rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")), rs.getString("decision_note"),
                instant(rs.getTimestamp("ran_at")), result == null ? null : JSON.readValue(result, StatisticsResult.class));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
