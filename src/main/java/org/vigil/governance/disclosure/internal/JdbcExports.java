package org.vigil.governance.disclosure.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditEntry;
import org.vigil.governance.AuditTrail;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffDirectory;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.disclosure.DisclosureRefusedException;
import org.vigil.governance.disclosure.DisclosureRefusedException.Reason;
import org.vigil.governance.disclosure.ExportRequest;
import org.vigil.governance.disclosure.ExportStatus;
import org.vigil.governance.disclosure.Exports;
import org.vigil.governance.disclosure.Purpose;
import org.vigil.governance.disclosure.Watermark;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export requests in PostgreSQL. A request takes its account's lock so the day's rows are counted
 * once; an approval, a rejection and the recording of a file lock the request's row, so a request
 * is decided once and exported once. Each step and its audit event commit together.
 */
@Service
class JdbcExports implements Exports {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final TypeReference<TreeMap<String, String>> FILTER = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, requester_id, requester, requester_name, requester_role, kind, filter, estimated_rows, purpose, note,
            unmasked, status, requested_at, decided_by, decided_at, decision_note, exported_at, exported_rows,
            file_sha256""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final StaffDirectory staff;
    private final Clock clock;
    private final DisclosureSettings settings;
    private final JsonMapper json = JsonMapper.builder().build();

