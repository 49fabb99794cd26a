package org.vigil.certification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.CertificationLists;
import org.vigil.certification.CertificationPolicy;
import org.vigil.certification.DueBucket;
import org.vigil.certification.LedgerCounts;
import org.vigil.certification.LedgerLine;
import org.vigil.certification.LedgerPage;
import org.vigil.certification.LedgerQuery;
import org.vigil.certification.Ledgers;
import org.vigil.certification.PolicyBook;
import org.vigil.certification.TaskStatus;
import org.vigil.certification.VerificationResult;
import org.vigil.certification.VerificationRun;
import org.vigil.registry.PersonContacts;

/**
 * The ledgers read from a month's stored decisions, with the recipient's flags, the noted reason of
 * a failed certification and the recipient's task joined in, and the phone numbers asked of the
 * registry a block of lines at a time. Every ledger is a part of the to-be-verified list: those
 * qualified need no verification, and those disqualified (dead, in custody) have nothing left to
 * certify, at home or anywhere.
 */
@Service
class JdbcLedgers implements Ledgers {

    static final int MAX_PAGE_SIZE = 1000;
    /** Lines whose phone numbers are asked of the registry in one go while a ledger streams. */
    static final int PHONE_BLOCK = Persons.BLOCK;

    /**
     * A null filter matches everything; whether a recipient is old enough for a home visit is what
     * the run noted by its policy (the birth date is the ID number's, which no table here holds).
     * The task shown is the one not done yet, else the latest, among the month's and earlier
     * months' tasks. A null limit is PostgreSQL's {@code limit all}.
     */
    private static final String LINES = """
            select d.recipient_id, d.person, d.benefit_kind, d.reasons, d.period_end, d.bucket, d.investigate,
                   d.region_code, d.district, d.street, d.community, d.jurisdiction, d.organised_by,
                   d.employer_credit_code, d.home_visit_age, r.name_sealed, r.over_80, r.sick, r.disabled,
                   f.reason as failure_reason,
                   t.id as task_id, t.status as task_status, t.assigned_to as task_assigned_to, t.result as task_result
              from certification.decision d
              join certification.recipient r on r.id = d.recipient_id
              left join certification.certification_failure f on f.month = d.month and f.recipient_id = d.recipient_id
              left join lateral (
                    select t.id, t.status, t.assigned_to, t.result
                      from certification.verification_task t
                     where t.recipient_id = d.recipient_id and t.month <= d.month
                     order by (t.status <> 'DONE') desc, t.month desc, t.id desc
                     limit 1) t on true
             where d.month = :month and d.status = 'TO_BE_VERIFIED'
               and (cast(:kind as text) <> 'DUE' or d.bucket in ('ONE_MONTH', 'TWO_MONTHS', 'THREE_MONTHS'))
               and (cast(:kind as text) <> 'HOME_VISIT' or r.over_80 or r.sick or r.disabled or d.home_visit_age)
               and (cast(:district as text) is null or d.district = :district)
               and (cast(:street as text) is null or d.street = :street)
               and (cast(:community as text) is null or d.community = :community)
             order by d.district, d.street, d.community,
                      array_position(array['OVERDUE', 'ONE_MONTH', 'TWO_MONTHS', 'THREE_MONTHS', 'LATER'], d.bucket),
                      d.person, d.recipient_id
             limit :limit offset :offset""";

    private static final String COUNT = """
            select count(*)
              from certification.decision d
              join certification.recipient r on r.id = d.recipient_id
             where d.month = :month and d.status = 'TO_BE_VERIFIED'
               and (cast(:kind as text) <> 'DUE' or d.bucket in ('ONE_MONTH', 'TWO_MONTHS', 'THREE_MONTHS'))
               and (cast(:kind as text) <> 'HOME_VISIT' or r.over_80 or r.sick or r.disabled or d.home_visit_age)
               and (cast(:district as text) is null or d.district = :district)
               and (cast(:street as text) is null or d.street = :street)
               and (cast(:community as text) is null or d.community = :community)""";

    /** Recipients listed by the paying district have no street or community: they count at the district. */
    private static final String COUNTS = """
            select coalesce(case :level when 'STREET' then d.street when 'COMMUNITY' then d.community end, d.district)
                       as region,
                   d.bucket, count(*) as lines
              from certification.decision d
              join certification.recipient r on r.id = d.recipient_id
             where d.month = :month and d.status = 'TO_BE_VERIFIED'
               and (cast(:kind as text) <> 'DUE' or d.bucket in ('ONE_MONTH', 'TWO_MONTHS', 'THREE_MONTHS'))
               and (cast(:kind as text) <> 'HOME_VISIT' or r.over_80 or r.sick or r.disabled or d.home_visit_age)
               and (cast(:district as text) is null or d.district = :district)
               and (cast(:street as text) is null or d.street = :street)
               and (cast(:community as text) is null or d.community = :community)
             group by 1, 2
             order by 1""";

    private final JdbcClient jdbc;
    private final CertificationLists lists;
    private final PolicyBook policies;
    private final PersonContacts contacts;
    private final Persons persons;

