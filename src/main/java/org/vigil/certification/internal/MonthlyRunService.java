package org.vigil.certification.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.CertificationPolicy;
import org.vigil.certification.Decision;
import org.vigil.certification.DryRunReport;
import org.vigil.certification.DueBucket;
import org.vigil.certification.EligibilityStatus;
import org.vigil.certification.EvidenceRef;
import org.vigil.certification.MonthVerified;
import org.vigil.certification.MonthlyRunResult;
import org.vigil.certification.MonthlyVerification;
import org.vigil.certification.PolicyBook;
import org.vigil.certification.ReasonCode;
import org.vigil.certification.VerificationRun;
import org.vigil.identity.Money;
import org.vigil.runtime.CopyWriter;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditEntry;
import org.vigil.governance.AuditTrail;
import org.vigil.sharing.SharedEvidence;

/**
 * The monthly run in one transaction: the decisions go by COPY into a staging table while the
 * evidence streams in (from the sharing module, on a connection of its own, with the verifications
 * recorded on this module's tasks beside it, ADR 0017), then only what differs from the stored
 * month is inserted, updated or deleted, the noted reasons of failed certifications included.
 * Comparing rather than replacing is what makes a repeat change nothing, and gives the count of
 * changed rows.
 */
@Service
class MonthlyRunService implements MonthlyVerification {

    private static final Logger log = LoggerFactory.getLogger(MonthlyRunService.class);

    /** One monthly run at a time: a month's period starts from the months before it. */
    private static final long RUN_LOCK = 0x5649_4749_4C01L;

    private static final String STAGING = """
            create temporary table decision_load (
                recipient_id bigint, status text, reason_code text, reasons jsonb, loss_from date,
                certified_on date, period_end date, bucket text, investigate boolean, evidence jsonb,
                policy_version text, certified_kind text, certified_evidence jsonb, home_visit_age boolean
            ) on commit drop""";

    private static final String COPY = """
            copy decision_load (recipient_id, status, reason_code, reasons, loss_from, certified_on, period_end, bucket,
                investigate, evidence, policy_version, certified_kind, certified_evidence, home_visit_age) from stdin""";

    /**
     * Residents of the paying city are listed by residence; anyone else by the paying district
     * (CERT-2). Institution pensions are verified by the employing unit (第七条).
     */
    private static final String MERGE_DECISIONS = """
            insert into certification.decision (month, recipient_id, person, benefit_kind, status, reason_code, reasons,
                loss_from, certified_on, period_end, bucket, investigate, evidence, policy_version, region_code, district,
                street, community, jurisdiction, organised_by, employer_credit_code, home_visit_age)
            select :month, s.recipient_id, r.person, r.benefit_kind, s.status, s.reason_code, s.reasons, s.loss_from,
                   s.certified_on, s.period_end, s.bucket, s.investigate, s.evidence, s.policy_version,
                   case when j.resident then r.region_code else r.paying_region_code end,
                   substr(case when j.resident then r.region_code else r.paying_region_code end, 1, 6),
                   case when j.resident then substr(r.region_code, 1, 9) end,
                   case when j.resident then r.region_code end,
                   case when j.resident then 'RESIDENCE' else 'PAYING_PLACE' end,
                   case when r.benefit_kind = 'INSTITUTION_PENSION' then 'EMPLOYER' else 'COMMUNITY' end,
                   case when r.benefit_kind = 'INSTITUTION_PENSION' then r.employer_credit_code end,
                   s.home_visit_age
              from decision_load s
              join certification.recipient r on r.id = s.recipient_id
              cross join lateral (select left(r.region_code, 4) = left(r.paying_region_code, 4) as resident) j
            on conflict (month, recipient_id) do update set
                person = excluded.person, benefit_kind = excluded.benefit_kind, status = excluded.status,
                reason_code = excluded.reason_code, reasons = excluded.reasons, loss_from = excluded.loss_from,
                certified_on = excluded.certified_on, period_end = excluded.period_end, bucket = excluded.bucket,
                investigate = excluded.investigate, evidence = excluded.evidence,
                policy_version = excluded.policy_version, region_code = excluded.region_code,
                district = excluded.district, street = excluded.street, community = excluded.community,
                jurisdiction = excluded.jurisdiction, organised_by = excluded.organised_by,
                employer_credit_code = excluded.employer_credit_code, home_visit_age = excluded.home_visit_age
             where (decision.person, decision.benefit_kind, decision.status, decision.reason_code, decision.reasons,
                    decision.loss_from, decision.certified_on, decision.period_end, decision.bucket, decision.investigate,
                    decision.evidence, decision.policy_version, decision.region_code, decision.district,
                    decision.street, decision.community, decision.jurisdiction, decision.organised_by,
                    decision.employer_credit_code, decision.home_visit_age)
                   is distinct from
                   (excluded.person, excluded.benefit_kind, excluded.status, excluded.reason_code, excluded.reasons,
                    excluded.loss_from, excluded.certified_on, excluded.period_end, excluded.bucket, excluded.investigate,
                    excluded.evidence, excluded.policy_version, excluded.region_code, excluded.district,
                    excluded.street, excluded.community, excluded.jurisdiction, excluded.organised_by,
                    excluded.employer_credit_code, excluded.home_visit_age)""";