    JdbcExports(JdbcClient jdbc, AuditTrail audit, StaffDirectory staff, Clock clock, DisclosureSettings settings) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    @Transactional
    public ExportRequest requestExport(StaffPrincipal who, String kind, Map<String, String> filter, long estimatedRows,
            Purpose why, String note, boolean unmasked) {
        Accounts.require(who);
        if (!who.role().may(Permission.EXPORT)) {
            throw new DisclosureRefusedException(Reason.NOT_PERMITTED, "the role " + who.role().name() + " ("
                    + who.role().chinese() + ") may not export / 该角色无导出权限");
        }
        if (unmasked && !who.role().may(Permission.UNMASK)) {
            throw new DisclosureRefusedException(Reason.NOT_PERMITTED, "the role " + who.role().name()
                    + " may not see personal data in full, so it may not export it in full / 该角色无权导出明文个人信息");
        }
        if (why == null) {
            throw new DisclosureRefusedException(Reason.INVALID, "an export needs a stated purpose, one of "
                    + List.of(Purpose.values()) + " / 导出须说明用途");
        }
        if (kind == null || kind.isBlank() || kind.length() > 64 || estimatedRows < 0 || filter == null) {
            throw new DisclosureRefusedException(Reason.INVALID, "an export names its kind (at most 64 characters), its "
                    + "filter and a row count of 0 or more / 导出请求不完整");
        }
        String n = Accounts.note(note);
        Accounts.lock(jdbc, who.accountId());
        long quota = settings.exportRows(who.role());
        long used = jdbc.sql("""
                        select coalesce(sum(estimated_rows), 0) from governance.export_request
                         where requester_id = :account and requested_at >= :from and status <> 'REJECTED'""")
                .param("account", who.accountId()).param("from", Timestamp.from(Accounts.startOfDay(clock)))
                .query(Long.class).single();
        if (used + estimatedRows > quota) {
            throw new DisclosureRefusedException(Reason.QUOTA_EXCEEDED, "this export of " + estimatedRows
                    + " rows would bring today's exports to " + (used + estimatedRows) + " rows, over the role's quota of "
                    + quota + " / 超出今日导出行数上限（已用" + used + "行，上限" + quota + "行）");
        }
        // data in full always needs a second person, whatever the size: the row count is not its risk
        boolean atOnce = !unmasked && estimatedRows <= settings.approvalThreshold();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into governance.export_request (requester_id, requester, requester_name, requester_role,
                            kind, filter, estimated_rows, purpose, note, unmasked, status, requested_at, decided_by,
                            decided_at)
                        values (:account, :username, :name, :role, :kind, :filter, :rows, :purpose, :note, :unmasked,
                            :status, :now, :decidedBy, :decidedAt)
                        returning id""")
                .param("account", who.accountId()).param("username", who.username())
                .param("name", who.displayName() == null ? who.username() : who.displayName())
                .param("role", who.role().name()).param("kind", kind.strip())
                .param("filter", json.writeValueAsString(new TreeMap<>(filter))).param("rows", estimatedRows)
                .param("purpose", why.name()).param("note", n).param("unmasked", unmasked)
                .param("status", (atOnce ? ExportStatus.APPROVED : ExportStatus.PENDING).name())
                .param("now", Timestamp.from(now)).param("decidedBy", atOnce ? ExportRequest.THRESHOLD_APPROVER : null)
                .param("decidedAt", atOnce ? Timestamp.from(now) : null).query(Long.class).single();
        ExportRequest r = find(id).orElseThrow();
        Map<String, String> detail = detail(r);
        detail.put("step", "request");
        detail.put("status", r.status().name());
        detail.put("threshold", Long.toString(settings.approvalThreshold()));
        audit.record(new AuditEntry(who.username(), AuditAction.APPROVAL, r.subject(), why.name(), detail));
        return r;
    }

    @Override
    @Transactional
    public ExportRequest approve(StaffPrincipal approver, long requestId, String note) {
        return decide(approver, requestId, note, ExportStatus.APPROVED);
    }

    @Override
    @Transactional
    public ExportRequest reject(StaffPrincipal approver, long requestId, String note) {
        return decide(approver, requestId, note, ExportStatus.REJECTED);
    }

    private ExportRequest decide(StaffPrincipal approver, long requestId, String note, ExportStatus outcome) {
        Accounts.require(approver);
        if (!approver.role().may(Permission.EXPORT_APPROVE)) {
            throw new DisclosureRefusedException(Reason.NOT_PERMITTED, "the role " + approver.role().name() + " ("
                    + approver.role().chinese() + ") may not approve exports / 该角色无审批导出权限");
        }
        String n = Accounts.note(note);
        ExportRequest r = locked(requestId).orElseThrow(() -> notFound(requestId));
        if (r.status() != ExportStatus.PENDING) {
            throw new DisclosureRefusedException(Reason.CONFLICT, "export " + r.number() + " is " + r.status().name()
                    + ", not waiting for approval / 该导出申请不在待审批状态");
        }
        if (r.requesterId() == approver.accountId() || r.requester().equals(approver.username())
                || staff.samePerson(r.requesterId(), approver.accountId())) {
            throw new DisclosureRefusedException(Reason.NOT_PERMITTED, "an export is approved by another person than "
                    + "the one who asked for it / 导出申请须由申请人以外的人员审批");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        update governance.export_request
                           set status = :status, decided_by = :by, decided_at = :now, decision_note = :note
                         where id = :id""")
                .param("status", outcome.name()).param("by", approver.username()).param("now", Timestamp.from(now))
                .param("note", n).param("id", requestId).update();
        ExportRequest decided = find(requestId).orElseThrow();
        Map<String, String> detail = detail(decided);
        detail.put("step", outcome == ExportStatus.APPROVED ? "approve" : "reject");
        detail.put("requester", decided.requester());
        if (n != null) {
            detail.put("decisionNote", n);
        }
        audit.record(new AuditEntry(approver.username(), AuditAction.APPROVAL, decided.subject(),
                decided.purpose().name(), detail));
        return decided;
    }


    @Override
    @Transactional(readOnly = true)
    public List<ExportRequest> mine(StaffPrincipal who, int limit) {
        Accounts.require(who);
        return jdbc.sql("select " + COLUMNS + " from governance.export_request where requester_id = :account"
                        + " order by id desc limit :limit")
                .param("account", who.accountId()).param("limit", Math.max(1, limit)).query(this::request).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExportRequest> pending(int limit) {
        return jdbc.sql("select " + COLUMNS + " from governance.export_request where status = 'PENDING'"
                        + " order by requested_at, id limit :limit")
                .param("limit", Math.max(1, limit)).query(this::request).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ExportRequest> find(long requestId) {
        return jdbc.sql("select " + COLUMNS + " from governance.export_request where id = :id").param("id", requestId)
                .query(this::request).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Watermark watermark(StaffPrincipal who, long requestId) {
        Accounts.require(who);
        ExportRequest r = find(requestId).filter(x -> x.requesterId() == who.accountId())
                .orElseThrow(() -> notFound(requestId));
        producible(who, r);
        return new Watermark(r.id(), who.username(), who.displayName() == null ? who.username() : who.displayName(),
                ZonedDateTime.now(clock), r.purpose(), r.note());
    }

    @Override
    @Transactional
    public ExportRequest recordExport(StaffPrincipal who, Watermark mark, String sha256, long rows) {
        Accounts.require(who);
        if (mark == null || sha256 == null || !SHA256.matcher(sha256).matches() || rows < 0) {
            throw new DisclosureRefusedException(Reason.INVALID, "an export is recorded with its watermark, its file's "
                    + "SHA-256 in lower-case hex and its rows / 导出记录不完整");
        }
        ExportRequest r = locked(mark.requestId()).filter(x -> x.requesterId() == who.accountId())
                .orElseThrow(() -> notFound(mark.requestId()));
        producible(who, r);
        jdbc.sql("""
                        update governance.export_request
                           set status = 'EXPORTED', exported_at = :now, exported_rows = :rows, file_sha256 = :sha
                         where id = :id""")
                .param("now", Timestamp.from(clock.instant())).param("rows", rows).param("sha", sha256)
                .param("id", r.id()).update();
        ExportRequest done = find(r.id()).orElseThrow();
        Map<String, String> detail = detail(done);
        detail.put("rows", Long.toString(rows));
        detail.put("sha256", sha256);
        detail.put("watermark", mark.text());
        detail.put("approvedBy", done.decidedBy());
        audit.record(new AuditEntry(who.username(), AuditAction.EXPORT, done.subject(), done.purpose().name(), detail));
        return done;
    }

    /** Only an approved request not yet spent, by an account that may still export (and unmask, for data in full). */
    private static void producible(StaffPrincipal who, ExportRequest r) {
        if (!who.role().may(Permission.EXPORT) || r.unmasked() && !who.role().may(Permission.UNMASK)) {
            throw new DisclosureRefusedException(Reason.NOT_PERMITTED, "the role " + who.role().name()
                    + " may not produce this export / 该角色无权导出");
        }
        switch (r.status()) {
            case APPROVED -> {
            }
            case PENDING -> throw new DisclosureRefusedException(Reason.CONFLICT, "export " + r.number()
                    + " waits for approval / 导出申请尚未审批");
            case REJECTED -> throw new DisclosureRefusedException(Reason.CONFLICT, "export " + r.number()
                    + " was rejected / 导出申请已被驳回");
            case EXPORTED -> throw new DisclosureRefusedException(Reason.CONFLICT, "export " + r.number()
                    + " was already produced; a new file needs a new request / 该申请已导出，如需再次导出请重新申请");
        }
    }

    private Optional<ExportRequest> locked(long requestId) {
        return jdbc.sql("select " + COLUMNS + " from governance.export_request where id = :id for update")
                .param("id", requestId).query(this::request).optional();
    }

    /** What every audit event of a request says about it; never a person's data, only the request's terms. */
    private static Map<String, String> detail(ExportRequest r) {
        Map<String, String> d = new TreeMap<>();
        d.put("kind", r.kind());
        r.filter().forEach((k, v) -> d.put("filter." + k, v));
        d.put("estimatedRows", Long.toString(r.estimatedRows()));
        d.put("unmasked", Boolean.toString(r.unmasked()));
        if (r.note() != null) {
            d.put("note", r.note());
        }
        return d;
    }

    private static DisclosureRefusedException notFound(long id) {
        return new DisclosureRefusedException(Reason.NOT_FOUND, "no export request " + ExportRequest.numberOf(id)
                + " of yours / 未找到该导出申请");
    }

    private ExportRequest request(ResultSet rs, int n) throws SQLException {
        return new ExportRequest(rs.getLong("id"), rs.getLong("requester_id"), rs.getString("requester"),
                rs.getString("requester_name"), rs.getString("requester_role"), rs.getString("kind"),
                json.readValue(rs.getString("filter"), FILTER), rs.getLong("estimated_rows"),
                Purpose.valueOf(rs.getString("purpose")), rs.getString("note"), rs.getBoolean("unmasked"),
                ExportStatus.valueOf(rs.getString("status")), rs.getTimestamp("requested_at").toInstant(),
                rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")), rs.getString("decision_note"),
                instant(rs.getTimestamp("exported_at")), rs.getObject("exported_rows", Long.class), rs.getString("file_sha256"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
