package org.vigil.certification.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.CertificationLists;
import org.vigil.certification.CertificationPolicy;
import org.vigil.certification.Decision;
import org.vigil.certification.DependentRelation;
import org.vigil.certification.DueBucket;
import org.vigil.certification.EligibilityStatus;
import org.vigil.certification.Evidence;
import org.vigil.certification.Explanation;
import org.vigil.certification.Jurisdiction;
import org.vigil.certification.ListCounts;
import org.vigil.certification.ListEntry;
import org.vigil.certification.ListPage;
import org.vigil.certification.ListQuery;
import org.vigil.certification.PolicyBook;
import org.vigil.certification.RecordedDecision;
import org.vigil.certification.VerificationRun;
import org.vigil.identity.Money;
import org.vigil.sharing.SharedEvidence;

/** The stored runs and lists, read with the recipient's name and amount joined in. */
@Service
class JdbcCertificationLists implements CertificationLists {

    static final int MAX_PAGE_SIZE = 1000;

    /**
     * The filters of a {@link ListQuery}: a parameter left null matches everything. The list order
     * is the lists' own (qualified, disqualified, to be verified), then district, street, community.
     * A null limit is PostgreSQL's {@code limit all}.
     */
    private static final String ENTRIES = """
            select d.*, r.name_sealed, r.relation, r.monthly_amount
              from certification.decision d
              join certification.recipient r on r.id = d.recipient_id
             where d.month = :month
               and (cast(:status as text) is null or d.status = :status)
               and (cast(:district as text) is null or d.district = :district)
               and (cast(:street as text) is null or d.street = :street)
               and (cast(:community as text) is null or d.community = :community)
             order by array_position(array['QUALIFIED', 'DISQUALIFIED', 'TO_BE_VERIFIED'], d.status),
                      d.district, d.street, d.community, d.person, d.recipient_id
             limit :limit offset :offset""";

    private static final String COUNT = """
            select count(*) from certification.decision d
             where d.month = :month
               and (cast(:status as text) is null or d.status = :status)
               and (cast(:district as text) is null or d.district = :district)
               and (cast(:street as text) is null or d.street = :street)
               and (cast(:community as text) is null or d.community = :community)""";

    /** Recipients listed by the paying district have no street or community: they count at the district. */
    private static final String COUNTS = """
            select coalesce(case :level when 'STREET' then d.street when 'COMMUNITY' then d.community end, d.district)
                       as region,
                   count(*) filter (where d.status = 'QUALIFIED') as qualified,
                   count(*) filter (where d.status = 'DISQUALIFIED') as disqualified,
                   count(*) filter (where d.status = 'TO_BE_VERIFIED') as to_be_verified
              from certification.decision d
             where d.month = :month
               and (cast(:status as text) is null or d.status = :status)
               and (cast(:district as text) is null or d.district = :district)
               and (cast(:street as text) is null or d.street = :street)
               and (cast(:community as text) is null or d.community = :community)
             group by 1
             order by 1""";

    private final JdbcClient jdbc;
    private final SharedEvidence evidence;
    private final PolicyBook policies;
    private final FailureNotes failures;
    private final JdbcVerificationTasks tasks;
    private final Persons persons;