    private static final String DELETE_DECISIONS = """
            delete from certification.decision d
             where d.month = :month
               and not exists (select 1 from decision_load s where s.recipient_id = d.recipient_id)""";

    private static final String MERGE_CERTIFICATIONS = """
            insert into certification.certification_history (recipient_id, month, certified_on, evidence_kind, evidence)
            select s.recipient_id, :month, s.certified_on, s.certified_kind, s.certified_evidence
              from decision_load s
             where s.certified_on is not null
            on conflict (recipient_id, month) do update set
                certified_on = excluded.certified_on, evidence_kind = excluded.evidence_kind, evidence = excluded.evidence
             where (certification_history.certified_on, certification_history.evidence_kind,
                    certification_history.evidence)
                   is distinct from (excluded.certified_on, excluded.evidence_kind, excluded.evidence)""";

    private static final String DELETE_CERTIFICATIONS = """
            delete from certification.certification_history h
             where h.month = :month
               and not exists (select 1 from decision_load s
                                where s.recipient_id = h.recipient_id and s.certified_on is not null)""";

    /** Who the audit log names for a run: the run decides by itself, whoever started it. */
    static final String RUN_ACTOR = "system:monthly-run";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SharedEvidence evidence;
    private final PolicyBook policies;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;
    private final FailureNotes failures;
    private final Persons persons;
    private final RunTable runs;

