package org.vigil.certification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.certification.AmountHistory;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.CertificationFailures;
import org.vigil.certification.CertificationPolicy;
import org.vigil.certification.Decision;
import org.vigil.certification.EligibilityStatus;
import org.vigil.certification.EvidenceEffect;
import org.vigil.certification.EvidenceRef;
import org.vigil.certification.FailedCertification;
import org.vigil.certification.FailureGround;
import org.vigil.certification.InstructionKind;
import org.vigil.certification.InstructionOrigin;
import org.vigil.certification.InstructionQuery;
import org.vigil.certification.InstructionStatus;
import org.vigil.certification.MonthlyAmount;
import org.vigil.certification.PaymentInstruction;
import org.vigil.certification.PaymentRules;
import org.vigil.certification.PaymentState;
import org.vigil.certification.PaymentStates;
import org.vigil.certification.PolicyBook;
import org.vigil.certification.ReasonCode;
import org.vigil.certification.Restorations;
import org.vigil.certification.SuspensionBatch;
import org.vigil.certification.SuspensionBatches;
import org.vigil.certification.SuspensionBreaker;
import org.vigil.certification.SuspensionLifted;
import org.vigil.certification.SuspensionPolicies;
import org.vigil.certification.SuspensionPolicy;
import org.vigil.certification.SuspensionReleased;
import org.vigil.certification.VerificationRun;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditEntry;
import org.vigil.governance.AuditTrail;
import org.vigil.sharing.EvidenceItem;
import org.vigil.sharing.SharedEvidence;

/**
 * The suspension batch's steps, each in one transaction under one advisory lock, so two officers
 * releasing at once cannot both apply a district and a step killed half-way leaves nothing.
 * Instructions are keyed by month, kind and recipient (no generated numbers), so a step run again
 * after a crash writes exactly the rows an uninterrupted run would have.
 */
@Service
class SuspensionBatchService implements SuspensionBatches, Restorations {

    private static final Logger log = LoggerFactory.getLogger(SuspensionBatchService.class);

    /** One batch step at a time, across batches: a build looks at the other months' unreleased instructions. */
    private static final long BATCH_LOCK = 0x5649_4749_4C16L;

    private static final String PERIOD_ENDED = "[{\"code\": \"PERIOD_ENDED\"}]";

    /**
     * 第二十五条: everyone who lost eligibility or whose certification failed (第二十四条), unless
     * already suspended or waiting in another month's unreleased batch. A period that merely ran out
     * is not a failure: 第二十四条 asks that the agency's own verification also could not certify, so
     * only a recorded verification that did not certify counts (ADR 0020). The to-be-verified and
     * anyone marked for investigation are people's work first, never an automatic stop.
     */
    private static final String SUSPENSIONS = """
            select d.recipient_id, d.person, d.benefit_kind, d.status, d.reasons, d.loss_from, d.period_end,
                   d.evidence, d.district, d.street, d.community, r.name_sealed, p.paid_through
              from certification.decision d
              join certification.recipient r on r.id = d.recipient_id
              left join certification.payment_state p on p.recipient_id = d.recipient_id
             where d.month = :month
               and not d.investigate
               and (d.status = 'DISQUALIFIED'
                    or (d.status = 'TO_BE_VERIFIED' and d.reasons @> cast(:periodEnded as jsonb)
                        and exists (select 1 from certification.certification_failure f
                                     where f.month = d.month and f.recipient_id = d.recipient_id
                                       and f.ground = :failed)))
               and coalesce(p.status, 'PAYING') = 'PAYING'
               and not exists (select 1 from certification.payment_instruction i
                                where i.recipient_id = d.recipient_id and i.kind = 'SUSPEND'
                                  and i.status <> 'RELEASED' and i.month <> :month)
             order by d.district, d.person, d.recipient_id""";

    /**
     * 第二十六条: a suspended recipient whom a month after the suspension's certified again, and whom
     * this month neither disqualifies nor fails, with the latest such certification.
     */
    private static final String RESTORATIONS = """
            select d.recipient_id, d.person, d.benefit_kind, d.district, d.street, d.community, r.name_sealed,
                   p.suspended_from, p.suspension_month, s.reason_code as suspended_for, s.loss_from as suspended_loss,
                   s.evidence as suspended_evidence, h.certified_on, h.evidence_kind, h.evidence as certifying
              from certification.decision d
              join certification.recipient r on r.id = d.recipient_id
              join certification.payment_state p on p.recipient_id = d.recipient_id and p.status = 'SUSPENDED'
              left join certification.payment_instruction s
                     on s.month = p.suspension_month and s.kind = 'SUSPEND' and s.recipient_id = d.recipient_id
              join lateral (select c.certified_on, c.evidence_kind, c.evidence
                              from certification.certification_history c
                             where c.recipient_id = d.recipient_id and c.month > p.suspension_month and c.month <= :month
                             order by c.month desc
                             limit 1) h on true
             where d.month = :month
               and d.month > p.suspension_month
               and d.status <> 'DISQUALIFIED'
               and not d.investigate
               and not d.reasons @> cast(:periodEnded as jsonb)
               and not exists (select 1 from certification.payment_instruction i
                                where i.recipient_id = d.recipient_id and i.kind = 'RESTORE'
                                  and i.status <> 'RELEASED' and i.month <> :month)
             order by d.district, d.person, d.recipient_id""";

