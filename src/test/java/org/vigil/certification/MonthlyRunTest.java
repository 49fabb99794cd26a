package org.vigil.certification;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.vigil.identity.Money;
import org.vigil.sharing.DeliveryFixture;
import org.vigil.sharing.DeliveryIngestion;
import org.vigil.sharing.DeliveryReport;
import org.vigil.sharing.agreement.AgreementIntegrationTest;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.ProviderRegistry;
import org.vigil.vault.VaultNumbers;
import org.vigil.vault.PersonVault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The monthly run on real PostgreSQL, with recipients loaded as the agency loads them and evidence
 * taken in through the sharing pipeline: a death from the police disqualifies with that delivery and
 * row as evidence, a sign of life qualifies and records a certification, nothing leaves a recipient
 * to be verified in their ledger bucket; a repeat changes nothing, and an earlier month decided again
 * after a later one gives the same answer. The steps build on each other, so they run in order.
 */
@AgreementIntegrationTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonthlyRunTest {

    static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final YearMonth APRIL = YearMonth.of(2026, 4);

    static final String DEAD = DeliveryFixture.id("220202", LocalDate.of(1944, 2, 1), 801);
    static final String ALIVE = DeliveryFixture.id("220202", LocalDate.of(1948, 2, 2), 802);
    static final String SILENT = DeliveryFixture.id("220202", LocalDate.of(1950, 2, 3), 803);
    static final String RETURNING = DeliveryFixture.id("220202", LocalDate.of(1948, 2, 4), 805);
    static final String CADRE = DeliveryFixture.id("220202", LocalDate.of(1955, 2, 5), 807);
    static final String AWAY = DeliveryFixture.id("220202", LocalDate.of(1952, 2, 6), 804);
    static final String EMPLOYER = "91350100M000100Y43";

    @TempDir
    static Path workspace;

    private final MonthlyVerification verification;
    private final CertificationLists lists;
    private final ListExport export;
    private final PersonVault vault;

    private final JdbcClient jdbc;
    private final MockMvc mvc;
    private final RecipientBaseline baseline;
    private final DeliveryIngestion ingestion;
    private final ProviderRegistry providers;
    private final AgreementRegister agreements;
    private DeliveryReport police;
    private DeliveryReport railMarch;
    private Snapshot marchFirst;

    @Autowired
    MonthlyRunTest(MonthlyVerification verification, CertificationLists lists, ListExport export, JdbcClient jdbc,
            MockMvc mvc, RecipientBaseline baseline, DeliveryIngestion ingestion, ProviderRegistry providers,
            AgreementRegister agreements, PersonVault vault) {
        this.vault = vault;
        this.verification = verification;
        this.lists = lists;
        this.export = export;
        this.jdbc = jdbc;
        this.mvc = mvc;
        this.baseline = baseline;
        this.ingestion = ingestion;
        this.providers = providers;
        this.agreements = agreements;
    }

    @BeforeAll
    void recipientsAndEvidence() {
        DeliveryFixture deliveries = new DeliveryFixture(ingestion, providers, agreements, workspace);
        new RecipientFixture()
                .add(DEAD, "王淑芬", BenefitKind.ENTERPRISE_PENSION, "2005-01-01", "3150.00", "220202001001", "220202", null,
                        "2025-08-01")
                .add(ALIVE, "李德胜", BenefitKind.ENTERPRISE_PENSION, "2008-01-01", "2860.50", "220202001001", "220202",
                        null, "2025-06-01")
                .add(SILENT, "张玉珍", BenefitKind.ENTERPRISE_PENSION, "2010-01-01", "2400.00", "220202002001", "220202",
                        null, "2025-05-20")
                .add(RETURNING, "刘长海", BenefitKind.ENTERPRISE_PENSION, "2008-03-01", "2700.00", "220202001001",
                        "220202", null, "2025-01-10")
                .add(CADRE, "赵文华", BenefitKind.INSTITUTION_PENSION, "2015-06-01", "6100.00", "220202002001", "220202",
                        EMPLOYER, "2025-12-01")
                .add(AWAY, "孙桂香", BenefitKind.ENTERPRISE_PENSION, "2007-01-01", "2550.00", "110101001001", "220202", null,
                        "2025-12-15")
                .load(baseline, workspace);
        deliveries.provider("mr_police", "death.police_deregistration");
        deliveries.provider("mr_rail", "life.rail");
        police = deliveries.deliver("mr_police", "death.police_deregistration", MARCH, "姓名,公民身份号码,死亡日期",
                "王淑芬," + DEAD + ",2026-03-05");
        deliveries.deliver("mr_rail", "life.rail", FEBRUARY, "旅客姓名,证件号码,乘车时间",
                "刘长海," + RETURNING + ",2026-02-15 07:40");
        railMarch = deliveries.deliver("mr_rail", "life.rail", MARCH, "旅客姓名,证件号码,乘车时间",
                "李德胜," + ALIVE + ",2026-03-10 14:05");
        deliveries.deliver("mr_rail", "life.rail", APRIL, "旅客姓名,证件号码,乘车时间",
                "刘长海," + RETURNING + ",2026-04-10 10:00");
    }

    @Test
    @Order(1)
    void cert7_deathDisqualifiesWithItsDelivery_aSignOfLifeCertifies_nothingIsToBeVerifiedInItsBucket(
            @Autowired ApplicationEvents events) {
        assertThat(verification.defaultAsOf(MARCH)).isEqualTo(LocalDate.of(2026, 3, 24));
        verification.verify(FEBRUARY, null);
        MonthlyRunResult march = verification.verify(MARCH, null);

        assertThat(march.run().asOf()).isEqualTo(LocalDate.of(2026, 3, 24));
        assertThat(march.run().policyVersion()).isEqualTo("2026.1");
        assertThat(march.run().revision()).isEqualTo(1);

        Decision dead = decision(DEAD, MARCH);
        assertThat(dead.status()).isEqualTo(EligibilityStatus.DISQUALIFIED);
        assertThat(dead.lossFrom()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(dead.reason()).isEqualTo(new Decision.Reason(ReasonCode.DEATH, "death.police_deregistration",
                LocalDate.of(2026, 3, 5)));
        assertThat(dead.evidence()).containsExactly(new EvidenceRef("mr_police", "death.police_deregistration",
                police.deliveryId(), 2));

        Decision alive = decision(ALIVE, MARCH);
        assertThat(alive.status()).isEqualTo(EligibilityStatus.QUALIFIED);
        assertThat(alive.certifiedOn()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(alive.periodEnd()).isEqualTo(LocalDate.of(2027, 3, 10));
        assertThat(alive.evidence()).containsExactly(new EvidenceRef("mr_rail", "life.rail", railMarch.deliveryId(), 2));
        assertThat(jdbc.sql("""
                        select h.certified_on from certification.certification_history h
                          join certification.recipient r on r.id = h.recipient_id
                         where r.person = :person and h.month = :month""")
                .param("person", VaultNumbers.of(vault, ALIVE)).param("month", MARCH.atDay(1)).query(LocalDate.class).list())
                .containsExactly(LocalDate.of(2026, 3, 10));

        Decision silent = decision(SILENT, MARCH);
        assertThat(silent.status()).isEqualTo(EligibilityStatus.TO_BE_VERIFIED);
        assertThat(silent.reason().code()).isEqualTo(ReasonCode.NO_EVIDENCE);
        assertThat(silent.periodEnd()).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(silent.bucket()).isEqualTo(DueBucket.TWO_MONTHS);

        // certified by February's run on 15 February, so March starts a new period from then
        Decision returning = decision(RETURNING, MARCH);
        assertThat(decision(RETURNING, FEBRUARY).certifiedOn()).isEqualTo(LocalDate.of(2026, 2, 15));
        assertThat(returning.status()).isEqualTo(EligibilityStatus.TO_BE_VERIFIED);
        assertThat(returning.periodEnd()).isEqualTo(LocalDate.of(2027, 2, 15));
        assertThat(returning.bucket()).isEqualTo(DueBucket.LATER);

        assertThat(events.stream(MonthVerified.class)).extracting(MonthVerified::month).containsExactly(FEBRUARY, MARCH);
    }

    @Test
    @Order(2)
    void cert2_residentsAreListedWhereTheyLive_othersByThePayingDistrict_institutionPensionsByTheEmployer() {
        ListEntry cadre = entry(CADRE, MARCH);
        assertThat(cadre.jurisdiction().organisedBy()).isEqualTo(Jurisdiction.Organiser.EMPLOYER);
        assertThat(cadre.jurisdiction().employerCreditCode()).isEqualTo(EMPLOYER);
        assertThat(cadre.jurisdiction().community()).isEqualTo("220202002001");
        assertThat(cadre.jurisdiction().street()).isEqualTo("220202002");

        ListEntry away = entry(AWAY, MARCH);
        assertThat(away.jurisdiction().basis()).isEqualTo(Jurisdiction.Basis.PAYING_PLACE);
        assertThat(away.jurisdiction().district()).isEqualTo("220202");
        assertThat(away.jurisdiction().street()).isNull();
        assertThat(away.jurisdiction().community()).isNull();

        assertThat(entry(DEAD, MARCH).jurisdiction()).isEqualTo(new Jurisdiction("220202001001", "220202", "220202001",
                "220202001001", Jurisdiction.Basis.RESIDENCE, Jurisdiction.Organiser.COMMUNITY, null));
    }

    @Test
    @Order(3)
    void cert6_reRunningAMonthChangesNothing() {
        marchFirst = snapshot(MARCH);
        long rows = totalRows();

        MonthlyRunResult again = verification.verify(MARCH, LocalDate.of(2026, 3, 24));

        assertThat(again.changed()).isZero();
        assertThat(again.decisionsChanged()).isZero();
        assertThat(again.certificationsChanged()).isZero();
        assertThat(again.runChanged()).isFalse();
        assertThat(again.run().revision()).isEqualTo(1);
        assertThat(totalRows()).isEqualTo(rows);
        assertThat(snapshot(MARCH)).isEqualTo(marchFirst);
    }

    @Test
    @Order(4)
    void cert4_anEarlierMonthDecidedAgainAfterALaterOneGivesTheSameAnswer() {
        MonthlyRunResult april = verification.verify(APRIL, null);
        assertThat(april.run().month()).isEqualTo(APRIL);
        assertThat(decision(RETURNING, APRIL).certifiedOn()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(decision(ALIVE, APRIL).status()).as("certified in March, nothing new since").isEqualTo(
                EligibilityStatus.TO_BE_VERIFIED);

        MonthlyRunResult marchAgain = verification.verify(MARCH, null);

        assertThat(marchAgain.changed()).isZero();
        assertThat(snapshot(MARCH)).isEqualTo(marchFirst);
        assertThat(decision(RETURNING, MARCH).periodEnd()).isEqualTo(LocalDate.of(2027, 2, 15));
    }

    @Test
    @Order(5)
    void cert6_anotherAsOfDateIsANewRevisionOfTheMonth() {
        MonthlyRunResult earlier = verification.verify(MARCH, LocalDate.of(2026, 3, 4));
        assertThat(earlier.run().revision()).isEqualTo(2);
        assertThat(earlier.runChanged()).isTrue();
        assertThat(decision(DEAD, MARCH).status()).as("the death of 5 March is not known on the 4th")
                .isEqualTo(EligibilityStatus.TO_BE_VERIFIED);

        MonthlyRunResult back = verification.verify(MARCH, LocalDate.of(2026, 3, 24));
        assertThat(back.run().revision()).isEqualTo(3);
        assertThat(without(snapshot(MARCH), "verification_run")).isEqualTo(without(marchFirst, "verification_run"));
        assertThatThrownBy(() -> verification.verify(MARCH, LocalDate.of(2026, 4, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in 2026-03");
    }

    @Test
    @Order(6)
    void cert19_theExplanationGivesReasonsEvidenceAndPeriod() {
        Explanation e = lists.explain(DEAD, MARCH).orElseThrow();
        assertThat(e.asOf()).isEqualTo(LocalDate.of(2026, 3, 24));
        assertThat(e.decisions()).singleElement().satisfies(r -> {
            assertThat(r.benefit()).isEqualTo(BenefitKind.ENTERPRISE_PENSION);
            assertThat(r.decision().reason().code().article()).isEqualTo("第十八条");
            assertThat(r.decision().evidence()).containsExactly(new EvidenceRef("mr_police",
                    "death.police_deregistration", police.deliveryId(), 2));
        });
        assertThat(e.evidenceKnown()).extracting(Evidence::kind).containsExactly("death.police_deregistration");
        assertThat(e.title("death.police_deregistration")).isEqualTo("公安户籍死亡注销");
        assertThat(lists.explain(SILENT, MARCH).orElseThrow().decisions().get(0).decision().bucket())
                .isEqualTo(DueBucket.TWO_MONTHS);
        assertThat(lists.explain(DEAD, YearMonth.of(2030, 1))).isEmpty();
    }

    @Test
    @Order(7)
    void cert7_theListsExportAsCsvAndXlsxWithTheirCounts() throws IOException {
        Map<EligibilityStatus, Long> expected = new EnumMap<>(EligibilityStatus.class);
        for (ListCounts c : lists.counts(ListQuery.all(MARCH), CertificationLists.Level.DISTRICT)) {
            expected.merge(EligibilityStatus.QUALIFIED, c.qualified(), Long::sum);
            expected.merge(EligibilityStatus.DISQUALIFIED, c.disqualified(), Long::sum);
            expected.merge(EligibilityStatus.TO_BE_VERIFIED, c.toBeVerified(), Long::sum);
        }
        assertThat(expected.get(EligibilityStatus.DISQUALIFIED)).isGreaterThanOrEqualTo(1);

        List<Path> csv = export.export(MARCH, ListExport.Format.CSV, workspace.resolve("csv"), Optional.empty());
        assertThat(csv).extracting(p -> p.getFileName().toString()).containsExactly("certification-2026-03-qualified.csv",
                "certification-2026-03-disqualified.csv", "certification-2026-03-to-be-verified.csv",
                "certification-2026-03-summary.csv");
        List<CsvRecord> disqualified = csv(csv.get(1));
        assertThat(disqualified.get(0).getField(0)).isEqualTo("区县代码");
        assertThat(disqualified).hasSize(1 + expected.get(EligibilityStatus.DISQUALIFIED).intValue());
        assertThat(csv(csv.get(0))).hasSize(1 + expected.get(EligibilityStatus.QUALIFIED).intValue());
        assertThat(csv(csv.get(2))).hasSize(1 + expected.get(EligibilityStatus.TO_BE_VERIFIED).intValue());
        CsvRecord death = disqualified.stream().filter(r -> r.getField(6).equals(DEAD)).findFirst().orElseThrow();
        assertThat(death.getField(1)).isEqualTo("昌邑区");
        assertThat(death.getField(10)).isEqualTo("丧失领取资格");
        assertThat(death.getField(11)).isEqualTo("死亡");
        assertThat(death.getField(12)).isEqualTo("第十八条");
        assertThat(death.getField(13)).isEqualTo("公安户籍死亡注销");
        assertThat(death.getField(23)).isEqualTo("mr_police/death.police_deregistration#" + police.deliveryId() + ":2");
        assertThat(csv(csv.get(3))).anySatisfy(r -> assertThat(r.getField(0)).isEqualTo("合计"));

        List<Path> xlsx = export.export(MARCH, ListExport.Format.XLSX, workspace.resolve("xlsx"), Optional.of("220202"));
        assertThat(xlsx).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                .isEqualTo("certification-2026-03-220202.xlsx"));
        long inDistrict = lists.counts(ListQuery.all(MARCH).inDistrict("220202"), CertificationLists.Level.DISTRICT)
                .get(0).toBeVerified();
        try (InputStream in = Files.newInputStream(xlsx.get(0)); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            List<String> names = wb.getSheets().map(Sheet::getName).toList();
            assertThat(names).containsExactly("汇总", "具备领取资格", "丧失领取资格", "待核实");
            Sheet pending = wb.findSheet("待核实").orElseThrow();
            try (Stream<org.dhatim.fastexcel.reader.Row> rows = pending.openStream()) {
                assertThat(rows.count()).isEqualTo(1 + inDistrict);
            }
        }
    }

    @Test
    @Order(8)
    void cert7_theRestApiPagesTheListsAndExplains_andAnswersBadInputWithProblemDetails() throws Exception {
        mvc.perform(get("/api/certification/runs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].month", hasItem("2026-03")));
        mvc.perform(get("/api/certification/lists").param("month", "2026-03").param("status", "DISQUALIFIED")
                        .param("district", "220202").param("street", "220202001"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.run.asOf").value("2026-03-24"))
                .andExpect(jsonPath("$.total", greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.items[*].idNumber", hasItem(DEAD.substring(0, 6) + "********" + DEAD.substring(14))))
                .andExpect(jsonPath("$.items[0].statusChinese").value("丧失领取资格"))
                .andExpect(jsonPath("$.items[0].reason.article").value("第十八条"));
        mvc.perform(get("/api/certification/lists").param("month", "2026-03").param("page", "0").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items.length()").value(2));
        mvc.perform(post("/api/certification/explanations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"idNumber\":\"" + DEAD + "\"}").param("month", "2026-03"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions[0].status").value("DISQUALIFIED"))
                .andExpect(jsonPath("$.decisions[0].reasons[0].english").value("death"))
                .andExpect(jsonPath("$.decisions[0].evidence[0].deliveryId").value(police.deliveryId()))
                .andExpect(jsonPath("$.decisions[0].evidence[0].row").value(2))
                .andExpect(jsonPath("$.decisions[0].evidence[0].title").value("公安户籍死亡注销"))
                .andExpect(jsonPath("$.name").value("王*芬"));

        for (String[] bad : List.of(new String[] {"month", "2026-13"}, new String[] {"status", "DEAD"},
                new String[] {"district", "2202"}, new String[] {"page", "-1"}, new String[] {"size", "1000"},
                new String[] {"page", "one"})) {
            mvc.perform(get("/api/certification/lists").param("month", bad[0].equals("month") ? bad[1] : "2026-03")
                            .param(bad[0].equals("month") ? "page" : bad[0], bad[0].equals("month") ? "0" : bad[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Bad request / 请求有误"));
        }
        mvc.perform(get("/api/certification/lists").param("month", "2026-03").param("district", "220202")
                        .param("street", "220203001"))
                .andExpect(status().isBadRequest());
        String wrongCheckDigit = DEAD.substring(0, 17) + (DEAD.charAt(17) == '1' ? '2' : '1');
        mvc.perform(post("/api/certification/explanations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"idNumber\":\"" + wrongCheckDigit + "\"}").param("month", "2026-03"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/certification/lists").param("month", "2030-01"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/overview/certification").param("month", "2026-03"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.districts[?(@.code == '220202')].name", hasItem("昌邑区")));
    }

    /**
     * A decision changed in the table after its run, by whoever can write it (here the
     * application's own role), no longer gives the digest the run sealed in the audit chain.
     */
    @Test
    @Order(10)
    void data18_aDecisionChangedInTheTableAfterItsRunBreaksItsMonthsSeal(@Autowired DecisionSeals seals) {
        assertThat(seal(seals, MARCH)).satisfies(s -> {
            assertThat(s.sealedAtAll()).isTrue();
            assertThat(s.intact()).isTrue();
            assertThat(s.decisions()).isPositive();
        });
        String flip = """
                update certification.decision set investigate = not investigate
                 where month = :m
                   and recipient_id = (select min(recipient_id) from certification.decision where month = :m)""";
        jdbc.sql(flip).param("m", MARCH.atDay(1)).update();
        try {
            assertThat(seal(seals, MARCH).intact()).as("March after one decision was edited").isFalse();
            assertThat(seals.verify()).filteredOn(s -> !s.month().equals(MARCH)).allMatch(DecisionSeals.Seal::intact);
        }
        finally {
            jdbc.sql(flip).param("m", MARCH.atDay(1)).update();
        }
        assertThat(seal(seals, MARCH).intact()).as("March restored").isTrue();
    }

    private static DecisionSeals.Seal seal(DecisionSeals seals, YearMonth month) {
        return seals.verify().stream().filter(s -> s.month().equals(month)).findFirst().orElseThrow();
    }

    @Test
    @Order(9)
    void cert3_aDryRunOfAnotherPolicyShowsWhoWouldChangeList_andStoresNothing() throws IOException {
        String shipped;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(PolicyBook.DEFAULT)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String draft = shipped.replace("version: \"2026.1\"", "version: \"2026.2-draft\"")
                .replace("effect: DEATH, strength: CONCLUSIVE}\n      - {kind: death.cremation",
                        "effect: DEATH, strength: INDICATIVE}\n      - {kind: death.cremation");
        assertThat(draft).isNotEqualTo(shipped);
        Path file = workspace.resolve("draft-policy.yml");
        Files.writeString(file, draft, StandardCharsets.UTF_8);
        Snapshot before = snapshot(MARCH);

        DryRunReport report = verification.dryRun(MARCH, null, PolicyBook.file(file));

        assertThat(report.policyVersion()).isEqualTo("2026.2-draft");
        assertThat(report.storedPolicyVersion()).isEqualTo("2026.1");
        assertThat(report.changes()).anySatisfy(c -> {
            assertThat(c.idNumber()).isEqualTo(DEAD);
            assertThat(c.from()).isEqualTo(EligibilityStatus.DISQUALIFIED);
            assertThat(c.to()).isEqualTo(EligibilityStatus.TO_BE_VERIFIED);
            assertThat(c.toReason()).isEqualTo(ReasonCode.LOSS_UNCONFIRMED);
            assertThat(c.monthlyAmount()).isEqualTo(Money.of(new BigDecimal("3150.00")));
        });
        assertThat(report.moves()).anySatisfy(m -> {
            assertThat(m.from()).isEqualTo(EligibilityStatus.DISQUALIFIED);
            assertThat(m.to()).isEqualTo(EligibilityStatus.TO_BE_VERIFIED);
            assertThat(m.monthlyAmount()).isGreaterThanOrEqualTo(Money.of(new BigDecimal("3150.00")));
        });
        assertThat(snapshot(MARCH)).isEqualTo(before);
        assertThatThrownBy(() -> verification.dryRun(YearMonth.of(2030, 1), null, PolicyBook.file(file)))
                .isInstanceOf(IllegalStateException.class);
    }

    private Decision decision(String id, YearMonth month) {
        return entry(id, month).decision();
    }

    private ListEntry entry(String id, YearMonth month) {
        List<ListEntry> found = new ArrayList<>();
        lists.forEach(ListQuery.all(month), e -> {
            if (e.idNumber().equals(id)) {
                found.add(e);
            }
        });
        assertThat(found).as(id + " in " + month).hasSize(1);
        return found.get(0);
    }

    /** Every stored row of a month: run, decisions, certifications, as the database gives them back. */
    record Snapshot(Map<String, List<Map<String, Object>>> tables) {
    }

    private Snapshot snapshot(YearMonth month) {
        Map<String, List<Map<String, Object>>> t = new java.util.LinkedHashMap<>();
        t.put("verification_run", jdbc.sql("select * from certification.verification_run where month = :m")
                .param("m", month.atDay(1)).query().listOfRows());
        t.put("decision", jdbc.sql("select * from certification.decision where month = :m order by recipient_id")
                .param("m", month.atDay(1)).query().listOfRows());
        t.put("certification_history", jdbc.sql("""
                        select * from certification.certification_history where month = :m order by recipient_id""")
                .param("m", month.atDay(1)).query().listOfRows());
        return new Snapshot(t);
    }

    private static Snapshot without(Snapshot s, String table) {
        Map<String, List<Map<String, Object>>> t = new java.util.LinkedHashMap<>(s.tables());
        t.remove(table);
        return new Snapshot(t);
    }

    private long totalRows() {
        return jdbc.sql("""
                select (select count(*) from certification.verification_run) + (select count(*) from certification.decision)
                     + (select count(*) from certification.certification_history)""").query(Long.class).single();
    }

    private static List<CsvRecord> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text.substring(1))) {
            return reader.stream().toList();
        }
    }
}
