package org.vigil.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.CertificationFailures;
import org.vigil.certification.CertificationLists;
import org.vigil.certification.Decision;
import org.vigil.certification.EligibilityStatus;
import org.vigil.certification.EvidenceRef;
import org.vigil.certification.FailedCertification;
import org.vigil.certification.FailureGround;
import org.vigil.certification.InstructionExport;
import org.vigil.certification.InstructionKind;
import org.vigil.certification.InstructionOrigin;
import org.vigil.certification.InstructionQuery;
import org.vigil.certification.InstructionStatus;
import org.vigil.certification.ListExport;
import org.vigil.certification.ListQuery;
import org.vigil.certification.MonthlyAmount;
import org.vigil.certification.MonthlyVerification;
import org.vigil.certification.PaymentInstruction;
import org.vigil.certification.PaymentState;
import org.vigil.certification.PaymentStates;
import org.vigil.certification.PaymentStatus;
import org.vigil.certification.ReasonCode;
import org.vigil.certification.RecipientBaseline;
import org.vigil.certification.RecipientFixture;
import org.vigil.certification.Restorations;
import org.vigil.certification.SuspensionBatch;
import org.vigil.certification.SuspensionBatches;
import org.vigil.certification.SuspensionBreaker;
import org.vigil.certification.TaskQuery;
import org.vigil.certification.VerificationMethod;
import org.vigil.certification.VerificationOutcome;
import org.vigil.certification.VerificationResult;
import org.vigil.certification.VerificationTasks;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditLog;
import org.vigil.governance.AuditVerification;
import org.vigil.governance.AuditedEvent;
import org.vigil.identity.Money;
import org.vigil.recovery.CaseStatus;
import org.vigil.recovery.OverpaymentCase;
import org.vigil.recovery.RecoveryCases;
import org.vigil.runtime.SettableClock;
import org.vigil.sharing.DeliveryFixture;
import org.vigil.sharing.DeliveryIngestion;
import org.vigil.sharing.DeliveryReport;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.ProviderRegistry;
import org.vigil.vault.VaultNumbers;
import org.springframework.test.util.ReflectionTestUtils;
import org.vigil.governance.KeyService;
import org.vigil.vault.PersonVault;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Suspension, restoration and recovery over four months on real PostgreSQL, with evidence taken in
 * through the sharing pipeline (CERT-16, CERT-17, SHARE-7). Today is 5 August 2026.
 *
 * <ul>
 * <li>April: a failed certification (C, district 220202) and a death (D, 220203) are suspended; F,
 * only to be verified, and G, whose death is contradicted by a train trip, are not. Only 220202
 * approves, so only C is released (late, with the reason).</li>
 * <li>May: a broken feed reports twelve deaths in 220211 at once: the breaker holds the batch; after
 * sign-off and approval it is released. Both steps are also killed half-way in a child process.</li>
 * <li>June: A, dead since March but reported only now, and B, dead in June, are suspended; C
 * (suspended), D (waiting in April's batch) and the twelve are not instructed again. A's three
 * months paid after the death become a recovery case with the police row as evidence; B's July,
 * which the payment system reports paid, too.</li>
 * <li>July: C's bank visit certifies; the batch restores C with back pay for May to July, through
 * the command line. An officer then restores A, wrongly recorded dead: A's recovery case is cancelled.</li>
 * </ul>
 * The steps build on each other, so they run in order. The test spans certification, recovery and
 * the command line, so it lives with the command line, the module that depends on both.
 */
@SuspensionIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuspensionBatchTest {

    static final YearMonth APRIL = YearMonth.of(2026, 4);
    static final YearMonth MAY = YearMonth.of(2026, 5);
    static final YearMonth JUNE = YearMonth.of(2026, 6);
    static final YearMonth JULY = YearMonth.of(2026, 7);

    static final String A = DeliveryFixture.id("220202", LocalDate.of(1940, 3, 1), 611);
    static final String B = DeliveryFixture.id("220202", LocalDate.of(1941, 4, 2), 613);
    static final String C = DeliveryFixture.id("220202", LocalDate.of(1950, 5, 3), 615);
    static final String D = DeliveryFixture.id("220203", LocalDate.of(1942, 6, 4), 617);
    static final String F = DeliveryFixture.id("220202", LocalDate.of(1952, 7, 5), 619);
    static final String G = DeliveryFixture.id("220204", LocalDate.of(1946, 8, 6), 621);
    static final List<String> MASS = massIds();

    static final String POLICE = "death.police_deregistration";
    /** The child process's main class, named rather than referenced: it is internal to the certification module. */
    static final String CRASHING_STEP = "org.vigil.certification.internal.CrashingBatchStep";
    static final String DEATH_HEADER = "姓名,公民身份号码,死亡日期";

    @TempDir
    static Path workspace;

    private final ApplicationContext context;
    private final SuspensionBatches batches;
    private final Restorations restorations;
    private final PaymentStates payments;
    private final MonthlyVerification verification;
    private final RecoveryCases recovery;
    private final InstructionExport export;
    private final PersonVault vault;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DataSource dataSource;
    private final MockMvc mvc;
    private final VerificationTasks tasks;
    private final CertificationFailures failures;
    private final SettableClock clock;
    private DeliveryReport aprilPolice;
    private DeliveryReport junePolice;
    private DeliveryReport julyBank;

    @Autowired
    SuspensionBatchTest(ApplicationContext context, SuspensionBatches batches, Restorations restorations,
            PaymentStates payments, MonthlyVerification verification, RecoveryCases recovery, InstructionExport export,
            JdbcClient jdbc, TransactionTemplate transactions, DataSource dataSource, MockMvc mvc, VerificationTasks tasks,
            CertificationFailures failures, SettableClock clock, PersonVault vault) {
        this.vault = vault;
        this.context = context;
        this.batches = batches;
        this.restorations = restorations;
        this.payments = payments;
        this.verification = verification;
        this.recovery = recovery;
        this.export = export;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.mvc = mvc;
        this.tasks = tasks;
        this.failures = failures;
        this.clock = clock;
    }

    private static List<String> massIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(DeliveryFixture.id("220211", LocalDate.of(1945, 5, 1 + i), 701 + 2 * i));
        }
        return List.copyOf(ids);
    }

    @BeforeAll
    void recipientsAndEvidence() {
        RecipientFixture recipients = new RecipientFixture()
                .add(A, "陈国栋", BenefitKind.ENTERPRISE_PENSION, "2000-01-01", "3000.00", "220202001001", "220202", null,
                        "2026-01-10")
                .add(B, "林秀英", BenefitKind.ENTERPRISE_PENSION, "2001-01-01", "2800.00", "220202001001", "220202", null,
                        "2026-02-01")
                .add(C, "黄建军", BenefitKind.ENTERPRISE_PENSION, "2010-06-01", "2500.00", "220202002001", "220202", null,
                        "2025-04-01")
                .add(D, "郑玉兰", BenefitKind.ENTERPRISE_PENSION, "2002-01-01", "2700.00", "220203001001", "220203", null,
                        "2026-01-15")
                .add(F, "何志强", BenefitKind.ENTERPRISE_PENSION, "2012-08-01", "2300.00", "220202001001", "220202", null,
                        "2026-02-15")
                .add(G, "罗桂兰", BenefitKind.ENTERPRISE_PENSION, "2006-09-01", "2600.00", "220204001001", "220204", null,
                        "2025-03-01");
        List<String> massRows = new ArrayList<>();
        for (int i = 0; i < MASS.size(); i++) {
            String name = "孙" + "德明志远海涛文华春生".charAt(i % 10) + (i < 10 ? "" : "二");
            recipients.add(MASS.get(i), name, BenefitKind.ENTERPRISE_PENSION, "2005-01-01", "2000.00", "220211001001",
                    "220211", null, "2026-01-20");
            massRows.add(name + "," + MASS.get(i) + ",2026-03-20");
        }
        recipients.load(context.getBean(RecipientBaseline.class), workspace);

        DeliveryFixture deliveries = new DeliveryFixture(context.getBean(DeliveryIngestion.class),
                context.getBean(ProviderRegistry.class), context.getBean(AgreementRegister.class), workspace);
        deliveries.provider("sb_police", POLICE);
        deliveries.provider("sb_broken", POLICE);
        deliveries.provider("sb_rail", "life.rail");
        deliveries.provider("sb_bank", "life.bank_counter");
        aprilPolice = deliveries.deliver("sb_police", POLICE, APRIL, DEATH_HEADER, "郑玉兰," + D + ",2026-04-02",
                "罗桂兰," + G + ",2026-04-01");
        deliveries.deliver("sb_rail", "life.rail", APRIL, "旅客姓名,证件号码,乘车时间", "罗桂兰," + G + ",2026-04-10 08:30");
        deliveries.deliver("sb_broken", POLICE, MAY, DEATH_HEADER, massRows.toArray(String[]::new));
        junePolice = deliveries.deliver("sb_police", POLICE, JUNE, DEATH_HEADER, "陈国栋," + A + ",2026-03-14",
                "林秀英," + B + ",2026-06-10");
        julyBank = deliveries.deliver("sb_bank", "life.bank_counter", JULY, "客户姓名,证件号码,交易日期",
                "黄建军," + C + ",2026-07-20");

        // the yearly raise, from May: overpayments and back pay are counted at each month's amount
        payments.changeAmount(recipient(A), MAY, yuan("3100.50"));
    }

    @Test
    @Order(1)
    void cert15_aPeriodThatRanOutIsAFailureOnlyOnceTheAgencysOwnVerificationCouldNotCertify() {
        verification.verify(APRIL, null);
        assertThat(decision(C, APRIL).certificationFailed()).as("C's period ended on 1 April").isTrue();
        assertThat(failure(C, APRIL).ground()).isEqualTo(FailureGround.NO_VERIFICATION);

        assertThat(batches.build(APRIL).changed()).isTrue();
        assertThat(batches.instructions(InstructionQuery.all(APRIL))).extracting(PaymentInstruction::idNumber)
                .as("第二十四条: nobody has tried to verify C yet, so C is to be verified, not suspended")
                .containsExactly(D);

        // the community worker goes to C's home on 22 April and finds nobody there
        clock.set(APRIL.atDay(22).atTime(15, 0).atZone(SuspensionTestConfiguration.ZONE).toInstant());
        try {
            tasks.create(APRIL, Optional.of("220202"));
            long task = tasks.page(new TaskQuery(Optional.of(APRIL), Optional.empty(), Optional.of("220202"),
                    Optional.empty(), Optional.empty()), 0, 100).tasks().stream().filter(t -> t.idNumber().equals(C))
                    .findFirst().orElseThrow().id();
            tasks.assign(task, "社区网格员 张敏");
            tasks.record(task, new VerificationOutcome(VerificationMethod.HOME_VISIT, VerificationResult.NOT_REACHED,
                    "社区网格员 张敏", "三次上门无人应答"));
        }
        finally {
            clock.set(SuspensionTestConfiguration.clock().instant());
        }
        verification.verify(APRIL, null);

        assertThat(decision(C, APRIL).certificationFailed()).isTrue();
        assertThat(failure(C, APRIL).ground()).isEqualTo(FailureGround.VERIFICATION_FAILED);
    }

    @Test
    @Order(2)
    void cert16_theDisqualifiedAndTheFailedAreSuspended_notTheToBeVerifiedNorTheInvestigated() {
        assertThat(decision(G, APRIL).investigate()).isTrue();
        assertThat(decision(G, APRIL).certificationFailed()).as("G's period ended too").isTrue();

        SuspensionBatches.Built built = batches.build(APRIL);

        assertThat(built.changed()).isTrue();
        SuspensionBatch batch = built.batch();
        assertThat(batch.effectiveMonth()).isEqualTo(MAY);
        assertThat(batch.releaseBy()).isEqualTo(LocalDate.of(2026, 5, 8));
        assertThat(batch.held()).isFalse();
        assertThat(batch.status()).isEqualTo(SuspensionBatch.Status.OPEN);
        assertThat(batch.recipients()).isEqualTo(18);
        List<PaymentInstruction> all = batches.instructions(InstructionQuery.all(APRIL));
        assertThat(all).extracting(PaymentInstruction::idNumber).containsExactly(C, D);

        PaymentInstruction c = instruction(APRIL, InstructionKind.SUSPEND, C);
        assertThat(c.reasonCode()).isEqualTo(ReasonCode.PERIOD_ENDED);
        assertThat(c.lossFrom()).isNull();
        assertThat(c.periodEnd()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(c.source()).isEqualTo("none/PERIOD_ENDED");
        assertThat(c.reasonText()).as("the reason the run noted (第二十四条)")
                .startsWith("认证服务期至2026-04-01届满未认证；核实未通过：未能联系到本人（上门认证，2026-04-22")
                .contains("备注：三次上门无人应答 / the period ended on 2026-04-01 without certification; "
                        + "the verification did not certify: not reached (home_visit, 2026-04-22");
        assertThat(c.effectiveMonth()).isEqualTo(MAY);
        assertThat(c.overpaid()).isEmpty();

        PaymentInstruction d = instruction(APRIL, InstructionKind.SUSPEND, D);
        assertThat(d.district()).isEqualTo("220203");
        assertThat(d.reasonCode()).isEqualTo(ReasonCode.DEATH);
        assertThat(d.lossFrom()).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(d.evidence()).containsExactly(new EvidenceRef("sb_police", POLICE, aprilPolice.deliveryId(), 2));
        assertThat(d.source()).isEqualTo("sb_police/" + POLICE);
        assertThat(d.overpaid()).as("died in April, the month of death is owed, paid through April").isEmpty();
        assertThat(d.lastPaid()).isEqualTo(APRIL);

        assertThat(batches.build(APRIL).changed()).as("a repeat changes nothing").isFalse();
    }

    @Test
    @Order(3)
    void cert16_onlyApprovedDistrictsAreReleased() {
        assertThatThrownBy(() -> batches.release(APRIL, Optional.empty())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no district");
        batches.approve(APRIL, "220202", "昌邑区退管科 王丽");

        assertThatThrownBy(() -> batches.release(APRIL, Optional.empty())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("due for release by 2026-05-08").hasMessageContaining("--late-reason");
        SuspensionBatches.Released released = batches.release(APRIL, Optional.of("系统上线前的积压批次"));

        assertThat(released.districts()).containsExactly("220202");
        assertThat(released.late()).isTrue();
        assertThat(released.suspended()).isEqualTo(1);
        assertThat(released.batch().status()).isEqualTo(SuspensionBatch.Status.PARTLY_RELEASED);
        assertThat(instruction(APRIL, InstructionKind.SUSPEND, C).status()).isEqualTo(InstructionStatus.RELEASED);
        assertThat(instruction(APRIL, InstructionKind.SUSPEND, D).status()).isEqualTo(InstructionStatus.PENDING);
        assertThat(payments.state(recipient(C))).isEqualTo(new PaymentState(recipient(C), PaymentStatus.SUSPENDED, APRIL,
                MAY, APRIL));
        assertThat(payments.state(recipient(D)).status()).isEqualTo(PaymentStatus.PAYING);
        assertThat(released.batch().districts()).filteredOn(x -> x.district().equals("220202")).singleElement()
                .satisfies(x -> assertThat(x.lateReason()).isEqualTo("系统上线前的积压批次"));

        assertThatThrownBy(() -> batches.release(APRIL, Optional.of("again"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no district");
        assertThat(batches.build(APRIL).changed()).as("a batch released for a district is not rebuilt").isFalse();
        assertThat(instruction(APRIL, InstructionKind.SUSPEND, C).status()).isEqualTo(InstructionStatus.RELEASED);
    }

    @Test
    @Order(4)
    void crash_aBuildKilledHalfWayLeavesNothing_andARerunEndsAsAnUninterruptedRun() throws Exception {
        verification.verify(MAY, null);
        Snapshot before = snapshot(MAY);
        Snapshot uninterrupted = inRolledBackTransaction(() -> batches.build(MAY));
        assertThat(uninterrupted.rows("payment_instruction")).hasSize(12);
        assertThat(snapshot(MAY)).isEqualTo(before);

        String printed = killHalfWay("build", MAY, null);

        assertThat(printed).contains("HALFWAY build 2026-05");
        assertThat(batches.batch(MAY)).as("nothing of the killed build is stored").isEmpty();
        assertThat(snapshot(MAY)).isEqualTo(before);
        batches.build(MAY);
        assertThat(snapshot(MAY)).isEqualTo(uninterrupted);
    }

    @Test
    @Order(5)
    void cert16_aBatchThatWouldSuspendTooManyIsHeldWithItsReasons() {
        SuspensionBatch batch = batches.batch(MAY).orElseThrow();

        assertThat(batch.suspensions()).isEqualTo(12);
        assertThat(batches.instructions(InstructionQuery.all(MAY))).extracting(PaymentInstruction::idNumber)
                .containsExactlyInAnyOrderElementsOf(MASS).doesNotContain(C, D);
        assertThat(batch.held()).isTrue();
        assertThat(batch.status()).isEqualTo(SuspensionBatch.Status.HELD);
        assertThat(batch.trips()).extracting(SuspensionBreaker.Trip::rule).containsExactly("SHARE", "DISTRICT:220211",
                "SOURCE:sb_broken/" + POLICE);
        assertThat(batch.trips().get(0).chinese()).contains("本批暂停 12 人", "66.67%", "超过上限 1%");
        assertThat(batch.trips().get(0).english()).contains("12 suspensions are 66.67% of all recipients");
        assertThat(batch.trips().get(2).chinese()).contains("来源 sb_broken/" + POLICE, "请先核查该批数据");
        assertThat(instruction(MAY, InstructionKind.SUSPEND, MASS.get(0)).overpaid()).extracting(MonthlyAmount::month)
                .containsExactly(APRIL, MAY);

        assertThatThrownBy(() -> batches.approve(MAY, "220211", "丰满区退管科 赵强"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("held by the circuit breaker")
                .hasMessageContaining("sign-off");
        assertThatThrownBy(() -> batches.signOff(MAY, "市退管处 刘处长", " ")).isInstanceOf(IllegalArgumentException.class);

        SuspensionBatch signed = batches.signOff(MAY, "市退管处 刘处长", "已电话核实公安批量注销数据属实");
        assertThat(signed.held()).isFalse();
        assertThat(signed.trips()).hasSize(3);
        assertThat(signed.signOff().officer()).isEqualTo("市退管处 刘处长");
        assertThat(batches.build(MAY).changed()).as("a sign-off survives a repeat build").isFalse();
        assertThat(batches.batch(MAY).orElseThrow().signOff()).isNotNull();

        SuspensionBatch approved = batches.approve(MAY, "220211", "丰满区退管科 赵强");
        assertThat(approved.districts()).singleElement().satisfies(d -> assertThat(d.approvedBy()).isEqualTo("丰满区退管科 赵强"));
    }

    @Test
    @Order(6)
    void crash_aReleaseKilledHalfWayLeavesNothing_andARerunEndsAsAnUninterruptedRun() throws Exception {
        Snapshot before = snapshot(MAY);
        Snapshot uninterrupted = inRolledBackTransaction(() -> batches.release(MAY, Optional.of("熔断签批后下发")));
        assertThat(uninterrupted.rows("overpayment_case")).hasSize(12);
        assertThat(snapshot(MAY)).isEqualTo(before);

        String printed = killHalfWay("release", MAY, "熔断签批后下发");

        assertThat(printed).contains("HALFWAY release 2026-05");
        assertThat(snapshot(MAY)).as("nothing of the killed release is stored").isEqualTo(before);
        SuspensionBatches.Released released = batches.release(MAY, Optional.of("熔断签批后下发"));
        assertThat(released.suspended()).isEqualTo(12);
        assertThat(snapshot(MAY)).isEqualTo(uninterrupted);
    }

    @Test
    @Order(7)
    void cert16_nobodyIsSuspendedTwice() {
        verification.verify(JUNE, null);
        assertThat(decision(C, JUNE).certificationFailed()).isTrue();
        assertThat(decision(D, JUNE).status()).isEqualTo(EligibilityStatus.DISQUALIFIED);
        assertThat(decision(MASS.get(3), JUNE).status()).isEqualTo(EligibilityStatus.DISQUALIFIED);

        // the payment system says it has already paid B for July: that, not the assumption, is the last month paid
        payments.reportPaidThrough(recipient(B), JULY);
        assertThat(payments.state(recipient(B))).isEqualTo(new PaymentState(recipient(B), PaymentStatus.PAYING, JULY, null,
                null));

        SuspensionBatches.Built built = batches.build(JUNE);

        assertThat(instruction(JUNE, InstructionKind.SUSPEND, A).lastPaid()).as("assumed: paid through June").isEqualTo(JUNE);
        assertThat(instruction(JUNE, InstructionKind.SUSPEND, B).lastPaid()).isEqualTo(JULY);
        assertThat(instruction(JUNE, InstructionKind.SUSPEND, B).overpaid()).containsExactly(
                new MonthlyAmount(JULY, yuan("2800.00")));
        assertThat(batches.instructions(InstructionQuery.all(JUNE))).extracting(PaymentInstruction::idNumber)
                .as("C is suspended, D waits in April's batch, the twelve were released in May")
                .containsExactly(A, B);
        assertThat(built.batch().held()).isFalse();
        assertThat(built.figures().previousBatches()).containsExactly(12L, 2L);
        assertThat(batches.build(JUNE).changed()).isFalse();

        batches.approve(JUNE, "220202", "昌邑区退管科 王丽");
        batches.release(JUNE, Optional.of("六月批次补办"));
        assertThat(payments.state(recipient(A)).status()).isEqualTo(PaymentStatus.SUSPENDED);
        assertThat(payments.state(recipient(B)).suspendedFrom()).isEqualTo(JULY);
        assertThat(jdbc.sql("""
                        select count(*) from certification.payment_instruction
                         where kind = 'SUSPEND' and recipient_id = :c""")
                .param("c", recipient(C)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @Order(8)
    void share7_aDeathFoundLateBecomesARecoveryCaseWithItsEvidence() throws Exception {
        OverpaymentCase a = recovery.find(recipient(A), JUNE).orElseThrow();

        assertThat(a.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(a.reason()).isEqualTo(ReasonCode.DEATH);
        assertThat(a.lossFrom()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(a.lastPaid()).isEqualTo(JUNE);
        // March, the month of death, is owed; April at the old amount, May and June at the raised one
        assertThat(a.months()).containsExactly(new MonthlyAmount(APRIL, yuan("3000.00")),
                new MonthlyAmount(MAY, yuan("3100.50")), new MonthlyAmount(JUNE, yuan("3100.50")));
        assertThat(a.total()).isEqualTo(yuan("9201.00"));
        assertThat(a.evidence()).containsExactly(new EvidenceRef("sb_police", POLICE, junePolice.deliveryId(), 2));
        assertThat(recovery.find(recipient(B), JUNE).orElseThrow().months())
                .as("B died in June, which is owed; July was paid before the stop").containsExactly(
                        new MonthlyAmount(JULY, yuan("2800.00")));
        assertThat(recovery.list(Optional.of(CaseStatus.OPEN))).hasSize(14);

        mvc.perform(get("/api/recovery/cases").param("status", "OPEN"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.recipientId == " + recipient(A) + ")].total", hasItem(9201.00)))
                .andExpect(jsonPath("$[?(@.recipientId == " + recipient(A) + ")].idNumber",
                        hasItem(A.substring(0, 6) + "********" + A.substring(14))))
                .andExpect(jsonPath("$[?(@.recipientId == " + recipient(A) + ")].evidence[0].deliveryId",
                        hasItem((int) junePolice.deliveryId())))
                .andExpect(jsonPath("$[?(@.recipientId == " + recipient(A) + ")].months[0].month", hasItem("2026-04")));
        mvc.perform(get("/api/recovery/cases").param("status", "PAID"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        CommandsInContext.Result listed = CommandsInContext.run(context, "recovery", "list", "--status", "OPEN");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("14 overpayment case(s) OPEN", "陈*栋", "死亡 第十八条 from 2026-03-14",
                "¥9,201.00 for 2026-04 ¥3000.00, 2026-05 ¥3100.50, 2026-06 ¥3100.50",
                "sb_police/" + POLICE + "#" + junePolice.deliveryId() + ":2");
    }

    @Test
    @Order(9)
    void cert17_aRestoredRecipientIsOwedBackPayForTheSuspendedMonths() throws Exception {
        verification.verify(JULY, null);
        assertThat(decision(C, JULY).status()).isEqualTo(EligibilityStatus.QUALIFIED);

        CommandsInContext.Result built = CommandsInContext.run(context, "suspensions", "build", "--month", "2026-07");
        assertThat(built.exitCode()).as(built.err()).isZero();
        assertThat(built.out()).contains("Suspension batch of 2026-07 (effective 2026-08, release by 2026-08-08)",
                "1 restoration(s)", "stored.");

        PaymentInstruction c = instruction(JULY, InstructionKind.RESTORE, C);
        assertThat(c.suspendedFrom()).isEqualTo(MAY);
        assertThat(c.suspensionMonth()).isEqualTo(APRIL);
        assertThat(c.suspendedFor()).isEqualTo(ReasonCode.PERIOD_ENDED);
        assertThat(c.effectiveMonth()).isEqualTo(YearMonth.of(2026, 8));
        assertThat(c.reasonCode()).isEqualTo(ReasonCode.PROOF_OF_LIFE);
        assertThat(c.reasonText()).isEqualTo("life.bank_counter 2026-07-20");
        assertThat(c.evidence()).containsExactly(new EvidenceRef("sb_bank", "life.bank_counter", julyBank.deliveryId(), 2));
        assertThat(c.notOwedFrom()).as("alive all along: every suspended month is owed").isNull();
        assertThat(c.backPay()).containsExactly(new MonthlyAmount(MAY, yuan("2500.00")),
                new MonthlyAmount(JUNE, yuan("2500.00")), new MonthlyAmount(JULY, yuan("2500.00")));
        assertThat(c.backPayTotal()).isEqualTo(yuan("7500.00"));
        assertThat(batches.instructions(InstructionQuery.all(JULY))).extracting(PaymentInstruction::idNumber)
                .containsExactly(C);

        CommandsInContext.Result approved = CommandsInContext.run(context, "suspensions", "approve", "--month", "2026-07",
                "--district", "220202", "--by", "昌邑区退管科 王丽");
        assertThat(approved.out()).contains("District 220202 approved 1 instruction(s) of the batch of 2026-07");
        CommandsInContext.Result released = CommandsInContext.run(context, "suspensions", "release", "--month", "2026-07");
        assertThat(released.exitCode()).as(released.err()).isZero();
        assertThat(released.out()).contains("Released the batch of 2026-07 for district(s) 220202: 0 suspended from "
                + "2026-08, 1 restored.");
        assertThat(payments.state(recipient(C))).isEqualTo(new PaymentState(recipient(C), PaymentStatus.PAYING, JULY, null,
                null));

        CommandsInContext.Result list = CommandsInContext.run(context, "suspensions", "list", "--month", "2026-07");
        assertThat(list.out()).contains("恢复发放 restore", "back pay ¥7500.00 for 3 month(s)", "已下发 released");

        Path csv = export.export(InstructionQuery.all(JULY), ListExport.Format.CSV, workspace.resolve("out"));
        List<CsvRecord> rows = csv(csv);
        assertThat(rows.get(0).getFields()).isEqualTo(export.headers());
        CsvRecord row = rows.get(1);
        assertThat(row.getField(1)).isEqualTo("恢复发放");
        assertThat(row.getField(7)).isEqualTo(C);
        assertThat(row.getField(12)).isEqualTo("第二十六条");
        assertThat(row.getField(16)).isEqualTo("2026-08");
        assertThat(row.getField(19)).isEqualTo("2026-05:2500.00; 2026-06:2500.00; 2026-07:2500.00");
        assertThat(row.getField(20)).isEqualTo("7500.00");
        assertThat(row.getField(24)).isEqualTo("已下发");
    }

    @Test
    @Order(10)
    void cert17_anOfficerRestoresAWronglySuspendedRecipient_andTheRecoveryCaseIsCancelled() {
        CommandsInContext.Result restored = CommandsInContext.run(context, "restore", "--person", A, "--reason",
                "公安户籍信息有误，本人8月到窗口认证", "--by", "昌邑区退管科 王丽");

        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("payment resumes from 2026-08 (suspended from 2026-07); back pay ¥3,100.50 for 1 "
                + "month(s)");
        PaymentInstruction a = instruction(YearMonth.of(2026, 8), InstructionKind.RESTORE, A);
        assertThat(a.origin()).isEqualTo(InstructionOrigin.OFFICER);
        assertThat(a.status()).isEqualTo(InstructionStatus.RELEASED);
        assertThat(a.backPay()).containsExactly(new MonthlyAmount(JULY, yuan("3100.50")));
        assertThat(payments.state(recipient(A)).status()).isEqualTo(PaymentStatus.PAYING);
        OverpaymentCase cancelled = recovery.find(recipient(A), JUNE).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(CaseStatus.CANCELLED);
        assertThat(cancelled.closeReason()).contains("公安户籍信息有误");

        assertThatThrownBy(() -> restorations.restore(A, "again", "x", Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no benefit of this person is suspended");

        // B died in June: the right ended, so the officer leaves June and July out of the back pay
        List<PaymentInstruction> b = restorations.restore(B, "死亡登记撤销待查，先恢复", "市退管处 刘处长",
                Optional.of(JULY), Optional.of(JULY));
        assertThat(b).singleElement().satisfies(i -> {
            assertThat(i.notOwedFrom()).isEqualTo(JULY);
            assertThat(i.backPay()).isEmpty();
        });
        assertThat(recovery.find(recipient(B), JUNE).orElseThrow().status())
                .as("the right really was lost in July: its payment is still to recover").isEqualTo(CaseStatus.OPEN);
    }

    @Test
    @Order(11)
    void cert16_theRestApiListsTheBatchAndItsInstructions_andAnswersBadInputWithProblemDetails() throws Exception {
        mvc.perform(get("/api/certification/suspensions").param("month", "2026-04").param("district", "220202")
                        .param("status", "RELEASED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.batch.status").value("PARTLY_RELEASED"))
                .andExpect(jsonPath("$.batch.releaseBy").value("2026-05-08"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].idNumber").value(C.substring(0, 6) + "********" + C.substring(14)))
                .andExpect(jsonPath("$.items[0].name").value("黄*军"))
                .andExpect(jsonPath("$.items[0].reason.article").value("第二十四条"))
                .andExpect(jsonPath("$.items[0].effectiveMonth").value("2026-05"));
        mvc.perform(get("/api/certification/suspensions").param("month", "2026-05").param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.batch.trips[0].rule").value("SHARE"))
                .andExpect(jsonPath("$.batch.trips[1].chinese").value(org.hamcrest.Matchers.containsString("区县 220211")))
                .andExpect(jsonPath("$.batch.signedOffBy").value("市退管处 刘处长"))
                .andExpect(jsonPath("$.total").value(12))
                .andExpect(jsonPath("$.items.length()").value(5))
                .andExpect(jsonPath("$.items[0].overpaidTotal").value(4000.00));
        mvc.perform(get("/api/certification/suspensions/batches"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].month").value("2026-07"));
        for (String[] bad : List.of(new String[] {"month", "2026-13"}, new String[] {"status", "DONE"},
                new String[] {"district", "2202"}, new String[] {"size", "500"}, new String[] {"kind", "STOP"})) {
            mvc.perform(get("/api/certification/suspensions").param(bad[0], bad[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Bad request / 请求有误"));
        }
        mvc.perform(get("/api/certification/suspensions").param("month", "2030-01"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    @Order(12)
    void cert16_theCommandsExportForThePaymentSystem_andRefuseWhatCannotBeDone() throws IOException {
        Path out = workspace.resolve("cli");
        CommandsInContext.Result xlsx = CommandsInContext.run(context, "suspensions", "export", "--month", "2026-05",
                "--format", "XLSX", "--out", out.toString(), "--status", "RELEASED");
        assertThat(xlsx.exitCode()).as(xlsx.err()).isZero();
        Path file = out.resolve("suspensions-2026-05-released.xlsx");
        assertThat(xlsx.out()).contains("Instructions of 2026-05: 12", file.toString());
        try (InputStream in = Files.newInputStream(file); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            Sheet sheet = wb.getFirstSheet();
            try (Stream<Row> rows = sheet.openStream()) {
                List<Row> all = rows.toList();
                assertThat(all).hasSize(2 + 12);
                assertThat(all.get(1).getCellText(0)).isEqualTo("批次月份");
                assertThat(all.get(2).getCellText(1)).isEqualTo("暂停发放");
                assertThat(all.get(2).getCellAsNumber(23).orElseThrow()).isEqualByComparingTo("4000");
            }
        }

        CommandsInContext.Result notApproved = CommandsInContext.run(context, "suspensions", "release", "--month",
                "2026-04");
        assertThat(notApproved.exitCode()).isEqualTo(1);
        assertThat(notApproved.err()).startsWith("vigil suspensions release: no district of the batch of 2026-04");
        CommandsInContext.Result notVerified = CommandsInContext.run(context, "suspensions", "build", "--month", "2026-01");
        assertThat(notVerified.exitCode()).isEqualTo(1);
        assertThat(notVerified.err()).contains("month 2026-01 has not been verified");
        assertThat(CommandsInContext.run(context, "suspensions", "approve", "--month", "2026-04", "--district", "22",
                "--by", "x").exitCode()).isEqualTo(2);
        assertThat(CommandsInContext.run(context, "suspensions", "export", "--month", "2026-04", "--format", "pdf",
                "--out", out.toString()).exitCode()).isEqualTo(2);
        CommandsInContext.Result half = CommandsInContext.run(context, "restore", "--person", C, "--reason", "r", "--by",
                "x", "--lost-from", "2026-05");
        assertThat(half.exitCode()).isEqualTo(2);
        assertThat(half.err()).contains("--lost-from and --lost-to go together");
        CommandsInContext.Result signOff = CommandsInContext.run(context, "suspensions", "sign-off", "--month", "2026-04",
                "--by", "x", "--reason", "y");
        assertThat(signOff.exitCode()).isEqualTo(1);
        assertThat(signOff.err()).contains("was not held by the circuit breaker");
    }

    @Test
    @Order(13)
    void data18_theMonthsActsAreInTheAuditChain_withWhoDidThem_andTheChainVerifies() throws Exception {
        AuditLog audit = context.getBean(AuditLog.class);

        assertThat(audit.recent(Optional.empty(), Optional.of("month:2026-04"), 10)).extracting(AuditedEvent::action)
                .as("April was run, then run again after C's home visit changed it").containsExactly(AuditAction.DECISION,
                        AuditAction.DECISION);
        assertThat(audit.recent(Optional.empty(), Optional.of("batch:2026-04/220202"), 10)).singleElement()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.APPROVAL);
                    assertThat(e.actor()).isEqualTo("昌邑区退管科 王丽");
                });
        assertThat(audit.recent(Optional.of("市退管处 刘处长"), Optional.empty(), 10)).extracting(AuditedEvent::action)
                .as("the city officer signed May's held batch off, then restored A").containsExactly(AuditAction.CHANGE,
                        AuditAction.APPROVAL);
        assertThat(audit.recent(Optional.of("市退管处 刘处长"), Optional.of("batch:2026-05"), 10)).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("step", "sign-off")
                        .containsEntry("reason", "已电话核实公安批量注销数据属实"));
        assertThat(audit.recent(Optional.empty(), Optional.of("recipient:" + recipient(A)), 10)).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("step", "restore"));
        Path exported = workspace.resolve("cli").resolve("suspensions-2026-05-released.xlsx");
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(exported)));
        assertThat(audit.recent(Optional.empty(), Optional.of("instructions:2026-05"), 10)).singleElement()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.EXPORT);
                    assertThat(e.detail()).containsEntry("files", "suspensions-2026-05-released.xlsx@" + sha256);
                });
        assertThat(audit.recent(Optional.empty(), Optional.empty(), 10_000)).extracting(AuditedEvent::subject)
                .as("no ID number is written into the audit log").noneMatch(subject -> subject.contains(C))
                .noneMatch(subject -> subject.contains(A));

        assertThat(audit.recent(Optional.empty(), Optional.of("delivery:" + aprilPolice.deliveryId()), 10)).singleElement()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.INGESTION);
                    assertThat(e.actor()).isEqualTo("provider:sb_police");
                    assertThat(e.detail()).containsEntry("status", "APPLIED").containsEntry("feed", POLICE)
                            .containsEntry("month", "2026-04").containsEntry("lifeSigns", "0");
                });
        assertThat(audit.recent(Optional.of("provider:sb_broken"), Optional.empty(), 10)).as("May's broken feed")
                .extracting(AuditedEvent::action).containsOnly(AuditAction.INGESTION).isNotEmpty();

        AuditVerification verified = audit.verify();
        assertThat(verified.intact()).as(verified.problems().toString()).isTrue();
        CommandsInContext.Result printed = CommandsInContext.run(context, "audit", "verify");
        assertThat(printed.exitCode()).as(printed.err()).isZero();
        assertThat(printed.out()).contains("The audit chain is intact", "are as their runs sealed them");
    }

    @Test
    @Order(14)
    void data15_afterBatchesReleasesAndRecoveryCasesNoIdNumberOrNameIsStoredInClear() throws Exception {
        assertThat(recovery.list(Optional.empty())).as("the scan covers cases that were opened").isNotEmpty()
                .allSatisfy(c -> assertThat(c.name()).isNotBlank());
        Map<String, String> stored = org.vigil.certification.StoredText.of(dataSource);
        assertThat(stored.get("certification.payment_instruction")).contains("<row>");
        assertThat(stored.get("recovery.overpayment_case")).contains("<row>");
        List<String> ids = new ArrayList<>(List.of(A, B, C, D, F, G));
        ids.addAll(MASS);
        List<String> names = List.of("陈国栋", "林秀英", "黄建军", "郑玉兰", "何志强", "罗桂兰", "孙德");
        stored.forEach((table, text) -> {
            ids.forEach(id -> assertThat(text).as(table).doesNotContain(id));
            names.forEach(name -> assertThat(text).as(table).doesNotContain(name));
        });
    }

    // ---------------------------------------------------------------------------------- helpers

    private long recipient(String id) {
        return jdbc.sql("select id from certification.recipient where person = :person")
                .param("person", VaultNumbers.of(vault, id)).query(Long.class).single();
    }

    private Decision decision(String id, YearMonth month) {
        List<Decision> found = new ArrayList<>();
        context.getBean(CertificationLists.class).forEach(ListQuery.all(month), e -> {
            if (e.idNumber().equals(id)) {
                found.add(e.decision());
            }
        });
        assertThat(found).as(id + " in " + month).hasSize(1);
        return found.get(0);
    }

    private FailedCertification failure(String id, YearMonth month) {
        return failures.failedIn(month).stream().filter(f -> f.idNumber().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no failed certification of " + id + " in " + month));
    }

    private PaymentInstruction instruction(YearMonth month, InstructionKind kind, String id) {
        return batches.instructions(InstructionQuery.all(month)).stream()
                .filter(i -> i.kind() == kind && i.idNumber().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " of " + id + " in " + month));
    }

    private static Money yuan(String s) {
        return Money.parse(s).orElseThrow();
    }

    /** Every row a batch step writes: the month's batch, districts and instructions, all payment states and recovery cases. */
    record Snapshot(Map<String, List<Map<String, Object>>> tables) {

        List<Map<String, Object>> rows(String table) {
            return tables.get(table);
        }
    }

    private Snapshot snapshot(YearMonth month) {
        Map<String, List<Map<String, Object>>> t = new LinkedHashMap<>();
        Map<String, Object> m = Map.of("m", month.atDay(1));
        t.put("suspension_batch", jdbc.sql("select * from certification.suspension_batch where month = :m").params(m)
                .query().listOfRows());
        t.put("batch_district", jdbc.sql("select * from certification.batch_district where month = :m order by district")
                .params(m).query().listOfRows());
        t.put("payment_instruction", jdbc.sql("""
                select * from certification.payment_instruction where month = :m order by kind, recipient_id""")
                .params(m).query().listOfRows());
        t.put("payment_state", jdbc.sql("select * from certification.payment_state order by recipient_id").query()
                .listOfRows());
        // a sealed name has a fresh nonce each time it is sealed (DATA-15): compared by its length only
        t.put("overpayment_case", jdbc.sql("""
                select recipient_id, suspension_month, person, octet_length(name_sealed) as name_sealed, benefit_kind,
                       district, reason_code, loss_from, effective_month, last_paid, total, evidence, status, opened_at,
                       closed_at, close_reason
                  from recovery.overpayment_case order by recipient_id, suspension_month""")
                .query().listOfRows());
        t.put("overpayment_month", jdbc.sql("""
                select * from recovery.overpayment_month order by recipient_id, suspension_month, month""")
                .query().listOfRows());
        return new Snapshot(t);
    }

    /** What an uninterrupted step stores, seen inside its transaction, which is then rolled back. */
    private Snapshot inRolledBackTransaction(Runnable step) {
        YearMonth month = MAY;
        return transactions.execute(status -> {
            step.run();
            Snapshot s = snapshot(month);
            status.setRollbackOnly();
            return s;
        });
    }

    /**
     * Runs the step in a child JVM against this database and kills it with SIGKILL once it reports
     * being half-way through its writes, inside its transaction.
     */
    private String killHalfWay(String step, YearMonth month, String lateReason) throws Exception {
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-Dvigil.db.url=" + url,
                "-Dvigil.db.user=postgres", "-Dvigil.db.password=",
                // the child opens the vault's sealed ID numbers and the sealed names (DATA-15): this context's keys
                "-Dvigil.keys.dir=" + ReflectionTestUtils.getField(context.getBean(KeyService.class), "dir"),
                "-Dvigil.sharing.raw-dir=" + workspace.resolve("child-deliveries"),
                "-cp", classPath, CRASHING_STEP, step,
                month.toString(), SuspensionTestConfiguration.clock().instant().toString(),
                SuspensionTestConfiguration.ZONE.getId()));
        if (lateReason != null) {
            command.add(lateReason);
        }
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder printed = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while ((line = lines.readLine()) != null) {
                printed.append(line).append('\n');
                if (line.startsWith("HALFWAY")) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
            // SIGKILL: no shutdown hook, no rollback from the child, the connection simply drops
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as(printed.toString()).isEqualTo(137);
        awaitBackendsGone(url);
        return printed.toString();
    }

    /** The killed child's server process ends when it notices the dropped connection; wait for that. */
    private void awaitBackendsGone(String url) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Long others = jdbc.sql("""
                    select count(*) from pg_stat_activity
                     where datname = current_database() and pid <> pg_backend_pid() and state like 'idle in transaction%'""")
                    .query(Long.class).single();
            if (others == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the killed step's transaction is still open on " + url);
    }

    private static List<CsvRecord> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text.substring(1))) {
            return reader.stream().toList();
        }
    }
}
