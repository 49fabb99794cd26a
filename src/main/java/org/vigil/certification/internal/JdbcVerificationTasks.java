package org.vigil.certification.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.DueBucket;
import org.vigil.certification.Jurisdiction;
import org.vigil.certification.ListQuery;
import org.vigil.certification.Operators;
import org.vigil.certification.TaskAttachment;
import org.vigil.certification.TaskCreation;
import org.vigil.certification.TaskException;
import org.vigil.certification.TaskPage;
import org.vigil.certification.TaskQuery;
import org.vigil.certification.TaskStatus;
import org.vigil.certification.VerificationMethod;
import org.vigil.certification.VerificationOutcome;
import org.vigil.certification.VerificationResult;
import org.vigil.certification.VerificationRun;
import org.vigil.certification.VerificationTask;
import org.vigil.certification.VerificationTasks;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditEntry;
import org.vigil.governance.AuditTrail;

/**
 * Verification tasks in PostgreSQL. Every state change is one conditional update (assign only
 * what is not done, record only what is assigned), so two operators acting on one task at once
 * cannot both succeed; when the update changes nothing the task is read to say why.
 */
@Service
class JdbcVerificationTasks implements VerificationTasks {

    static final int MAX_PAGE_SIZE = 1000;
    static final int MAX_NAME = 255;

    /**
     * The month's to-be-verified list as tasks. A recipient with a task of this month, or with one
     * not done from an earlier month, hits one of the two unique indexes and is left alone.
     */
    private static final String CREATE = """
            insert into certification.verification_task (month, recipient_id, person, benefit_kind, period_end, bucket,
                region_code, district, street, community, jurisdiction, organised_by, employer_credit_code, home_visit,
                status, created_at)
            select d.month, d.recipient_id, d.person, d.benefit_kind, d.period_end, d.bucket, d.region_code,
                   d.district, d.street, d.community, d.jurisdiction, d.organised_by, d.employer_credit_code,
                   r.over_80 or r.sick or r.disabled or d.home_visit_age,
                   'OPEN', :now
              from certification.decision d
              join certification.recipient r on r.id = d.recipient_id
             where d.month = :month and d.status = 'TO_BE_VERIFIED'
               and (cast(:district as text) is null or d.district = :district)
             order by d.district, d.street, d.community, d.person, d.recipient_id
            on conflict do nothing""";

    private static final String TO_BE_VERIFIED = """
            select count(*) from certification.decision d
             where d.month = :month and d.status = 'TO_BE_VERIFIED'
               and (cast(:district as text) is null or d.district = :district)""";

    private static final String TASK = """
            select t.*, r.name_sealed from certification.verification_task t
              join certification.recipient r on r.id = t.recipient_id
             where t.id = :id""";

    private static final String PAGE = """
            select t.*, r.name_sealed from certification.verification_task t
              join certification.recipient r on r.id = t.recipient_id
             where (cast(:month as date) is null or t.month = :month)
               and (cast(:status as text) is null or t.status = :status)
               and (cast(:district as text) is null or t.district = :district)
               and (cast(:street as text) is null or t.street = :street)
               and (cast(:community as text) is null or t.community = :community)
             order by t.district, t.street, t.community, array_position(array['OPEN', 'ASSIGNED', 'DONE'], t.status), t.id
             limit :limit offset :offset""";

