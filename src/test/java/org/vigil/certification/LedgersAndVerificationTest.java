package org.vigil.certification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.vigil.registry.RegistryBaseline;
import org.vigil.sharing.DeliveryFixture;
import org.vigil.sharing.DeliveryIngestion;
import org.vigil.sharing.agreement.AgreementIntegrationTest;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.AgreementTestConfiguration;
import org.vigil.sharing.agreement.ProviderRegistry;
import org.vigil.vault.VaultNumbers;
import org.vigil.vault.PersonVault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ledgers, verification tasks and failed certifications of seed 003 第二十至二十四条 on real
 * PostgreSQL: recipients loaded as the agency loads them, the month run, its ledgers read by
 * division, tasks created from the to-be-verified list, assigned and recorded, and the month run
 * again with the recorded verifications as evidence. The application clock stands at 15 June 2026
 * ({@link AgreementTestConfiguration#TODAY}), so every verification is dated that day and June's
 * run (as of the 24th) is the next run that sees them. The steps build on each other, so they run
 * in order.
 */
@AgreementIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgersAndVerificationTest {

    static final YearMonth JUNE = YearMonth.of(2026, 6);
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 24);
    static final LocalDate TODAY = AgreementTestConfiguration.TODAY;
    static final String DISTRICT = "220203";
    static final String STREET = "220203001";
    static final String COMMUNITY_A = "220203001001";
    static final String COMMUNITY_B = "220203001002";
    static final String OTHER_STREET = "220203002001";
    static final String EMPLOYER = "91350100M000100Y43";

    static final String ONE = DeliveryFixture.id(DISTRICT, LocalDate.of(1950, 3, 1), 611);
    static final String TWO = DeliveryFixture.id(DISTRICT, LocalDate.of(1952, 4, 2), 612);
    static final String THREE = DeliveryFixture.id(DISTRICT, LocalDate.of(1953, 5, 3), 613);
    static final String OLD = DeliveryFixture.id(DISTRICT, LocalDate.of(1940, 1, 5), 614);
    static final String SILENT = DeliveryFixture.id(DISTRICT, LocalDate.of(1951, 6, 6), 615);
    static final String UNREACHED = DeliveryFixture.id(DISTRICT, LocalDate.of(1949, 7, 7), 616);
    static final String CONFIRMED = DeliveryFixture.id(DISTRICT, LocalDate.of(1948, 8, 8), 617);
    static final String SICK = DeliveryFixture.id(DISTRICT, LocalDate.of(1960, 9, 9), 618);
    static final String DISABLED = DeliveryFixture.id(DISTRICT, LocalDate.of(1962, 10, 10), 619);
    static final String BANKING = DeliveryFixture.id(DISTRICT, LocalDate.of(1938, 11, 11), 620);
    static final String REPORTED = DeliveryFixture.id(DISTRICT, LocalDate.of(1946, 8, 1), 621);
    static final String CADRE = DeliveryFixture.id(DISTRICT, LocalDate.of(1955, 12, 12), 622);
    /** 80 on the as-of date itself, and one day short of it. */
    static final String EIGHTY = DeliveryFixture.id(DISTRICT, LocalDate.of(1946, 6, 24), 623);
    static final String SEVENTY_NINE = DeliveryFixture.id(DISTRICT, LocalDate.of(1946, 6, 25), 624);

    @TempDir
    static Path workspace;

    private final MonthlyVerification verification;
    private final CertificationLists lists;
    private final Ledgers ledgers;
    private final LedgerExport export;
    private final VerificationTasks tasks;
    private final CertificationFailures failures;
    private final PersonVault vault;

    private final JdbcClient jdbc;
    private final MockMvc mvc;

    @Autowired
    LedgersAndVerificationTest(MonthlyVerification verification, CertificationLists lists, Ledgers ledgers,
            LedgerExport export, VerificationTasks tasks, CertificationFailures failures, JdbcClient jdbc, MockMvc mvc, PersonVault vault) {
        this.vault = vault;
        this.verification = verification;
        this.lists = lists;
        this.ledgers = ledgers;
        this.export = export;
        this.tasks = tasks;
        this.failures = failures;
        this.jdbc = jdbc;
        this.mvc = mvc;
    }

    @BeforeAll
    void recipientsAndEvidence(@Autowired RecipientBaseline baseline, @Autowired RegistryBaseline registry,
            @Autowired DeliveryIngestion ingestion, @Autowired ProviderRegistry providers,
            @Autowired AgreementRegister agreements) throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add(recipient(ONE, "陈玉兰", BenefitKind.ENTERPRISE_PENSION, COMMUNITY_A, null, "2025-07-10", ""));
        rows.add(recipient(TWO, "杨国庆", BenefitKind.ENTERPRISE_PENSION, COMMUNITY_A, null, "2025-08-10", ""));
        rows.add(recipient(THREE, "黄丽华", BenefitKind.RESIDENT_PENSION, COMMUNITY_B, null, "2025-09-10", ""));
        rows.add(recipient(OLD, "徐福来", BenefitKind.ENTERPRISE_PENSION, COMMUNITY_A, null, "2025-12-01", ""));
        rows.add(recipient(SILENT, "朱秀英", BenefitKind.ENTERPRISE_PENSION, COMMUNITY_A, null, "2025-06-01", ""));
        rows.add(recipient(UNREACHED, "胡建国", BenefitKind.ENTERPRISE_PENSION, COMMUNITY_A, null, "2025-05-15", ""));
        rows.add(recipient(CONFIRMED, "郭淑珍", BenefitKind.ENTERPRISE_PENSION, COMMUNITY_A, null, "2025-06-10", ""));
        rows.add(recipient(SICK, "何志强", BenefitKind.WORK_INJURY, OTHER_STREET, null, "2025-11-01", "sick"));
        rows.add(recipient(DISABLED, "高美玲", BenefitKind.ENTERPRISE_PENSION, OTHER_STREET, null, "2025-09-20", "disabled"));
        rows.add(recipient(BANKING, "林宝山", BenefitKind.ENTERPRISE_PENSION, COMMUNITY_A, null, "2025-10-01", ""));
        rows.add(recipient(REPORTED, "罗桂兰", BenefitKind.ENTERPRISE_PENSION, COMMUNITY_B, null, "2025-10-15", ""));
        rows.add(recipient(CADRE, "梁振东", BenefitKind.INSTITUTION_PENSION, COMMUNITY_A, EMPLOYER, "2025-08-01", ""));
        rows.add(recipient(EIGHTY, "宋金花", BenefitKind.ENTERPRISE_PENSION, COMMUNITY_B, null, "2025-12-20", ""));
        rows.add(recipient(SEVENTY_NINE, "唐永年", BenefitKind.ENTERPRISE_PENSION, COMMUNITY_B, null, "2025-12-21", ""));
        Path file = workspace.resolve("recipients.csv");
        Files.writeString(file, RecipientFixture.HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        assertThat(baseline.loadRecipients(file).added()).isEqualTo(rows.size());

        Path persons = workspace.resolve("persons.csv");
        Files.writeString(persons, "id_number,name,gender,birth_date,region_code,address,phone\n"
                + ONE + ",陈玉兰,F,1950-03-01," + COMMUNITY_A + ",龙潭区某街1号,13912345678\n"
                + TWO + ",杨国庆,M,1952-04-02," + COMMUNITY_A + ",龙潭区某街2号,\n", StandardCharsets.UTF_8);
        registry.loadPersons(persons);

        DeliveryFixture deliveries = new DeliveryFixture(ingestion, providers, agreements, workspace);
        deliveries.provider("lv_bank", "life.bank_counter");
        deliveries.deliver("lv_bank", "life.bank_counter", JUNE, "客户姓名,证件号码,交易日期", "林宝山," + BANKING + ",2026-06-05");
    }

    @Test
    @Order(1)
    void cert11_ledgersListThoseDueInOneTwoThreeMonthsByCommunity() {
        verification.verify(JUNE, AS_OF);

        List<LedgerLine> due = lines(LedgerQuery.of(JUNE, LedgerKind.DUE).inDistrict(DISTRICT));
        assertThat(due).extracting(LedgerLine::idNumber).containsExactlyInAnyOrder(ONE, TWO, THREE, DISABLED, CADRE);
        assertThat(line(due, ONE).bucket()).isEqualTo(DueBucket.ONE_MONTH);
        assertThat(line(due, ONE).periodEnd()).isEqualTo(LocalDate.of(2026, 7, 10));
        assertThat(line(due, TWO).bucket()).isEqualTo(DueBucket.TWO_MONTHS);
        assertThat(line(due, THREE).bucket()).isEqualTo(DueBucket.THREE_MONTHS);
        assertThat(line(due, ONE).phone()).as("from the registry").isEqualTo("13912345678");
        assertThat(line(due, TWO).phone()).as("the registry has none").isNull();
        assertThat(line(due, ONE).age()).isEqualTo(76);
        assertThat(line(due, CADRE).jurisdiction().organisedBy()).isEqualTo(Jurisdiction.Organiser.EMPLOYER);

        LedgerQuery inA = new LedgerQuery(JUNE, LedgerKind.DUE, Optional.of(DISTRICT), Optional.of(STREET),
                Optional.of(COMMUNITY_A));
        assertThat(lines(inA)).as("community A in ledger order: soonest first, then ID")
                .extracting(LedgerLine::idNumber).containsExactly(ONE, TWO, CADRE);
        assertThat(ledgers.page(inA, 0, 2).total()).isEqualTo(3);
        assertThat(ledgers.page(inA, 0, 2).lines()).hasSize(2);
        assertThat(ledgers.counts(LedgerQuery.of(JUNE, LedgerKind.DUE).inDistrict(DISTRICT),
                CertificationLists.Level.COMMUNITY)).anySatisfy(c -> {
                    assertThat(c.region()).isEqualTo(COMMUNITY_A);
                    assertThat(c.count(DueBucket.ONE_MONTH)).isEqualTo(1);
                    assertThat(c.count(DueBucket.TWO_MONTHS)).isEqualTo(2);
                    assertThat(c.total()).isEqualTo(3);
                });

        List<LedgerLine> verify = lines(LedgerQuery.of(JUNE, LedgerKind.VERIFY).inDistrict(DISTRICT));
        assertThat(verify).extracting(LedgerLine::idNumber).contains(ONE, OLD, SILENT, UNREACHED, CONFIRMED, REPORTED)
                .doesNotContain(BANKING);
        assertThat(line(verify, SILENT).bucket()).isEqualTo(DueBucket.OVERDUE);
        assertThat(line(verify, OLD).bucket()).isEqualTo(DueBucket.LATER);
        assertThat(decision(BANKING).status()).isEqualTo(EligibilityStatus.QUALIFIED);
    }

    @Test
    @Order(2)
    void cert14_homeVisitLedgerListsThe80PlusSickAndDisabled() {
        List<LedgerLine> home = lines(LedgerQuery.of(JUNE, LedgerKind.HOME_VISIT).inDistrict(DISTRICT));

        assertThat(home).extracting(LedgerLine::idNumber).containsExactlyInAnyOrder(OLD, SICK, DISABLED, EIGHTY);
        assertThat(line(home, OLD).age()).isEqualTo(86);
        assertThat(line(home, EIGHTY).age()).as("80 on the as-of date").isEqualTo(80);
        assertThat(line(home, SICK).sick()).isTrue();
        assertThat(line(home, DISABLED).disabled()).isTrue();
        assertThat(home).allSatisfy(l -> assertThat(l.homeVisit()).isTrue());
        assertThat(lines(LedgerQuery.of(JUNE, LedgerKind.VERIFY).inDistrict(DISTRICT))).extracting(LedgerLine::idNumber)
                .as("one day short of 80, and 88 but qualified by a bank visit: no home visit").contains(SEVENTY_NINE)
                .doesNotContain(BANKING);
        assertThat(line(lines(LedgerQuery.of(JUNE, LedgerKind.VERIFY).inDistrict(DISTRICT)), SEVENTY_NINE).homeVisit())
                .isFalse();
    }

    @Test
    @Order(3)
    void cert15_aPeriodEndedWithoutAnyVerificationNotesThatAsTheReason() {
        Map<String, FailedCertification> failed = failedByPerson();

        assertThat(failed).containsKeys(SILENT, UNREACHED, CONFIRMED).doesNotContainKeys(ONE, OLD, BANKING);
        FailedCertification silent = failed.get(SILENT);
        assertThat(silent.ground()).isEqualTo(FailureGround.NO_VERIFICATION);
        assertThat(silent.taskId()).isNull();
        assertThat(silent.district()).isEqualTo(DISTRICT);
        assertThat(silent.periodEnd()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(silent.reason()).contains("届满前一个月内未更新认证信息", "2026-06-01");
        assertThat(silent.reasonEnglish()).contains("no certification and no successful verification in the last month");
        assertThat(decision(SILENT).certificationFailed()).isTrue();
        assertThat(line(lines(LedgerQuery.of(JUNE, LedgerKind.VERIFY).inDistrict(DISTRICT)), SILENT).failureReason())
                .isEqualTo(silent.reason());
    }

    @Test
    @Order(4)
    void cert12_aTaskIsCreatedOncePerRecipientToVerify_andCreatingAgainCreatesNone() {
        long listed = lists.counts(ListQuery.all(JUNE).inDistrict(DISTRICT), CertificationLists.Level.DISTRICT).get(0)
                .toBeVerified();

        TaskCreation first = tasks.create(JUNE, Optional.of(DISTRICT));
        TaskCreation again = tasks.create(JUNE, Optional.of(DISTRICT));

        assertThat(first.toBeVerified()).isEqualTo(listed);
        assertThat(first.created()).isEqualTo(listed);
        assertThat(again.created()).isZero();
        assertThat(again.existing()).isEqualTo(listed);
        assertThat(jdbc.sql("select count(*) from certification.verification_task where month = :m and district = :d")
                .param("m", JUNE.atDay(1)).param("d", DISTRICT).query(Long.class).single()).isEqualTo(listed);

        VerificationTask cadre = task(CADRE);
        assertThat(cadre.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(cadre.jurisdiction().organisedBy()).isEqualTo(Jurisdiction.Organiser.EMPLOYER);
        assertThat(cadre.periodEnd()).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(task(OLD).homeVisit()).isTrue();
        assertThat(task(ONE).homeVisit()).isFalse();
        assertThat(tasks.page(new TaskQuery(Optional.of(JUNE), Optional.of(TaskStatus.OPEN), Optional.empty(),
                Optional.empty(), Optional.of(COMMUNITY_B)), 0, 100).tasks()).extracting(VerificationTask::idNumber)
                .contains(THREE, REPORTED, EIGHTY).doesNotContain(ONE);
        assertThatThrownBy(() -> tasks.create(YearMonth.of(2031, 1), Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has not been verified");
    }

    @Test
    @Order(5)
    void cert12_recordingATaskTwiceIsRefused_andADoneTaskIsImmutable() {
        long unreached = task(UNREACHED).id();
        VerificationOutcome notReached = new VerificationOutcome(VerificationMethod.PHONE, VerificationResult.NOT_REACHED,
                "网格员王芳", "电话停机，邻居称其已随子女去外地");
        assertThatThrownBy(() -> tasks.record(unreached, notReached)).isInstanceOf(TaskException.class)
                .hasMessageContaining("not assigned").extracting(e -> ((TaskException) e).kind())
                .isEqualTo(TaskException.Kind.CONFLICT);

        long assigned = tasks.assignCommunity(JUNE, COMMUNITY_A, "网格员王芳");
        assertThat(assigned).as("community A's tasks but the employing unit's").isGreaterThanOrEqualTo(6);
        assertThat(task(CADRE).status()).isEqualTo(TaskStatus.OPEN);
        assertThat(tasks.assign(task(CADRE).id(), "人事处李明").assignedTo()).isEqualTo("人事处李明");
        assertThat(tasks.assignCommunity(JUNE, COMMUNITY_B, "网格员赵强")).isGreaterThanOrEqualTo(3);

        VerificationTask done = tasks.record(unreached, notReached);
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.verifiedOn()).isEqualTo(TODAY);
        assertThat(done.recordedBy()).isEqualTo("网格员王芳");
        assertThat(done.note()).isEqualTo("电话停机，邻居称其已随子女去外地");

        VerificationOutcome alive = new VerificationOutcome(VerificationMethod.HOME_VISIT,
                VerificationResult.CONFIRMED_ALIVE, "网格员王芳", null);
        assertThatThrownBy(() -> tasks.record(unreached, alive)).isInstanceOf(TaskException.class)
                .hasMessageContaining("already recorded on " + TODAY).hasMessageContaining("不可重复记录");
        assertThatThrownBy(() -> tasks.assign(unreached, "网格员赵强")).isInstanceOf(TaskException.class)
                .hasMessageContaining("done task is not changed");
        assertThatThrownBy(() -> tasks.attach(unreached, "photo.jpg", "image/jpeg",
                new ByteArrayInputStream(new byte[] {1, 2, 3}), "网格员王芳")).isInstanceOf(TaskException.class)
                .hasMessageContaining("done");
        assertThat(tasks.find(unreached).orElseThrow().result()).isEqualTo(VerificationResult.NOT_REACHED);
        assertThatThrownBy(() -> tasks.record(Long.MAX_VALUE, alive)).isInstanceOf(TaskException.class)
                .extracting(e -> ((TaskException) e).kind()).isEqualTo(TaskException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> new VerificationOutcome(VerificationMethod.PHONE, VerificationResult.REFUSED, " ", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Order(6)
    void cert19_attachmentsAreKeptUnderTheirSha256_once() throws Exception {
        long confirmed = task(CONFIRMED).id();
        byte[] photo = "a photo of the home visit".getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));

        TaskAttachment first = tasks.attach(confirmed, "C:\\Users\\worker\\上门照片.jpg", "image/jpeg",
                new ByteArrayInputStream(photo), "网格员王芳");
        TaskAttachment again = tasks.attach(confirmed, "copy.jpg", "image/jpeg", new ByteArrayInputStream(photo),
                "网格员王芳");

        assertThat(first.sha256()).isEqualTo(sha);
        assertThat(first.name()).as("the name without the uploader's folders").isEqualTo("上门照片.jpg");
        assertThat(first.size()).isEqualTo(photo.length);
        assertThat(again).isEqualTo(first);
        assertThat(tasks.find(confirmed).orElseThrow().attachments()).singleElement().isEqualTo(first);
        Path stored = tasks.attachmentFile(confirmed, sha).orElseThrow();
        assertThat(stored.getFileName().toString()).isEqualTo(sha);
        assertThat(Files.readAllBytes(stored)).isEqualTo(photo);
        assertThat(tasks.attachmentFile(task(ONE).id(), sha)).as("kept with another task only").isEmpty();
        assertThatThrownBy(() -> tasks.attach(confirmed, "empty.jpg", null, new ByteArrayInputStream(new byte[0]), "网格员王芳"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Order(7)
    void cert13_aConfirmedVerificationCertifiesInTheNextRun() {
        long confirmed = task(CONFIRMED).id();
        tasks.record(confirmed, new VerificationOutcome(VerificationMethod.HOME_VISIT, VerificationResult.CONFIRMED_ALIVE,
                "网格员王芳", "本人在家，精神尚好"));
        assertThat(decision(CONFIRMED).status()).as("nothing changes before the run").isEqualTo(
                EligibilityStatus.TO_BE_VERIFIED);

        MonthlyRunResult next = verification.verify(JUNE, AS_OF);

        assertThat(next.run().revision()).isGreaterThan(1);
        Decision d = decision(CONFIRMED);
        assertThat(d.status()).isEqualTo(EligibilityStatus.QUALIFIED);
        assertThat(d.certifiedOn()).isEqualTo(TODAY);
        assertThat(d.periodEnd()).isEqualTo(TODAY.plusMonths(12));
        assertThat(d.reason()).isEqualTo(new Decision.Reason(ReasonCode.PROOF_OF_LIFE, "verification.home_visit", TODAY));
        assertThat(d.evidence()).containsExactly(new EvidenceRef("verification", "home_visit", confirmed, 0));
        assertThat(jdbc.sql("""
                        select h.evidence_kind from certification.certification_history h
                          join certification.recipient r on r.id = h.recipient_id
                         where r.person = :person and h.month = :month""")
                .param("person", VaultNumbers.of(vault, CONFIRMED)).param("month", JUNE.atDay(1)).query(String.class).list())
                .containsExactly("verification.home_visit");
        assertThat(failedByPerson()).as("certified: no longer failed").doesNotContainKey(CONFIRMED);

        Explanation e = lists.explain(CONFIRMED, JUNE).orElseThrow();
        assertThat(e.evidenceKnown()).extracting(Evidence::kind).contains("verification.home_visit");
        assertThat(e.title("verification.home_visit")).isEqualTo("上门认证");
        assertThat(e.verifications()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(confirmed);
            assertThat(t.attachments()).hasSize(1);
        });
        assertThat(verification.verify(JUNE, AS_OF).changed()).as("the same run again").isZero();
    }

    @Test
    @Order(8)
    void cert13_aReportedDeathIsALeadForAConclusiveSource_notADisqualification() {
        long reported = task(REPORTED).id();
        tasks.record(reported, new VerificationOutcome(VerificationMethod.PHONE, VerificationResult.DECEASED_REPORTED,
                "网格员赵强", "家属电话称本人已于上月去世，未提供死亡证明"));

        verification.verify(JUNE, AS_OF);

        Decision d = decision(REPORTED);
        assertThat(d.status()).isEqualTo(EligibilityStatus.TO_BE_VERIFIED);
        assertThat(d.investigate()).isTrue();
        assertThat(d.reason()).isEqualTo(new Decision.Reason(ReasonCode.LOSS_UNCONFIRMED, "death.community_report", TODAY));
        assertThat(d.evidence()).containsExactly(new EvidenceRef("verification", "phone", reported, 0));
    }

    @Test
    @Order(9)
    void cert15_aFailedCertificationCarriesItsReason() {
        Map<String, FailedCertification> failed = failedByPerson();

        FailedCertification unreached = failed.get(UNREACHED);
        assertThat(unreached.ground()).isEqualTo(FailureGround.VERIFICATION_FAILED);
        assertThat(unreached.taskId()).isEqualTo(task(UNREACHED).id());
        assertThat(unreached.reason()).contains("未能联系到本人", "电话核实", "2026-06-15", "电话停机，邻居称其已随子女去外地");
        assertThat(unreached.reasonEnglish()).contains("not reached", "phone");
        FailedCertification silent = failed.get(SILENT);
        assertThat(silent.ground()).as("its task was assigned, never recorded").isEqualTo(
                FailureGround.VERIFICATION_UNFINISHED);
        assertThat(silent.reason()).contains("核实任务" + task(SILENT).id(), "未完成");

        Explanation e = lists.explain(UNREACHED, JUNE).orElseThrow();
        long recipient = e.decisions().get(0).recipientId();
        assertThat(e.failure(recipient)).hasValueSatisfying(f -> assertThat(f.reason()).isEqualTo(unreached.reason()));
        assertThat(line(lines(LedgerQuery.of(JUNE, LedgerKind.VERIFY).inDistrict(DISTRICT)), UNREACHED)).satisfies(l -> {
            assertThat(l.failureReason()).isEqualTo(unreached.reason());
            assertThat(l.task().status()).isEqualTo(TaskStatus.DONE);
            assertThat(l.task().result()).isEqualTo(VerificationResult.NOT_REACHED);
        });
        assertThat(failures.failedIn(YearMonth.of(2031, 1))).isEmpty();
    }

    @Test
    @Order(10)
    void cert11_theLedgersExportAsCsvAndXlsxWithChineseHeaders() throws IOException {
        List<Path> csv = export.export(JUNE, LedgerKind.DUE, ListExport.Format.CSV, workspace.resolve("ledgers"),
                Optional.of(DISTRICT));
        assertThat(csv).extracting(p -> p.getFileName().toString())
                .containsExactly("ledger-due-2026-06-220203.csv", "ledger-due-2026-06-220203-summary.csv");
        List<CsvRecord> rows = csv(csv.get(0));
        assertThat(rows.get(0).getFields()).startsWith("区县代码", "区县", "街道代码").contains("联系电话", "认证期满日",
                "到期提醒", "认证不通过原因", "核实任务号");
        assertThat(rows).hasSize(1 + 5);
        CsvRecord one = rows.stream().filter(r -> r.getField(6).equals(ONE)).findFirst().orElseThrow();
        assertThat(one.getField(1)).isEqualTo("龙潭区");
        assertThat(one.getField(7)).isEqualTo("陈玉兰");
        assertThat(one.getField(10)).isEqualTo("13912345678");
        assertThat(one.getField(12)).isEqualTo("1个月内到期");
        assertThat(csv(csv.get(1))).anySatisfy(r -> {
            assertThat(r.getField(0)).isEqualTo("合计");
            assertThat(r.getField(3)).isEqualTo("5");
        });

        List<Path> xlsx = export.export(JUNE, LedgerKind.HOME_VISIT, ListExport.Format.XLSX, workspace.resolve("ledgers"),
                Optional.of(DISTRICT));
        assertThat(xlsx).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                .isEqualTo("ledger-home-visit-2026-06-220203.xlsx"));
        try (InputStream in = Files.newInputStream(xlsx.get(0)); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            assertThat(wb.getSheets().map(Sheet::getName).toList()).containsExactly("汇总", "高龄病残人员上门服务台账");
            Sheet ledger = wb.findSheet("高龄病残人员上门服务台账").orElseThrow();
            try (Stream<org.dhatim.fastexcel.reader.Row> r = ledger.openStream()) {
                assertThat(r.count()).isEqualTo(1 + 4);
            }
        }
        assertThatThrownBy(() -> export.export(YearMonth.of(2031, 1), LedgerKind.DUE, ListExport.Format.CSV, workspace,
                Optional.empty())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Order(11)
    void cert12_theRestApiListsLedgersAndTasks_recordsOutcomes_andAnswersWithProblemDetails() throws Exception {
        mvc.perform(get("/api/certification/ledgers").param("month", "2026-06").param("kind", "due")
                        .param("district", DISTRICT).param("community", COMMUNITY_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kindChinese").value("到期未认证人员台账"))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[0].idNumber").value(ONE.substring(0, 6) + "********" + ONE.substring(14)))
                .andExpect(jsonPath("$.items[0].name").value("陈*兰"))
                .andExpect(jsonPath("$.items[0].phone").value(not(containsString("12345678"))))
                .andExpect(jsonPath("$.items[0].bucketChinese").value("1个月内到期"))
                .andExpect(jsonPath("$.items[0].task.status").value("ASSIGNED"));
        mvc.perform(get("/api/certification/ledgers").param("month", "2026-06").param("kind", "home-visit")
                        .param("district", DISTRICT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4));
        for (String[] bad : List.of(new String[] {"kind", "weekly"}, new String[] {"district", "2202"},
                new String[] {"month", "2026-13"}, new String[] {"size", "0"})) {
            mvc.perform(get("/api/certification/ledgers").param("kind", bad[0].equals("kind") ? bad[1] : "due")
                            .param(bad[0].equals("kind") ? "page" : bad[0], bad[0].equals("kind") ? "0" : bad[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Bad request / 请求有误"));
        }
        mvc.perform(get("/api/certification/ledgers").param("month", "2026-06"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("kind"));
        mvc.perform(get("/api/certification/ledgers").param("month", "2031-01").param("kind", "due"))
                .andExpect(status().isNotFound());

        mvc.perform(get("/api/certification/tasks").param("month", "2026-06").param("status", "DONE")
                        .param("community", COMMUNITY_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].resultChinese", hasItem("确认生存，认证通过")));
        mvc.perform(get("/api/certification/tasks").param("status", "FINISHED"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("OPEN, ASSIGNED or DONE")));

        long two = task(TWO).id();
        mvc.perform(post("/api/certification/tasks/{id}/outcome", two).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"method\": \"FACE\", \"operator\": \"网格员王芳\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[0].field").value("result"));
        mvc.perform(post("/api/certification/tasks/{id}/outcome", two).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"method\": \"FAX\", \"result\": \"CONFIRMED_ALIVE\", \"operator\": \"网格员王芳\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Bad request / 请求有误"));
        mvc.perform(multipart("/api/certification/tasks/{id}/attachments", two)
                        .file(new MockMultipartFile("file", "刷脸截图.png", "image/png", new byte[] {9, 8, 7}))
                        .param("operator", "网格员王芳"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("刷脸截图.png"))
                .andExpect(jsonPath("$.size").value(3));
        mvc.perform(post("/api/certification/tasks/{id}/outcome", two).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"method\": \"FACE\", \"result\": \"CONFIRMED_ALIVE\", \"operator\": \"网格员王芳\","
                                + " \"note\": \"智慧人社APP刷脸\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.verifiedOn").value("2026-06-15"))
                .andExpect(jsonPath("$.methodChinese").value("人脸识别认证"))
                .andExpect(jsonPath("$.attachments[0].name").value("刷脸截图.png"))
                .andExpect(jsonPath("$.name").value("杨*庆"));
        mvc.perform(post("/api/certification/tasks/{id}/outcome", two).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"method\": \"PHONE\", \"result\": \"REFUSED\", \"operator\": \"网格员王芳\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("already recorded")));
        mvc.perform(post("/api/certification/tasks/{id}/assignment", two).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"operator\": \"网格员赵强\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/certification/tasks/{id}/assignment", 999_999_999L).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"operator\": \"网格员赵强\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/certification/tasks/{id}/assignment", two).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"operator\": \"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/certification/tasks/assignments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"month\": \"2026-06\", \"community\": \"" + COMMUNITY_B + "\", \"operator\": \"网格员赵强\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assigned").value(0));

        String sha = tasks.find(two).orElseThrow().attachments().get(0).sha256();
        mvc.perform(get("/api/certification/tasks/{id}/attachments/{sha}", two, sha))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(content().bytes(new byte[] {9, 8, 7}));
        mvc.perform(post("/api/certification/explanations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"idNumber\":\"" + UNREACHED + "\"}").param("month", "2026-06"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions[0].failureReason").value(containsString("未能联系到本人")))
                .andExpect(jsonPath("$.verifications[0].result").value("NOT_REACHED"));
    }

    private Map<String, FailedCertification> failedByPerson() {
        Map<String, FailedCertification> byPerson = new HashMap<>();
        failures.failedIn(JUNE).forEach(f -> byPerson.put(f.idNumber(), f));
        return byPerson;
    }

    private List<LedgerLine> lines(LedgerQuery query) {
        List<LedgerLine> out = new ArrayList<>();
        ledgers.forEach(query, out::add);
        return out;
    }

    private static LedgerLine line(List<LedgerLine> lines, String id) {
        return lines.stream().filter(l -> l.idNumber().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not on the ledger"));
    }

    private VerificationTask task(String id) {
        return tasks.page(new TaskQuery(Optional.of(JUNE), Optional.empty(), Optional.of(DISTRICT), Optional.empty(),
                Optional.empty()), 0, 1000).tasks().stream().filter(t -> t.idNumber().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no June task for " + id));
    }

    private Decision decision(String id) {
        return lists.explain(id, JUNE).orElseThrow().decisions().get(0).decision();
    }

    private static String recipient(String id, String name, BenefitKind kind, String region, String employer,
            String lastCertified, String flag) {
        return String.join(",", id, name, kind.name(), "", "", "2010-01-01", "2500.00", "", region, DISTRICT,
                employer == null ? "" : employer, lastCertified, "false", Boolean.toString(flag.equals("sick")),
                Boolean.toString(flag.equals("disabled")));
    }

    private static List<CsvRecord> csv(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFF");
            try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text.substring(1))) {
                return reader.stream().toList();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