    JdbcCertificationLists(JdbcClient jdbc, SharedEvidence evidence, PolicyBook policies, FailureNotes failures,
            JdbcVerificationTasks tasks, Persons persons) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.evidence = evidence;
        this.policies = policies;
        this.failures = failures;
        this.tasks = tasks;
    }

    @Override
    public List<VerificationRun> runs() {
        return jdbc.sql("select * from certification.verification_run order by month desc")
                .query((rs, n) -> run(rs)).list();
    }

    @Override
    public Optional<VerificationRun> run(YearMonth month) {
        return jdbc.sql("select * from certification.verification_run where month = :month")
                .param("month", month.atDay(1)).query((rs, n) -> run(rs)).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public ListPage page(ListQuery query, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page is 0 or more and size 1 to " + MAX_PAGE_SIZE + " / 页码或每页条数有误");
        }
        VerificationRun run = run(query.month()).orElseThrow(() -> notRun(query.month()));
        List<ListEntry> entries = persons.open(filters(jdbc.sql(ENTRIES), query)
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> entry(rs)).list());
        long total = filters(jdbc.sql(COUNT), query).query(Long.class).single();
        return new ListPage(run, entries, total, page, size);
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(ListQuery query, Consumer<ListEntry> visitor) {
        run(query.month()).orElseThrow(() -> notRun(query.month()));
        Persons.Blocks<ListEntry> blocks = persons.blocks(block -> block.forEach(visitor));
        filters(jdbc.sql(ENTRIES), query).withFetchSize(RunRecipients.FETCH_SIZE)
                .param("limit", null).param("offset", 0L)
                .query(rs -> {
                    blocks.add(entry(rs));
                });
        blocks.flush();
    }

    @Override
    public List<ListCounts> counts(ListQuery query, Level level) {
        return filters(jdbc.sql(COUNTS), query).param("level", level.name())
                .query((rs, n) -> new ListCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Explanation> explain(String idNumber, YearMonth month) {
        Optional<VerificationRun> run = run(month);
        // an ID number the vault never saw is nobody here: nothing is recorded for a mistyped one
        Optional<Long> found = persons.find(idNumber);
        if (run.isEmpty() || found.isEmpty()) {
            return Optional.empty();
        }
        long person = found.get();
        List<RecordedDecision> decisions = persons.open(jdbc.sql("""
                        select d.*, r.name_sealed, r.relation, r.monthly_amount
                          from certification.decision d
                          join certification.recipient r on r.id = d.recipient_id
                         where d.month = :month and d.person = :person
                         order by d.recipient_id""")
                .param("month", month.atDay(1)).param("person", person)
                .query((rs, n) -> {
                    Persons.Pending<ListEntry> e = entry(rs);
                    String relation = rs.getString("relation");
                    return new Persons.Pending<RecordedDecision>(e.person(), e.name(), (id, name) -> {
                        ListEntry l = e.make().with(id, name);
                        return new RecordedDecision(l.recipientId(), l.idNumber(), l.name(), l.benefit(),
                                relation == null ? null : DependentRelation.valueOf(relation), l.monthlyAmount(),
                                l.decision(), l.jurisdiction());
                    });
                }).list());
        if (decisions.isEmpty()) {
            return Optional.empty();
        }
        LocalDate asOf = run.get().asOf();
        CertificationPolicy policy = policies.versions().stream()
                .filter(p -> p.version().equals(run.get().policyVersion())).findFirst()
                .orElseGet(() -> policies.inForceOn(asOf));
        List<Evidence> known = new ArrayList<>();
        evidence.about(person, asOf).forEach(item -> known.add(MonthDecider.evidence(item)));
        List<Evidence> recorded = VerificationEvidence.about(jdbc, person, asOf);
        if (!recorded.isEmpty()) {
            known.addAll(recorded);
            // a stable sort keeps the departments' order within a day and puts the verifications after it
            known.sort(Comparator.comparing(Evidence::date));
        }
        return Optional.of(new Explanation(decisions.get(0).idNumber(), month, asOf, policy, decisions, known,
                failures.ofPerson(person, month), tasks.ofPerson(person, month)));
    }

    private static JdbcClient.StatementSpec filters(JdbcClient.StatementSpec spec, ListQuery q) {
        return spec.param("month", q.month().atDay(1))
                .param("status", q.status().map(Enum::name).orElse(null))
                .param("district", q.district().orElse(null))
                .param("street", q.street().orElse(null))
                .param("community", q.community().orElse(null));
    }

    private static IllegalStateException notRun(YearMonth month) {
        return new IllegalStateException("month " + month + " has not been verified / 该月尚未核验");
    }

    static VerificationRun run(ResultSet rs) throws SQLException {
        return new VerificationRun(YearMonth.from(rs.getDate("month").toLocalDate()), rs.getDate("as_of").toLocalDate(),
                rs.getString("policy_version"), rs.getInt("revision"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at").toInstant(), rs.getLong("recipients"), rs.getLong("qualified"),
                rs.getLong("disqualified"), rs.getLong("to_be_verified"), rs.getLong("investigate"),
                rs.getLong("certified"), rs.getLong("changed"));
    }

    /** A list's row as read: the person by number and the name sealed, opened with the rest of its block. */
    static Persons.Pending<ListEntry> entry(ResultSet rs) throws SQLException {
        String bucket = rs.getString("bucket");
        Decision decision = new Decision(EligibilityStatus.valueOf(rs.getString("status")),
                DecisionJson.readReasons(rs.getString("reasons")), date(rs.getDate("loss_from")),
                date(rs.getDate("certified_on")), date(rs.getDate("period_end")),
                bucket == null ? null : DueBucket.valueOf(bucket), rs.getBoolean("investigate"),
                DecisionJson.readEvidence(rs.getString("evidence")), rs.getString("policy_version"));
        Jurisdiction jurisdiction = new Jurisdiction(rs.getString("region_code"), rs.getString("district"),
                rs.getString("street"), rs.getString("community"),
                Jurisdiction.Basis.valueOf(rs.getString("jurisdiction")),
                Jurisdiction.Organiser.valueOf(rs.getString("organised_by")), rs.getString("employer_credit_code"));
        long recipient = rs.getLong("recipient_id");
        BenefitKind benefit = BenefitKind.valueOf(rs.getString("benefit_kind"));
        Money amount = Money.of(rs.getBigDecimal("monthly_amount"));
        return new Persons.Pending<>(rs.getLong("person"), rs.getBytes("name_sealed"), (idNumber, name) ->
                new ListEntry(recipient, idNumber, name, benefit, amount, decision, jurisdiction));
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