    private static final String COUNT = """
            select count(*) from certification.verification_task t
             where (cast(:month as date) is null or t.month = :month)
               and (cast(:status as text) is null or t.status = :status)
               and (cast(:district as text) is null or t.district = :district)
               and (cast(:street as text) is null or t.street = :street)
               and (cast(:community as text) is null or t.community = :community)""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AttachmentStore files;
    private final Clock clock;
    private final AuditTrail audit;
    private final Persons persons;

    JdbcVerificationTasks(JdbcClient jdbc, TransactionTemplate transactions, AttachmentStore files,
            Clock clock, AuditTrail audit, Persons persons) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.audit = audit;
        this.transactions = transactions;
        this.files = files;
        this.clock = clock;
    }

    @Override
    public TaskCreation create(YearMonth month, Optional<String> district) {
        String d = new ListQuery(month, Optional.empty(), district, Optional.empty(), Optional.empty()).district()
                .orElse(null);
        return transactions.execute(status -> {
            VerificationRun run = jdbc.sql("select * from certification.verification_run where month = :month")
                    .param("month", month.atDay(1)).query((rs, n) -> JdbcCertificationLists.run(rs)).optional()
                    .orElseThrow(() -> new IllegalStateException("month " + month
                            + " has not been verified, so it has no to-be-verified list / 该月尚未核验"));
            // aged enough for a home visit is the run's finding by its own policy (decision.home_visit_age)
            long created = jdbc.sql(CREATE).param("month", month.atDay(1)).param("district", d)
                    .param("now", Timestamp.from(clock.instant())).update();
            long listed = jdbc.sql(TO_BE_VERIFIED).param("month", month.atDay(1)).param("district", d)
                    .query(Long.class).single();
            return new TaskCreation(month, listed, created, listed - created);
        });
    }

    @Override
    public VerificationTask assign(long taskId, String operator) {
        String who = requireOperator(operator);
        int changed = jdbc.sql("""
                        update certification.verification_task
                           set status = 'ASSIGNED', assigned_to = :who, assigned_at = :now
                         where id = :id and status <> 'DONE'""")
                .param("who", who).param("now", Timestamp.from(clock.instant())).param("id", taskId).update();
        VerificationTask task = find(taskId).orElseThrow(() -> TaskException.notFound(taskId));
        if (changed == 0) {
            throw new TaskException(TaskException.Kind.CONFLICT, "verification task " + taskId + " was recorded on "
                    + task.verifiedOn() + " by " + task.recordedBy() + " (" + task.result()
                    + "); a done task is not changed / 该核实任务已完成，不可再分派");
        }
        return task;
    }

    @Override
    public long assignCommunity(YearMonth month, String community, String operator) {
        String who = requireOperator(operator);
        String c = new ListQuery(month, Optional.empty(), Optional.empty(), Optional.empty(), Optional.ofNullable(community))
                .community().orElseThrow(() -> new IllegalArgumentException("a community is required / 须指定社区"));
        return jdbc.sql("""
                        update certification.verification_task
                           set status = 'ASSIGNED', assigned_to = :who, assigned_at = :now
                         where month = :month and community = :community and status = 'OPEN'
                           and organised_by = 'COMMUNITY'""")
                .param("who", who).param("now", Timestamp.from(clock.instant())).param("month", month.atDay(1))
                .param("community", c).update();
    }

    @Override
    public VerificationTask record(long taskId, VerificationOutcome outcome) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        return transactions.execute(status -> {
            int changed = jdbc.sql("""
                            update certification.verification_task
                               set status = 'DONE', method = :method, result = :result, recorded_by = :who,
                                   verified_at = :at, verified_on = :on, note = :note
                             where id = :id and status = 'ASSIGNED'""")
                    .param("method", outcome.method().name()).param("result", outcome.result().name())
                    .param("who", outcome.operator()).param("at", Timestamp.from(now)).param("on", today)
                    .param("note", outcome.note()).param("id", taskId).update();
            VerificationTask task = find(taskId).orElseThrow(() -> TaskException.notFound(taskId));
            if (changed == 0) {
                throw task.status() == TaskStatus.OPEN
                        ? new TaskException(TaskException.Kind.CONFLICT, "verification task " + taskId
                                + " is not assigned to anyone yet; assign it before recording its outcome / 该核实任务尚未分派，请先分派")
                        : new TaskException(TaskException.Kind.CONFLICT, "verification task " + taskId
                                + " was already recorded on " + task.verifiedOn() + " by " + task.recordedBy() + " as "
                                + task.result() + "; a recorded verification is not recorded again or changed"
                                + " / 该核实任务已记录核实结果，不可重复记录或更改");
            }
            // DATA-18: a recorded verification can certify or fail a recipient, so it is audited with it
            audit.record(AuditEntry.of(outcome.operator(), AuditAction.CHANGE, "verification-task:" + taskId, Map.of(
                    "recipient", Long.toString(task.recipientId()), "method", outcome.method().name(),
                    "result", outcome.result().name(), "verifiedOn", today.toString())));
            return task;
        });
    }

    @Override
    public TaskAttachment attach(long taskId, String fileName, String contentType, InputStream content, String operator) {
        String who = requireOperator(operator);
        String name = fileName(fileName);
        refuseDone(taskId);
        AttachmentStore.Stored stored = files.store(content);
        Instant now = clock.instant();
        return transactions.execute(status -> {
            // the lock makes a concurrent recording wait, so nothing is attached to a task once it is done
            refuseDone(jdbc.sql("select status from certification.verification_task where id = :id for update")
                    .param("id", taskId).query(String.class).optional(), taskId);
            jdbc.sql("""
                            insert into certification.verification_attachment (task_id, sha256, name, content_type,
                                size_bytes, added_by, added_at)
                            values (:task, :sha, :name, :type, :size, :who, :now)
                            on conflict (task_id, sha256) do nothing""")
                    .param("task", taskId).param("sha", stored.sha256()).param("name", name)
                    .param("type", contentType == null || contentType.isBlank() ? null : contentType.strip())
                    .param("size", stored.size()).param("who", who).param("now", Timestamp.from(now)).update();
            return jdbc.sql("select * from certification.verification_attachment where task_id = :task and sha256 = :sha")
                    .param("task", taskId).param("sha", stored.sha256()).query((rs, n) -> attachment(rs)).single();
        });
    }

    @Override
    public Optional<VerificationTask> find(long taskId) {
        List<VerificationTask> found = withAttachments(persons.open(jdbc.sql(TASK).param("id", taskId)
                .query((rs, n) -> row(rs)).list()));
        return found.stream().findFirst();
    }

    @Override
    public TaskPage page(TaskQuery query, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page is 0 or more and size 1 to " + MAX_PAGE_SIZE + " / 页码或每页条数有误");
        }
        List<VerificationTask> tasks = withAttachments(persons.open(filters(jdbc.sql(PAGE), query).param("limit", size)
                .param("offset", (long) page * size).query((rs, n) -> row(rs)).list()));
        long total = filters(jdbc.sql(COUNT), query).query(Long.class).single();
        return new TaskPage(tasks, total, page, size);
    }

    @Override
    public Optional<Path> attachmentFile(long taskId, String sha256) {
        boolean kept = jdbc.sql("select count(*) from certification.verification_attachment where task_id = :task and sha256 = :sha")
                .param("task", taskId).param("sha", sha256).query(Long.class).single() > 0;
        return kept ? files.find(sha256) : Optional.empty();
    }

    /** A person's tasks of months up to {@code month}, oldest first, for the explanation of their decisions. */
    List<VerificationTask> ofPerson(long person, YearMonth month) {
        return withAttachments(persons.open(jdbc.sql("""
                        select t.*, r.name_sealed from certification.verification_task t
                          join certification.recipient r on r.id = t.recipient_id
                         where t.person = :person and t.month <= :month
                         order by t.month, t.id""")
                .param("person", person).param("month", month.atDay(1)).query((rs, n) -> row(rs)).list()));
    }

    private void refuseDone(long taskId) {
        refuseDone(jdbc.sql("select status from certification.verification_task where id = :id").param("id", taskId)
                .query(String.class).optional(), taskId);
    }

    private static void refuseDone(Optional<String> status, long taskId) {
        if (status.isEmpty()) {
            throw TaskException.notFound(taskId);
        }
        if (status.get().equals(TaskStatus.DONE.name())) {
            throw new TaskException(TaskException.Kind.CONFLICT, "verification task " + taskId
                    + " is done; nothing is attached to a done task / 该核实任务已完成，不可再添加附件");
        }
    }

    private static String requireOperator(String operator) {
        return Operators.require(operator);
    }

    /** The last part of an uploaded name, without control characters; a browser may send a whole path. */
    static String fileName(String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty()) {
            return "attachment";
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    private static JdbcClient.StatementSpec filters(JdbcClient.StatementSpec spec, TaskQuery q) {
        return spec.param("month", q.month().map(m -> m.atDay(1)).orElse(null))
                .param("status", q.status().map(Enum::name).orElse(null))
                .param("district", q.district().orElse(null))
                .param("street", q.street().orElse(null))
                .param("community", q.community().orElse(null));
    }

    private List<VerificationTask> withAttachments(List<VerificationTask> tasks) {
        if (tasks.isEmpty()) {
            return tasks;
        }
        Map<Long, List<TaskAttachment>> byTask = new HashMap<>();
        jdbc.sql("select * from certification.verification_attachment where task_id in (:ids) order by task_id, added_at, name")
                .param("ids", tasks.stream().map(VerificationTask::id).toList())
                .query(rs -> {
                    TaskAttachment a = attachment(rs);
                    byTask.computeIfAbsent(a.taskId(), k -> new ArrayList<>()).add(a);
                });
        return tasks.stream().map(t -> byTask.containsKey(t.id()) ? with(t, byTask.get(t.id())) : t).toList();
    }

    private static VerificationTask with(VerificationTask t, List<TaskAttachment> attachments) {
        return new VerificationTask(t.id(), t.month(), t.recipientId(), t.idNumber(), t.name(), t.benefit(), t.periodEnd(),
                t.bucket(), t.jurisdiction(), t.homeVisit(), t.status(), t.createdAt(), t.assignedTo(), t.assignedAt(),
                t.method(), t.result(), t.recordedBy(), t.verifiedAt(), t.verifiedOn(), t.note(), attachments);
    }

    /** A task as read: the person by number and the name sealed, opened with the rest of its page. */
    static Persons.Pending<VerificationTask> row(ResultSet rs) throws SQLException {
        String method = rs.getString("method");
        String result = rs.getString("result");
        java.sql.Date on = rs.getDate("verified_on");
        long id = rs.getLong("id");
        YearMonth month = YearMonth.from(rs.getDate("month").toLocalDate());
        long recipient = rs.getLong("recipient_id");
        BenefitKind benefit = BenefitKind.valueOf(rs.getString("benefit_kind"));
        LocalDate periodEnd = rs.getDate("period_end").toLocalDate();
        DueBucket bucket = DueBucket.valueOf(rs.getString("bucket"));
        Jurisdiction jurisdiction = jurisdiction(rs);
        boolean homeVisit = rs.getBoolean("home_visit");
        TaskStatus status = TaskStatus.valueOf(rs.getString("status"));
        Instant created = instant(rs.getTimestamp("created_at"));
        String assignedTo = rs.getString("assigned_to");
        Instant assignedAt = instant(rs.getTimestamp("assigned_at"));
        VerificationMethod m = method == null ? null : VerificationMethod.valueOf(method);
        VerificationResult r = result == null ? null : VerificationResult.valueOf(result);
        String recordedBy = rs.getString("recorded_by");
        Instant verifiedAt = instant(rs.getTimestamp("verified_at"));
        LocalDate verifiedOn = on == null ? null : on.toLocalDate();
        String note = rs.getString("note");
        return new Persons.Pending<>(rs.getLong("person"), rs.getBytes("name_sealed"), (idNumber, name) ->
                new VerificationTask(id, month, recipient, idNumber, name, benefit, periodEnd, bucket, jurisdiction,
                        homeVisit, status, created, assignedTo, assignedAt, m, r, recordedBy, verifiedAt, verifiedOn,
                        note, List.of()));
    }

    static Jurisdiction jurisdiction(ResultSet rs) throws SQLException {
        return new Jurisdiction(rs.getString("region_code"), rs.getString("district"), rs.getString("street"),
                rs.getString("community"), Jurisdiction.Basis.valueOf(rs.getString("jurisdiction")),
                Jurisdiction.Organiser.valueOf(rs.getString("organised_by")), rs.getString("employer_credit_code"));
    }

    private static TaskAttachment attachment(ResultSet rs) throws SQLException {
        return new TaskAttachment(rs.getLong("task_id"), rs.getString("sha256"), rs.getString("name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("added_by"),
                rs.getTimestamp("added_at").toInstant());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