    MonthlyRunService(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions, SharedEvidence evidence,
            PolicyBook policies, ApplicationEventPublisher events, Clock clock, FailureNotes failures, AuditTrail audit,
            Persons persons) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.evidence = evidence;
        this.policies = policies;
        this.events = events;
        this.clock = clock;
        this.failures = failures;
        this.audit = audit;
        this.persons = persons;
        this.runs = new RunTable(jdbc);
    }

    @Override
    public LocalDate defaultAsOf(YearMonth month) {
        return month.atDay(policies.inForceOn(month.atDay(1)).runBeforeDay() - 1);
    }

    @Override
    public MonthlyRunResult verify(YearMonth month, LocalDate asOf) {
        Objects.requireNonNull(month, "month");
        LocalDate day = asOf != null ? asOf : defaultAsOf(month);
        requireInMonth(month, day);
        CertificationPolicy policy = policies.inForceOn(day);
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        MonthlyRunResult result = transactions.execute(status -> run(month, day, policy, started, t0));
        log.info("Verified {} as of {} under policy {}: {} recipients, {} qualified, {} disqualified, {} to be verified; "
                + "{} rows changed in {} ms", month, day, policy.version(), result.run().recipients(),
                result.run().qualified(), result.run().disqualified(), result.run().toBeVerified(), result.changed(),
                result.elapsed().toMillis());
        return result;
    }

    private MonthlyRunResult run(YearMonth month, LocalDate asOf, CertificationPolicy policy, Instant started, long t0) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(:key)) locked").param("key", RUN_LOCK).query(Integer.class)
                .single();
        // the recipients' birth dates and the evidence's person numbers are then looked up in memory
        persons.vault().preload();
        RunRecipients recipients = RunRecipients.load(jdbc, month, persons.vault());
        VerificationEvidence verifications = VerificationEvidence.load(jdbc, asOf, policy);
        long loaded = System.nanoTime();
        Optional<VerificationRun> before = runs.find(month);
        jdbc.sql(STAGING).update();
        Tally tally = new Tally();
        MonthDecider decider;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (CopyWriter out = CopyWriter.open(connection, COPY)) {
            // aged enough for a home visit by this run's policy (第二十三条): the ledger and tasks filter on it
            int bornBy = (int) asOf.minusYears(policy.homeVisitAge()).toEpochDay();
            decider = new MonthDecider(recipients, policy, asOf, verifications, (i, d) -> {
                tally.add(d);
                stage(out, recipients.recipientId(i), d, recipients.birthDay(i) <= bornBy);
            });
            decider.run(evidence);
            out.finish();
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not stage the decisions of " + month + ": " + e.getMessage(), e);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        // The month's stored decisions were written in this same transaction, so the planner's
        // statistics do not know them and take the month for nearly empty; without an index on the
        // staging table it then checks every stored decision against every staged one (minutes at
        // 300,000 recipients). With the index each check is one probe, whatever the estimate.
        jdbc.sql("create unique index on decision_load (recipient_id)").update();
        jdbc.sql("analyze decision_load").update();
        long decided = System.nanoTime();
        if (decider.evidenceIgnored > 0) {
            log.warn("{}: {} evidence item(s) left out of every decision (dates reversed, or a kind policy {} "
                    + "does not list: {})", month, decider.evidenceIgnored, policy.version(), decider.unknownKinds);
        }

        LocalDate first = month.atDay(1);
        Instant finished = clock.instant();
        VerificationRun counted = new VerificationRun(month, asOf, policy.version(), 1, started, finished,
                recipients.size(), tally.count(EligibilityStatus.QUALIFIED), tally.count(EligibilityStatus.DISQUALIFIED),
                tally.count(EligibilityStatus.TO_BE_VERIFIED), tally.investigate, tally.certified, 0);
        if (before.isEmpty()) {
            runs.insert(counted);
        }
        // a failure's noted reason belongs to its decision: a changed reason is a changed decision
        long decisions = jdbc.sql(MERGE_DECISIONS).param("month", first).update()
                + jdbc.sql(DELETE_DECISIONS).param("month", first).update()
                + failures.store(month, asOf);
        long certifications = jdbc.sql(MERGE_CERTIFICATIONS).param("month", first).update()
                + jdbc.sql(DELETE_CERTIFICATIONS).param("month", first).update();
        boolean runChanged = before.isEmpty() || !before.get().asOf().equals(asOf)
                || !before.get().policyVersion().equals(policy.version());
        long changed = decisions + certifications + (runChanged ? 1 : 0);
        if (before.isEmpty()) {
            runs.markChanged(month, changed, clock.instant());
        }
        else if (changed > 0) {
            runs.revise(counted, changed, clock.instant());
        }
        VerificationRun stored = runs.find(month).orElseThrow();
        if (changed > 0) {
            // DATA-18: the run is the act behind every decision it stored; a repeat that changed nothing is no act
            // the month's decisions as this transaction stored them, sealed by the audit chain (DecisionSeals)
            DecisionDigest.Result sealed = DecisionDigest.of(jdbc, month);
            audit.record(AuditEntry.of(RUN_ACTOR, AuditAction.DECISION, "month:" + month, Map.of("asOf", asOf.toString(),
                    "policy", policy.version(), "revision", Long.toString(stored.revision()),
                    "recipients", Long.toString(stored.recipients()), "qualified", Long.toString(stored.qualified()),
                    "disqualified", Long.toString(stored.disqualified()), "toBeVerified",
                    Long.toString(stored.toBeVerified()), "rowsChanged", Long.toString(changed),
                    JdbcDecisionSeals.DIGEST, sealed.digest(), JdbcDecisionSeals.COUNT,
                    Long.toString(sealed.decisions()))));
        }
        // which part of a month's run takes the time: the recipients, the evidence and rules, or the comparison
        log.info("Run of {}: {} recipients read in {} ms; {} evidence items decided and staged in {} ms; stored in {} ms",
                month, recipients.size(), (loaded - t0) / 1_000_000, decider.evidenceItems, (decided - loaded) / 1_000_000,
                (System.nanoTime() - decided) / 1_000_000);
        events.publishEvent(new MonthVerified(month, stored.asOf(), stored.policyVersion(), stored.revision(),
                stored.qualified(), stored.disqualified(), stored.toBeVerified(), changed));
        return new MonthlyRunResult(stored, decisions, certifications, runChanged, tally.buckets, decider.evidenceItems,
                decider.evidenceIgnored, Duration.ofNanos(System.nanoTime() - t0));
    }

    private static void stage(CopyWriter out, long recipientId, Decision d, boolean homeVisitAge) {
        EvidenceRef certifying = d.certifiedOn() == null ? null : MonthDecider.certifyingRef(d);
        try {
            out.number(recipientId).text(d.status().name()).text(d.reason().code().name())
                    .text(DecisionJson.reasons(d.reasons())).date(d.lossFrom()).date(d.certifiedOn())
                    .date(d.periodEnd()).text(d.bucket() == null ? null : d.bucket().name()).bool(d.investigate())
                    .text(DecisionJson.evidence(d.evidence())).text(d.policyVersion())
                    .text(d.certifiedOn() == null ? null : d.reason().evidenceKind())
                    .text(certifying == null ? null : DecisionJson.evidence(certifying)).bool(homeVisitAge);
            out.endRow();
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not stage a decision: " + e.getMessage(), e);
        }
    }

    @Override
    public DryRunReport dryRun(YearMonth month, LocalDate asOf, PolicyBook book) {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(book, "book");
        return transactions.execute(status -> {
            status.setRollbackOnly();
            VerificationRun stored = runs.find(month).orElseThrow(() -> new IllegalStateException(
                    "month " + month + " has not been verified yet: there is nothing to compare with / 该月尚未核验"));
            LocalDate day = asOf != null ? asOf : stored.asOf();
            requireInMonth(month, day);
            CertificationPolicy policy = book.inForceOn(day);
            Map<Long, StoredDecision> before = storedDecisions(month);
            persons.vault().preload();
            RunRecipients recipients = RunRecipients.load(jdbc, month, persons.vault());
            Tally tally = new Tally();
            Map<Long, Decision> after = new HashMap<>();
            new MonthDecider(recipients, policy, day, VerificationEvidence.load(jdbc, day, policy), (i, d) -> {
                tally.add(d);
                long id = recipients.recipientId(i);
                StoredDecision was = before.get(id);
                if (was == null || was.status() != d.status()) {
                    after.put(id, d);
                }
            }).run(evidence);
            return report(month, day, policy, stored, recipients.size(), tally, before, after);
        });
    }

    /** What a stored decision says, for comparing. */
    private record StoredDecision(EligibilityStatus status, ReasonCode reason) {
    }

    private Map<Long, StoredDecision> storedDecisions(YearMonth month) {
        Map<Long, StoredDecision> stored = new HashMap<>();
        jdbc.sql("select recipient_id, status, reason_code from certification.decision where month = :month")
                .withFetchSize(RunRecipients.FETCH_SIZE).param("month", month.atDay(1))
                .query(rs -> {
                    stored.put(rs.getLong(1), new StoredDecision(EligibilityStatus.valueOf(rs.getString(2)),
                            ReasonCode.valueOf(rs.getString(3))));
                });
        return stored;
    }

    /** A changed recipient's details, read only for those who change, opened in blocks. */
    private record Details(long id, String idNumber, String name, BenefitKind benefit, Money amount) {
    }

    private DryRunReport report(YearMonth month, LocalDate asOf, CertificationPolicy policy, VerificationRun stored,
            long recipients, Tally tally, Map<Long, StoredDecision> before, Map<Long, Decision> after) {
        Map<Long, Details> details = new HashMap<>();
        List<Long> ids = new ArrayList<>(after.keySet());
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Persons.Pending<Details>> block = jdbc.sql("""
                            select id, person, name_sealed, benefit_kind, monthly_amount
                              from certification.recipient where id in (:ids)""")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query((rs, n) -> {
                        long id = rs.getLong(1);
                        BenefitKind benefit = BenefitKind.valueOf(rs.getString(4));
                        Money amount = Money.of(rs.getBigDecimal(5));
                        return new Persons.Pending<Details>(rs.getLong(2), rs.getBytes(3),
                                (idNumber, name) -> new Details(id, idNumber, name, benefit, amount));
                    }).list();
            persons.open(block).forEach(d -> details.put(d.id(), d));
        }
        List<DryRunReport.Change> changes = new ArrayList<>();
        Map<String, DryRunReport.Move> moves = new LinkedHashMap<>();
        after.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    Details d = details.get(e.getKey());
                    StoredDecision was = before.get(e.getKey());
                    Decision now = e.getValue();
                    changes.add(new DryRunReport.Change(e.getKey(), d.idNumber(), d.name(), d.benefit(), d.amount(),
                            was == null ? null : was.status(), was == null ? null : was.reason(), now.status(),
                            now.reason().code()));
                    String key = (was == null ? "-" : was.status().name()) + ">" + now.status().name();
                    moves.merge(key, new DryRunReport.Move(was == null ? null : was.status(), now.status(), 1, d.amount()),
                            (a, b) -> new DryRunReport.Move(a.from(), a.to(), a.recipients() + 1,
                                    a.monthlyAmount().plus(b.monthlyAmount())));
                });
        Map<EligibilityStatus, Long> counts = new EnumMap<>(EligibilityStatus.class);
        for (EligibilityStatus s : EligibilityStatus.values()) {
            counts.put(s, tally.count(s));
        }
        return new DryRunReport(month, asOf, policy.version(), stored.policyVersion(), recipients, counts, changes,
                new ArrayList<>(moves.values()));
    }

    private static void requireInMonth(YearMonth month, LocalDate asOf) {
        if (!YearMonth.from(asOf).equals(month)) {
            throw new IllegalArgumentException("the as-of date " + asOf + " is not in " + month + " / 核验基准日不在该月内");
        }
    }

    /** The lists' sizes as the decisions come. */
    private static final class Tally {
        final long[] byStatus = new long[EligibilityStatus.values().length];
        final Map<DueBucket, Long> buckets = new EnumMap<>(DueBucket.class);
        long investigate;
        long certified;

        Tally() {
            for (DueBucket b : DueBucket.values()) {
                buckets.put(b, 0L);
            }
        }

        void add(Decision d) {
            byStatus[d.status().ordinal()]++;
            if (d.bucket() != null) {
                buckets.merge(d.bucket(), 1L, Long::sum);
            }
            if (d.investigate()) {
                investigate++;
            }
            if (d.certifiedOn() != null) {
                certified++;
            }
        }

        long count(EligibilityStatus status) {
            return byStatus[status.ordinal()];
        }
    }

    /** The run table. */
    static final class RunTable {

        private final JdbcClient jdbc;

        RunTable(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        Optional<VerificationRun> find(YearMonth month) {
            return jdbc.sql("select * from certification.verification_run where month = :month")
                    .param("month", month.atDay(1))
                    .query((rs, n) -> JdbcCertificationLists.run(rs)).optional();
        }

        void insert(VerificationRun r) {
            jdbc.sql("""
                    insert into certification.verification_run (month, as_of, policy_version, revision, started_at,
                        finished_at, recipients, qualified, disqualified, to_be_verified, investigate, certified, changed)
                    values (:month, :asOf, :policy, 1, :started, :finished, :recipients, :qualified, :disqualified,
                        :toBeVerified, :investigate, :certified, 0)""")
                    .param("month", r.month().atDay(1)).param("asOf", r.asOf()).param("policy", r.policyVersion())
                    .param("started", Timestamp.from(r.startedAt())).param("finished", Timestamp.from(r.finishedAt()))
                    .param("recipients", r.recipients()).param("qualified", r.qualified())
                    .param("disqualified", r.disqualified()).param("toBeVerified", r.toBeVerified())
                    .param("investigate", r.investigate()).param("certified", r.certified())
                    .update();
        }

        void markChanged(YearMonth month, long changed, Instant finished) {
            jdbc.sql("update certification.verification_run set changed = :changed, finished_at = :finished where month = :month")
                    .param("changed", changed).param("finished", Timestamp.from(finished)).param("month", month.atDay(1))
                    .update();
        }

        void revise(VerificationRun r, long changed, Instant finished) {
            jdbc.sql("""
                    update certification.verification_run
                       set as_of = :asOf, policy_version = :policy, revision = revision + 1, started_at = :started,
                           finished_at = :finished, recipients = :recipients, qualified = :qualified,
                           disqualified = :disqualified, to_be_verified = :toBeVerified, investigate = :investigate,
                           certified = :certified, changed = :changed
                     where month = :month""")
                    .param("asOf", r.asOf()).param("policy", r.policyVersion())
                    .param("started", Timestamp.from(r.startedAt())).param("finished", Timestamp.from(finished))
                    .param("recipients", r.recipients()).param("qualified", r.qualified())
                    .param("disqualified", r.disqualified()).param("toBeVerified", r.toBeVerified())
                    .param("investigate", r.investigate()).param("certified", r.certified()).param("changed", changed)
                    .param("month", r.month().atDay(1))
                    .update();
        }
    }
}