    JdbcLedgers(JdbcClient jdbc, CertificationLists lists, PolicyBook policies, PersonContacts contacts,
            Persons persons) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.lists = lists;
        this.policies = policies;
        this.contacts = contacts;
    }

    @Override
    @Transactional(readOnly = true)
    public LedgerPage page(LedgerQuery query, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page is 0 or more and size 1 to " + MAX_PAGE_SIZE + " / 页码或每页条数有误");
        }
        Scope scope = scope(query);
        List<LedgerLine> lines = persons.open(filters(jdbc.sql(LINES), query, scope).param("limit", size)
                .param("offset", (long) page * size).query((rs, n) -> line(rs, scope)).list());
        long total = filters(jdbc.sql(COUNT), query, scope).query(Long.class).single();
        return new LedgerPage(scope.run(), query.kind(), withPhones(lines), total, page, size);
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(LedgerQuery query, Consumer<LedgerLine> visitor) {
        Scope scope = scope(query);
        // a block's ID numbers and names are opened together, then its phones asked together
        Persons.Blocks<LedgerLine> blocks = persons.blocks(block -> withPhones(block).forEach(visitor));
        filters(jdbc.sql(LINES), query, scope).withFetchSize(RunRecipients.FETCH_SIZE)
                .param("limit", null).param("offset", 0L)
                .query(rs -> {
                    blocks.add(line(rs, scope));
                });
        blocks.flush();
    }

    @Override
    @Transactional(readOnly = true)
    public List<LedgerCounts> counts(LedgerQuery query, CertificationLists.Level level) {
        Scope scope = scope(query);
        Map<String, Map<DueBucket, Long>> byRegion = new LinkedHashMap<>();
        filters(jdbc.sql(COUNTS), query, scope).param("level", level.name()).query(rs -> {
            byRegion.computeIfAbsent(rs.getString("region"), r -> new EnumMap<>(DueBucket.class))
                    .put(DueBucket.valueOf(rs.getString("bucket")), rs.getLong("lines"));
        });
        List<LedgerCounts> counts = new ArrayList<>(byRegion.size());
        byRegion.forEach((region, buckets) -> counts.add(new LedgerCounts(region, buckets)));
        return counts;
    }

    /** The run a ledger is read from, and the date from which a recipient is old enough for a home visit. */
    private record Scope(VerificationRun run, LocalDate bornBy) {
    }

    private Scope scope(LedgerQuery query) {
        VerificationRun run = lists.run(query.month()).orElseThrow(() -> new IllegalStateException(
                "month " + query.month() + " has not been verified / 该月尚未核验"));
        CertificationPolicy policy = RunPolicy.of(policies, run);
        return new Scope(run, run.asOf().minusYears(policy.homeVisitAge()));
    }

    private static JdbcClient.StatementSpec filters(JdbcClient.StatementSpec spec, LedgerQuery q, Scope scope) {
        return spec.param("month", q.month().atDay(1))
                .param("kind", q.kind().name())
                .param("district", q.district().orElse(null))
                .param("street", q.street().orElse(null))
                .param("community", q.community().orElse(null));
    }

    private List<LedgerLine> withPhones(List<LedgerLine> lines) {
        if (lines.isEmpty()) {
            return lines;
        }
        Map<String, String> phones = contacts.phones(lines.stream().map(LedgerLine::idNumber).toList());
        if (phones.isEmpty()) {
            return lines;
        }
        List<LedgerLine> out = new ArrayList<>(lines.size());
        for (LedgerLine l : lines) {
            String phone = phones.get(l.idNumber());
            out.add(phone == null ? l : new LedgerLine(l.recipientId(), l.idNumber(), l.name(), l.benefit(), l.reasons(),
                    l.periodEnd(), l.bucket(), l.investigate(), phone, l.age(), l.overEighty(), l.sick(), l.disabled(),
                    l.homeVisit(), l.jurisdiction(), l.failureReason(), l.task()));
        }
        return out;
    }

    private static Persons.Pending<LedgerLine> line(ResultSet rs, Scope scope) throws SQLException {
        boolean aged = rs.getBoolean("home_visit_age");
        boolean over80 = rs.getBoolean("over_80");
        boolean sick = rs.getBoolean("sick");
        boolean disabled = rs.getBoolean("disabled");
        long taskId = rs.getLong("task_id");
        LedgerLine.TaskSummary task = null;
        if (!rs.wasNull()) {
            String result = rs.getString("task_result");
            task = new LedgerLine.TaskSummary(taskId, TaskStatus.valueOf(rs.getString("task_status")),
                    rs.getString("task_assigned_to"), result == null ? null : VerificationResult.valueOf(result));
        }
        LedgerLine.TaskSummary t = task;
        long recipient = rs.getLong("recipient_id");
        BenefitKind benefit = BenefitKind.valueOf(rs.getString("benefit_kind"));
        var reasons = DecisionJson.readReasons(rs.getString("reasons"));
        LocalDate periodEnd = rs.getDate("period_end").toLocalDate();
        DueBucket bucket = DueBucket.valueOf(rs.getString("bucket"));
        boolean investigate = rs.getBoolean("investigate");
        var jurisdiction = JdbcVerificationTasks.jurisdiction(rs);
        String failure = rs.getString("failure_reason");
        return new Persons.Pending<>(rs.getLong("person"), rs.getBytes("name_sealed"), (idNumber, name) ->
                new LedgerLine(recipient, idNumber, name, benefit, reasons, periodEnd, bucket, investigate, null,
                        Period.between(Persons.birthDate(idNumber), scope.run().asOf()).getYears(), over80, sick,
                        disabled, over80 || sick || disabled || aged, jurisdiction, failure, t));
    }
}