    /** The audit log's names for the batch's own steps; an officer's steps carry the officer's name. */
    private static final String BATCH_ACTOR = "system:suspension-batch";
    private static final String RELEASE_ACTOR = "system:suspension-release";

    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PaymentStates payments;
    private final PolicyBook policies;
    private final SuspensionPolicies suspensionPolicies;
    private final SharedEvidence evidence;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<BatchStepProbe> probes;
    private final CertificationFailures failures;
    private final InstructionTable table;
    private final Persons persons;

    SuspensionBatchService(JdbcClient jdbc, TransactionTemplate transactions, PaymentStates payments, PolicyBook policies,
            SuspensionPolicies suspensionPolicies, SharedEvidence evidence, ApplicationEventPublisher events, Clock clock,
            ObjectProvider<BatchStepProbe> probes, CertificationFailures failures, AuditTrail audit, Persons persons) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.payments = payments;
        this.policies = policies;
        this.suspensionPolicies = suspensionPolicies;
        this.evidence = evidence;
        this.events = events;
        this.clock = clock;
        this.probes = probes;
        this.failures = failures;
        this.audit = audit;
        this.persons = persons;
        this.table = new InstructionTable(jdbc, persons);
    }

    // ------------------------------------------------------------------------------------ build

    @Override
    public Built build(YearMonth month) {
        Objects.requireNonNull(month, "month");
        Built built = transactions.execute(status -> {
            lock();
            VerificationRun run = run(month);
            Optional<SuspensionBatch> before = table.batch(month);
            if (before.isPresent() && before.get().districts().stream().anyMatch(d -> d.releasedAt() != null)) {
                // a released district's people are suspended now: recomputing would drop them from their own batch
                return new Built(before.get(), false, null);
            }
            CertificationPolicy certification = policyOf(run);
            SuspensionPolicy policy = suspensionPolicies.inForceOn(run.asOf());
            YearMonth effective = month.plusMonths(1);
            List<PaymentInstruction> planned = new ArrayList<>(suspensions(month, effective, policy));
            planned.addAll(restorations(month, run, effective, policy));
            SuspensionBreaker.Figures figures = figures(month, run, planned);
            List<SuspensionBreaker.Trip> trips = judge(figures, policy);
            LocalDate releaseBy = effective.atDay(certification.suspensionByDay());

            if (before.isPresent()) {
                List<PaymentInstruction> stored = table.list(InstructionQuery.all(month)).stream()
                        .filter(i -> i.origin() == InstructionOrigin.BATCH).toList();
                SuspensionBatch b = before.get();
                boolean same = keyed(stored).equals(keyed(planned)) && b.trips().equals(trips)
                        && b.runRevision() == run.revision() && b.releaseBy().equals(releaseBy)
                        && b.recipients() == run.recipients();
                if (same) {
                    return new Built(b, false, figures);
                }
            }
            replace(month, run, effective, releaseBy, planned, trips, before);
            SuspensionBatch stored = table.batch(month).orElseThrow();
            audit.record(AuditEntry.of(BATCH_ACTOR, AuditAction.DECISION, "batch:" + month, Map.of(
                    "runRevision", Long.toString(run.revision()), "suspensions", Long.toString(stored.suspensions()),
                    "restorations", Long.toString(stored.restorations()), "held", Boolean.toString(stored.held()),
                    "trips", trips.stream().map(SuspensionBreaker.Trip::rule).toList().toString())));
            return new Built(stored, true, figures);
        });
        if (built.changed()) {
            log.info("Suspension batch of {}: {} suspension(s), {} restoration(s){}", month, built.batch().suspensions(),
                    built.batch().restorations(), built.batch().held() ? ", held by the circuit breaker" : "");
        }
        return built;
    }

    private List<PaymentInstruction> suspensions(YearMonth month, YearMonth effective, SuspensionPolicy policy) {
        List<Persons.Pending<PaymentInstruction>> out = new ArrayList<>();
        // the reason the run noted for each failed certification (第二十四条), carried to the payment system
        Map<Long, FailedCertification> failed = new HashMap<>();
        failures.failedIn(month).forEach(f -> failed.put(f.recipientId(), f));
        jdbc.sql(SUSPENSIONS).param("month", month.atDay(1)).param("periodEnded", PERIOD_ENDED)
                .param("failed", FailureGround.VERIFICATION_FAILED.name()).query((ResultSet rs) -> {
            long recipient = rs.getLong("recipient_id");
            List<Decision.Reason> reasons = DecisionJson.readReasons(rs.getString("reasons"));
            boolean disqualified = EligibilityStatus.valueOf(rs.getString("status")) == EligibilityStatus.DISQUALIFIED;
            Decision.Reason reason = disqualified ? reasons.get(0)
                    : reasons.stream().filter(r -> r.code() == ReasonCode.PERIOD_ENDED).findFirst().orElseThrow();
            LocalDate lossFrom = date(rs, "loss_from");
            List<EvidenceRef> refs = DecisionJson.readEvidence(rs.getString("evidence"));
            AmountHistory amounts = payments.amounts(recipient);
            YearMonth reported = month(rs, "paid_through");
            // ADR 0018: without a report, the payment system paid up to the month before the stop
            YearMonth lastPaid = reported != null && reported.isAfter(effective.minusMonths(1)) ? reported
                    : effective.minusMonths(1);
            List<MonthlyAmount> overpaid = lossFrom == null ? List.of()
                    : byMonth(PaymentRules.overpayment(lossFrom, policy.lossMonthOwed(), lastPaid, amounts), amounts);
            BenefitKind benefit = BenefitKind.valueOf(rs.getString("benefit_kind"));
            String district = rs.getString("district");
            String street = rs.getString("street");
            String community = rs.getString("community");
            LocalDate periodEnd = disqualified ? null : date(rs, "period_end");
            String noted = disqualified || !failed.containsKey(recipient) ? null
                    : failed.get(recipient).reason() + " / " + failed.get(recipient).reasonEnglish();
            out.add(new Persons.Pending<>(rs.getLong("person"), rs.getBytes("name_sealed"), (idNumber, name) ->
                    new PaymentInstruction(month, InstructionKind.SUSPEND, InstructionOrigin.BATCH, recipient, idNumber,
                            name, benefit, district, street, community, reason.code(), noted, lossFrom, periodEnd, refs,
                            source(reason, refs), effective, amounts.amountFor(effective), lastPaid, overpaid, null,
                            null, null, null, null, List.of(), InstructionStatus.PENDING, null, null)));
        });
        return persons.open(out);
    }

    private List<PaymentInstruction> restorations(YearMonth month, VerificationRun run, YearMonth effective,
            SuspensionPolicy policy) {
        List<Persons.Pending<PaymentInstruction>> out = new ArrayList<>();
        jdbc.sql(RESTORATIONS).param("month", month.atDay(1)).param("periodEnded", PERIOD_ENDED).query((ResultSet rs) -> {
            long recipient = rs.getLong("recipient_id");
            long person = rs.getLong("person");
            YearMonth suspendedFrom = month(rs, "suspended_from");
            String forCode = rs.getString("suspended_for");
            ReasonCode suspendedFor = forCode == null ? null : ReasonCode.valueOf(forCode);
            LocalDate lossFrom = date(rs, "suspended_loss");
            String suspendedEvidence = rs.getString("suspended_evidence");
            LocalDate regained = suspendedFor == ReasonCode.CUSTODY && suspendedEvidence != null
                    ? custodyEnded(person, lossFrom, DecisionJson.readEvidence(suspendedEvidence), run) : null;
            Optional<RestorationMonths.Range> notOwed = RestorationMonths.notOwed(suspendedFor, lossFrom, regained,
                    policy.lossMonthOwed());
            AmountHistory amounts = payments.amounts(recipient);
            List<MonthlyAmount> backPay = byMonth(PaymentRules.backPay(suspendedFrom, effective,
                    notOwed.map(RestorationMonths.Range::from).orElse(null),
                    notOwed.map(RestorationMonths.Range::to).orElse(null), amounts), amounts);
            List<EvidenceRef> certifying = DecisionJson.readEvidence("[" + rs.getString("certifying") + "]");
            String kind = rs.getString("evidence_kind");
            BenefitKind benefit = BenefitKind.valueOf(rs.getString("benefit_kind"));
            String district = rs.getString("district");
            String street = rs.getString("street");
            String community = rs.getString("community");
            String certifiedBy = kind + " " + date(rs, "certified_on");
            YearMonth suspensionMonth = month(rs, "suspension_month");
            out.add(new Persons.Pending<>(person, rs.getBytes("name_sealed"), (idNumber, name) ->
                    new PaymentInstruction(month, InstructionKind.RESTORE, InstructionOrigin.BATCH, recipient, idNumber,
                            name, benefit, district, street, community, ReasonCode.PROOF_OF_LIFE, certifiedBy, null,
                            null, certifying, source(new Decision.Reason(ReasonCode.PROOF_OF_LIFE, kind, null),
                                    certifying), effective, amounts.amountFor(effective), null, List.of(), suspendedFrom,
                            suspensionMonth, suspendedFor, notOwed.map(RestorationMonths.Range::from).orElse(null),
                            notOwed.map(RestorationMonths.Range::to).orElse(null), backPay, InstructionStatus.PENDING,
                            null, null)));
        });
        return persons.open(out);
    }

    /**
     * The day after the custody that suspended ended, from the evidence known on the run's as-of
     * date: the interval the suspension rested on, else any custody that began on the loss date.
     */
    private LocalDate custodyEnded(long person, LocalDate lossFrom, List<EvidenceRef> suspendedOn, VerificationRun run) {
        CertificationPolicy policy = policyOf(run);
        LocalDate end = null;
        for (EvidenceItem item : evidence.about(person, run.asOf())) {
            boolean custody = policy.rule(item.kind()).map(r -> r.effect() == EvidenceEffect.CUSTODY).orElse(false);
            EvidenceItem.Provenance p = item.source();
            boolean same = suspendedOn.contains(new EvidenceRef(p.provider(), p.feed(), p.deliveryId(), p.row()))
                    || item.date().equals(lossFrom);
            if (custody && same && item.endDate() != null && !item.endDate().isAfter(run.asOf())
                    && (end == null || item.endDate().isAfter(end))) {
                end = item.endDate();
            }
        }
        return end == null ? null : end.plusDays(1);
    }

    /** The breaker's figures: the batch's suspensions against all recipients, per district and source, and the usual month. */
    private SuspensionBreaker.Figures figures(YearMonth month, VerificationRun run, List<PaymentInstruction> planned) {
        Map<String, Long> perDistrict = new TreeMap<>();
        Map<String, Long> perSource = new TreeMap<>();
        long suspensions = 0;
        for (PaymentInstruction i : planned) {
            if (i.kind() == InstructionKind.SUSPEND) {
                suspensions++;
                perDistrict.merge(i.district(), 1L, Long::sum);
                perSource.merge(i.source(), 1L, Long::sum);
            }
        }
        Map<String, Long> recipientsPerDistrict = new HashMap<>();
        jdbc.sql("select district, count(*) from certification.decision where month = :month group by district")
                .param("month", month.atDay(1))
                .query((ResultSet rs) -> {
                    recipientsPerDistrict.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, long[]> byDistrict = new LinkedHashMap<>();
        perDistrict.forEach((d, n) -> byDistrict.put(d, new long[] {n, recipientsPerDistrict.getOrDefault(d, n)}));
        SuspensionPolicy policy = suspensionPolicies.inForceOn(run.asOf());
        List<Long> previous = jdbc.sql("""
                        select suspensions from certification.suspension_batch where month < :month
                         order by month desc limit :n""")
                .param("month", month.atDay(1)).param("n", policy.usualMonths()).query(Long.class).list();
        return new SuspensionBreaker.Figures(run.recipients(), suspensions, byDistrict, perSource, previous);
    }

    /** The breaker on the figures that are large enough to judge (SuspensionPolicy.minSuspensions). */
    private static List<SuspensionBreaker.Trip> judge(SuspensionBreaker.Figures f, SuspensionPolicy policy) {
        if (f.suspensions() < policy.minSuspensions()) {
            return List.of();
        }
        Map<String, long[]> districts = new LinkedHashMap<>();
        f.byDistrict().forEach((d, n) -> {
            if (n[0] >= policy.minSuspensions()) {
                districts.put(d, n);
            }
        });
        Map<String, Long> sources = new LinkedHashMap<>();
        f.bySource().forEach((s, n) -> {
            if (n >= policy.minSuspensions()) {
                sources.put(s, n);
            }
        });
        return SuspensionBreaker.check(new SuspensionBreaker.Figures(f.recipients(), f.suspensions(), districts, sources,
                f.previousBatches()), policy.breaker());
    }

    /**
     * Writes the batch anew. A district whose instructions are as they were keeps its approval; a
     * sign-off stands while the breaker says the same.
     */
    private void replace(YearMonth month, VerificationRun run, YearMonth effective, LocalDate releaseBy,
            List<PaymentInstruction> planned, List<SuspensionBreaker.Trip> trips, Optional<SuspensionBatch> before) {
        Map<String, SuspensionBatch.District> approvals = new HashMap<>();
        SuspensionBatch.SignOff signOff = null;
        if (before.isPresent()) {
            List<PaymentInstruction> stored = table.list(InstructionQuery.all(month)).stream()
                    .filter(i -> i.origin() == InstructionOrigin.BATCH).toList();
            for (SuspensionBatch.District d : before.get().districts()) {
                if (d.approvedBy() != null && keyed(inDistrict(stored, d.district())).equals(keyed(inDistrict(planned,
                        d.district())))) {
                    approvals.put(d.district(), d);
                }
            }
            if (before.get().trips().equals(trips)) {
                signOff = before.get().signOff();
            }
            Map<String, Object> key = Map.of("month", month.atDay(1));
            jdbc.sql("delete from certification.payment_instruction where month = :month and origin = 'BATCH'")
                    .params(key).update();
            jdbc.sql("delete from certification.batch_district where month = :month").params(key).update();
            jdbc.sql("delete from certification.suspension_batch where month = :month").params(key).update();
        }
        long suspensions = planned.stream().filter(i -> i.kind() == InstructionKind.SUSPEND).count();
        jdbc.sql("""
                insert into certification.suspension_batch (month, effective_month, release_by, run_revision, built_at,
                    recipients, suspensions, restorations, trips, held, signed_off_by, signed_off_at, sign_off_reason)
                values (:month, :effective, :releaseBy, :revision, :builtAt, :recipients, :suspensions, :restorations,
                    cast(:trips as jsonb), :held, :signedOffBy, :signedOffAt, :signOffReason)""")
                .param("month", month.atDay(1)).param("effective", effective.atDay(1)).param("releaseBy", releaseBy)
                .param("revision", run.revision()).param("builtAt", Timestamp.from(clock.instant()))
                .param("recipients", run.recipients()).param("suspensions", suspensions)
                .param("restorations", planned.size() - suspensions).param("trips", InstructionJson.trips(trips))
                .param("held", !trips.isEmpty()).param("signedOffBy", signOff == null ? null : signOff.officer())
                .param("signedOffAt", signOff == null ? null : Timestamp.from(signOff.at()))
                .param("signOffReason", signOff == null ? null : signOff.reason())
                .update();
        Map<String, Integer> perDistrict = new TreeMap<>();
        planned.forEach(i -> perDistrict.merge(i.district(), 1, Integer::sum));
        perDistrict.forEach((district, n) -> {
            SuspensionBatch.District kept = approvals.get(district);
            jdbc.sql("""
                    insert into certification.batch_district (month, district, instructions, approved_by, approved_at)
                    values (:month, :district, :n, :by, :at)""")
                    .param("month", month.atDay(1)).param("district", district).param("n", n)
                    .param("by", kept == null ? null : kept.approvedBy())
                    .param("at", kept == null ? null : Timestamp.from(kept.approvedAt()))
                    .update();
        });
        List<PaymentInstruction> ordered = new ArrayList<>(planned);
        ordered.sort(Comparator.comparing(PaymentInstruction::district).thenComparing(PaymentInstruction::kind)
                .thenComparing(PaymentInstruction::idNumber).thenComparingLong(PaymentInstruction::recipientId));
        for (int i = 0; i < ordered.size(); i++) {
            if (i == ordered.size() / 2) {
                halfway("build", month);
            }
            PaymentInstruction p = ordered.get(i);
            table.insert(approvals.containsKey(p.district()) ? withStatus(p, InstructionStatus.APPROVED) : p);
        }
    }

    // ---------------------------------------------------------------------------- sign-off, approval

    @Override
    public SuspensionBatch signOff(YearMonth month, String officer, String reason) {
        requireText(officer, "the officer / 签批人");
        requireText(reason, "the reason / 签批理由");
        return transactions.execute(status -> {
            lock();
            SuspensionBatch batch = existing(month);
            if (batch.trips().isEmpty()) {
                throw new IllegalStateException("the batch of " + month + " was not held by the circuit breaker: nothing to "
                        + "sign off / 该批次未熔断，无需签批");
            }
            if (batch.signOff() != null) {
                return batch;
            }
            jdbc.sql("""
                    update certification.suspension_batch
                       set signed_off_by = :by, signed_off_at = :at, sign_off_reason = :reason
                     where month = :month""")
                    .param("by", officer.strip()).param("at", Timestamp.from(clock.instant())).param("reason", reason.strip())
                    .param("month", month.atDay(1)).update();
            audit.record(AuditEntry.of(officer, AuditAction.APPROVAL, "batch:" + month, Map.of("step", "sign-off",
                    "reason", reason.strip(), "trips", batch.trips().stream().map(SuspensionBreaker.Trip::rule).toList()
                            .toString())));
            return existing(month);
        });
    }

    @Override
    public SuspensionBatch approve(YearMonth month, String district, String officer) {
        requireText(officer, "the officer / 审批人");
        String code = InstructionQuery.all(month).inDistrict(district).district().orElseThrow(
                () -> new IllegalArgumentException("the district is required / 须指定区县"));
        return transactions.execute(status -> {
            lock();
            SuspensionBatch batch = existing(month);
            if (batch.held()) {
                throw new IllegalStateException("the batch of " + month + " is held by the circuit breaker: "
                        + batch.trips().stream().map(SuspensionBreaker.Trip::english).toList()
                        + "; an officer signs it off first (vigil suspensions sign-off) / 批次已熔断，须先签批");
            }
            VerificationRun run = run(month);
            if (run.revision() != batch.runRevision()) {
                throw new IllegalStateException("the verification of " + month + " was revised after the batch was built "
                        + "(revision " + batch.runRevision() + " → " + run.revision() + "): build it again first / "
                        + "核验结果已更新，请重新生成批次");
            }
            SuspensionBatch.District d = batch.districts().stream().filter(x -> x.district().equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("district " + code + " has no instructions in the batch of "
                            + month + " / 该区县在本批次中无指令"));
            if (d.approvedBy() != null) {
                return batch;
            }
            jdbc.sql("""
                    update certification.batch_district set approved_by = :by, approved_at = :at
                     where month = :month and district = :district""")
                    .param("by", officer.strip()).param("at", Timestamp.from(clock.instant()))
                    .param("month", month.atDay(1)).param("district", code).update();
            jdbc.sql("""
                    update certification.payment_instruction set status = 'APPROVED'
                     where month = :month and district = :district and origin = 'BATCH' and status = 'PENDING'""")
                    .param("month", month.atDay(1)).param("district", code).update();
            audit.record(AuditEntry.of(officer, AuditAction.APPROVAL, "batch:" + month + "/" + code, Map.of("step",
                    "approve", "instructions", Integer.toString(d.instructions()))));
            return existing(month);
        });
    }

    // ------------------------------------------------------------------------------------ release

    @Override
    public Released release(YearMonth month, Optional<String> lateReason) {
        Objects.requireNonNull(lateReason, "lateReason");
        Released released = transactions.execute(status -> {
            lock();
            SuspensionBatch batch = existing(month);
            if (batch.held()) {
                throw new IllegalStateException("the batch of " + month + " is held by the circuit breaker and not signed off"
                        + " / 批次已熔断，未签批");
            }
            List<String> districts = batch.districts().stream()
                    .filter(d -> d.approvedBy() != null && d.releasedAt() == null)
                    .map(SuspensionBatch.District::district).toList();
            if (districts.isEmpty()) {
                throw new IllegalStateException("no district of the batch of " + month + " is approved and unreleased "
                        + "(vigil suspensions approve --month " + month + " --district CODE --by NAME) / 无已审批待下发的区县");
            }
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, clock.getZone());
            boolean late = today.isAfter(batch.releaseBy());
            String reason = lateReason.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
            if (late && reason == null) {
                throw new IllegalStateException("the batch of " + month + " was due for release by " + batch.releaseBy()
                        + " (第二十五条); releasing it on " + today + " needs the reason it is late (--late-reason) / "
                        + "已超过下发期限，须说明逾期原因");
            }
            List<PaymentInstruction> approved = new ArrayList<>();
            for (String d : districts) {
                approved.addAll(table.list(InstructionQuery.all(month).inDistrict(d).withStatus(InstructionStatus.APPROVED))
                        .stream().filter(i -> i.origin() == InstructionOrigin.BATCH).toList());
            }
            long suspended = 0;
            long restored = 0;
            for (int i = 0; i < approved.size(); i++) {
                if (i == approved.size() / 2) {
                    halfway("release", month);
                }
                PaymentInstruction p = approved.get(i);
                if (p.kind() == InstructionKind.SUSPEND) {
                    suspend(p, now);
                    suspended++;
                }
                else {
                    resume(p, now);
                    restored++;
                }
                markReleased(p, now);
            }
            for (String d : districts) {
                jdbc.sql("""
                        update certification.batch_district set released_at = :at, late_reason = :reason
                         where month = :month and district = :district""")
                        .param("at", Timestamp.from(now)).param("reason", late ? reason : null)
                        .param("month", month.atDay(1)).param("district", d).update();
            }
            Map<String, String> detail = new TreeMap<>(Map.of("step", "release", "districts", districts.toString(),
                    "suspended", Long.toString(suspended), "restored", Long.toString(restored), "late",
                    Boolean.toString(late)));
            if (late) {
                detail.put("lateReason", reason);
            }
            audit.record(AuditEntry.of(RELEASE_ACTOR, AuditAction.APPROVAL, "batch:" + month, detail));
            return new Released(existing(month), districts, suspended, restored, late);
        });
        log.info("Suspension batch of {} released for {}: {} suspended, {} restored{}", month, released.districts(),
                released.suspended(), released.restored(), released.late() ? " (late)" : "");
        return released;
    }

    private void suspend(PaymentInstruction p, Instant now) {
        jdbc.sql("""
                insert into certification.payment_state (recipient_id, status, paid_through, suspended_from,
                    suspension_month, changed_at)
                values (:id, 'SUSPENDED', :paidThrough, :from, :batch, :now)
                on conflict (recipient_id) do update set status = excluded.status,
                    paid_through = greatest(payment_state.paid_through, excluded.paid_through),
                    suspended_from = excluded.suspended_from, suspension_month = excluded.suspension_month,
                    changed_at = excluded.changed_at""")
                .param("id", p.recipientId()).param("paidThrough", InstructionTable.first(p.lastPaid()))
                .param("from", p.effectiveMonth().atDay(1)).param("batch", p.month().atDay(1))
                .param("now", Timestamp.from(now)).update();
        long person = persons.find(p.idNumber()).orElseThrow(() -> new IllegalStateException(
                "the vault does not know recipient " + p.recipientId() + "'s person"));
        events.publishEvent(new SuspensionReleased(p.month(), p.recipientId(), person, p.idNumber(), p.name(), p.benefit(),
                p.district(), p.reasonCode(), p.lossFrom(), p.effectiveMonth(), p.lastPaid(), p.overpaid(), p.evidence()));
    }

    /** Payment resumes; the back pay settles the suspended months, so they count as paid. */
    private void resume(PaymentInstruction p, Instant now) {
        int updated = jdbc.sql("""
                update certification.payment_state
                   set status = 'PAYING', suspended_from = null, suspension_month = null, paid_through = :paidThrough,
                       changed_at = :now
                 where recipient_id = :id and status = 'SUSPENDED'""")
                .param("paidThrough", p.effectiveMonth().minusMonths(1).atDay(1)).param("now", Timestamp.from(now))
                .param("id", p.recipientId()).update();
        if (updated != 1) {
            throw new IllegalStateException("recipient " + p.recipientId() + " is no longer suspended: the restoration of "
                    + p.month() + " cannot apply / 该人员已非暂停状态");
        }
        events.publishEvent(new SuspensionLifted(p.suspensionMonth(), p.recipientId(), p.effectiveMonth(),
                p.notOwedFrom() != null, p.reasonText(), p.officer()));
    }

    private void markReleased(PaymentInstruction p, Instant now) {
        jdbc.sql("""
                update certification.payment_instruction set status = 'RELEASED', released_at = :at
                 where month = :month and kind = :kind and recipient_id = :id""")
                .param("at", Timestamp.from(now)).param("month", p.month().atDay(1))
                .param("kind", p.kind().name()).param("id", p.recipientId()).update();
    }

    // ---------------------------------------------------------------------------- officer restoration

    @Override
    public List<PaymentInstruction> restore(String idNumber, String reason, String officer, Optional<YearMonth> lostFrom,
            Optional<YearMonth> lostTo) {
        requireText(reason, "the reason / 恢复原因");
        requireText(officer, "the officer / 经办人");
        if (lostFrom.isPresent() != lostTo.isPresent()) {
            throw new IllegalArgumentException("the months the right was lost have a first and a last month, or neither / "
                    + "丧失资格期间须同时给出起止月份");
        }
        if (lostFrom.isPresent() && lostTo.get().isBefore(lostFrom.get())) {
            throw new IllegalArgumentException("the months the right was lost end (" + lostTo.get() + ") before they begin ("
                    + lostFrom.get() + ")");
        }
        return transactions.execute(status -> {
            lock();
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, clock.getZone());
            YearMonth thisMonth = YearMonth.from(today);
            // like a batch, a restoration decided by the policy's day still reaches this month's payment
            YearMonth resumed = today.getDayOfMonth() <= policies.inForceOn(today).suspensionByDay() ? thisMonth
                    : thisMonth.plusMonths(1);
            // an ID number the vault never saw names nobody, and nothing is recorded for it
            List<Long> suspended = persons.find(idNumber).map(person -> jdbc.sql("""
                    select r.id from certification.recipient r
                      join certification.payment_state p on p.recipient_id = r.id and p.status = 'SUSPENDED'
                     where r.person = :person order by r.id""")
                    .param("person", person).query(Long.class).list()).orElse(List.of());
            if (suspended.isEmpty()) {
                throw new IllegalStateException("no benefit of this person is suspended / 该人员无暂停发放的待遇");
            }
            List<PaymentInstruction> out = new ArrayList<>();
            for (long recipient : suspended) {
                Long pending = jdbc.sql("""
                        select count(*) from certification.payment_instruction
                         where recipient_id = :id and kind = 'RESTORE' and status <> 'RELEASED'""")
                        .param("id", recipient).query(Long.class).single();
                if (pending > 0) {
                    throw new IllegalStateException("a batch restoration of this person waits for release: approve and "
                            + "release it instead / 该人员已有待下发的恢复指令");
                }
                PaymentState state = payments.state(recipient);
                PaymentInstruction suspension = table.find(state.suspensionMonth(), InstructionKind.SUSPEND, recipient)
                        .orElseThrow(() -> new IllegalStateException("recipient " + recipient
                                + " is suspended without its suspension instruction"));
                AmountHistory amounts = payments.amounts(recipient);
                List<MonthlyAmount> backPay = byMonth(PaymentRules.backPay(state.suspendedFrom(), resumed,
                        lostFrom.orElse(null), lostTo.orElse(null), amounts), amounts);
                PaymentInstruction p = new PaymentInstruction(thisMonth, InstructionKind.RESTORE, InstructionOrigin.OFFICER,
                        recipient, suspension.idNumber(), suspension.name(), suspension.benefit(), suspension.district(),
                        suspension.street(), suspension.community(), null, reason.strip(), null, null, List.of(),
                        "officer", resumed, amounts.amountFor(resumed), null, List.of(), state.suspendedFrom(),
                        state.suspensionMonth(), suspension.reasonCode(), lostFrom.orElse(null), lostTo.orElse(null),
                        backPay, InstructionStatus.RELEASED, officer.strip(), now);
                table.insert(p);
                resume(p, now);
                out.add(p);
                audit.record(AuditEntry.of(officer, AuditAction.CHANGE, "recipient:" + recipient, Map.of("step",
                        "restore", "reason", reason.strip(), "suspendedFrom", String.valueOf(state.suspendedFrom()),
                        "resumed", resumed.toString(), "backPayMonths", Integer.toString(backPay.size()))));
            }
            return out;
        });
    }

    // ------------------------------------------------------------------------------------ reading

    @Override
    public Optional<SuspensionBatch> batch(YearMonth month) {
        return table.batch(month);
    }

    @Override
    public List<SuspensionBatch> batches() {
        return table.months().stream().map(m -> table.batch(m).orElseThrow()).toList();
    }

    @Override
    public List<PaymentInstruction> instructions(InstructionQuery query) {
        return table.list(query);
    }

    // ------------------------------------------------------------------------------------ helpers

    private void lock() {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(:key)) locked").param("key", BATCH_LOCK).query(Integer.class)
                .single();
    }

    private void halfway(String step, YearMonth month) {
        BatchStepProbe probe = probes.getIfAvailable();
        if (probe != null) {
            probe.halfway(step, month);
        }
    }

    private VerificationRun run(YearMonth month) {
        return jdbc.sql("select * from certification.verification_run where month = :month").param("month", month.atDay(1))
                .query((rs, n) -> JdbcCertificationLists.run(rs)).optional()
                .orElseThrow(() -> new IllegalStateException("month " + month + " has not been verified; run: vigil verify "
                        + "--month " + month + " / 该月尚未核验"));
    }

    private SuspensionBatch existing(YearMonth month) {
        return table.batch(month).orElseThrow(() -> new IllegalStateException("no suspension batch for " + month
                + "; build it: vigil suspensions build --month " + month + " / 该月尚无暂停批次"));
    }

    private CertificationPolicy policyOf(VerificationRun run) {
        return policies.versions().stream().filter(p -> p.version().equals(run.policyVersion())).findFirst()
                .orElseGet(() -> policies.inForceOn(run.asOf()));
    }

    /** provider/feed of the evidence the reason rests on; {@code none/<reason>} when nothing delivered it. */
    private static String source(Decision.Reason reason, List<EvidenceRef> refs) {
        if (refs.isEmpty()) {
            return "none/" + reason.code().name();
        }
        EvidenceRef decisive = refs.stream().filter(r -> r.feed().equals(reason.evidenceKind())).findFirst()
                .orElse(refs.get(0));
        return decisive.source() + "/" + decisive.feed();
    }

    private static List<MonthlyAmount> byMonth(PaymentRules.MonthlySum sum, AmountHistory amounts) {
        return sum.months().stream().map(m -> new MonthlyAmount(m, amounts.amountFor(m))).toList();
    }

    private static Map<String, PaymentInstruction> keyed(List<PaymentInstruction> instructions) {
        Map<String, PaymentInstruction> out = new HashMap<>();
        for (PaymentInstruction i : instructions) {
            out.put(i.kind() + ":" + i.recipientId(), withStatus(i, InstructionStatus.PENDING));
        }
        return out;
    }

    private static List<PaymentInstruction> inDistrict(List<PaymentInstruction> all, String district) {
        return all.stream().filter(i -> i.district().equals(district)).toList();
    }

    private static PaymentInstruction withStatus(PaymentInstruction i, InstructionStatus status) {
        return new PaymentInstruction(i.month(), i.kind(), i.origin(), i.recipientId(), i.idNumber(), i.name(), i.benefit(),
                i.district(), i.street(), i.community(), i.reasonCode(), i.reasonText(), i.lossFrom(), i.periodEnd(),
                i.evidence(), i.source(), i.effectiveMonth(), i.monthlyAmount(), i.lastPaid(), i.overpaid(),
                i.suspendedFrom(), i.suspensionMonth(), i.suspendedFor(), i.notOwedFrom(), i.notOwedTo(), i.backPay(),
                status, i.officer(), i.releasedAt());
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required / 必填");
        }
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static YearMonth month(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : YearMonth.from(d.toLocalDate());
    }
}
