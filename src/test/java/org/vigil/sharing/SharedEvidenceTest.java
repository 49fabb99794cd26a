package org.vigil.sharing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.sharing.EvidenceItem.Provenance;
import org.vigil.sharing.agreement.AgreementIntegrationTest;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.ProviderRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published evidence API (CERT-8, CERT-9, CERT-19) against deliveries taken in through the real
 * pipeline: what an as-of date sees, under which kind, with which provenance; prison rows paired
 * into one stay; sentences at liberty and divorces left out; persons in ID order.
 */
@AgreementIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedEvidenceTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 3, 24);
    static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    static final YearMonth MARCH = YearMonth.of(2026, 3);

    static final String DEAD = DeliveryFixture.id("220202", LocalDate.of(1941, 1, 2), 701);
    static final String DIES_LATER = DeliveryFixture.id("220202", LocalDate.of(1941, 1, 3), 703);
    static final String SENTENCED = DeliveryFixture.id("220202", LocalDate.of(1951, 1, 4), 705);
    static final String AT_LIBERTY = DeliveryFixture.id("220202", LocalDate.of(1951, 1, 5), 707);
    static final String PRISONER = DeliveryFixture.id("220202", LocalDate.of(1952, 1, 6), 709);
    static final String VISITED = DeliveryFixture.id("220202", LocalDate.of(1942, 1, 7), 702);
    static final String REPORTED_DEAD = DeliveryFixture.id("220202", LocalDate.of(1942, 1, 8), 704);
    static final String GROOM = DeliveryFixture.id("220202", LocalDate.of(1960, 1, 9), 711);
    static final String BRIDE = DeliveryFixture.id("220202", LocalDate.of(1962, 1, 10), 706);
    static final String DIVORCED_MAN = DeliveryFixture.id("220202", LocalDate.of(1960, 1, 11), 713);
    static final String DIVORCED_WOMAN = DeliveryFixture.id("220202", LocalDate.of(1962, 1, 12), 708);
    static final String REPORTED_LATE = DeliveryFixture.id("220202", LocalDate.of(1940, 1, 13), 715);

    @TempDir
    static Path workspace;

    private final SharedEvidence evidence;
    private final DeliveryIngestion ingestion;
    private final ProviderRegistry providers;
    private final AgreementRegister agreements;
    private final Map<String, DeliveryReport> deliveries = new HashMap<>();

    @Autowired
    SharedEvidenceTest(SharedEvidence evidence, DeliveryIngestion ingestion, ProviderRegistry providers,
            AgreementRegister agreements) {
        this.evidence = evidence;
        this.ingestion = ingestion;
        this.providers = providers;
        this.agreements = agreements;
    }

    @BeforeAll
    void deliver() {
        DeliveryFixture f = new DeliveryFixture(ingestion, providers, agreements, workspace);
        f.provider("se_police", "death.police_deregistration");
        f.provider("se_court", "sentence.court");
        f.provider("se_prison", "custody.prison");
        f.provider("se_community", "death.community_report");
        f.provider("se_rail", "life.rail");
        f.provider("se_civil", "registry.marriage");
        deliveries.put("police", f.deliver("se_police", "death.police_deregistration", MARCH, "姓名,公民身份号码,死亡日期",
                "王秀英," + DEAD + ",2026-03-05",
                "李桂兰," + DIES_LATER + ",2026-03-28"));
        deliveries.put("policeApril", f.deliver("se_police", "death.police_deregistration", YearMonth.of(2026, 4),
                "姓名,公民身份号码,死亡日期", "何凤英," + REPORTED_LATE + ",2026-03-01"));
        deliveries.put("court", f.deliver("se_court", "sentence.court", MARCH, "被告人姓名,身份证号码,刑种,刑期起始日期,刑期截止日期",
                "张建国," + SENTENCED + ",有期徒刑,2026-01-10,2027-01-09",
                "刘德明," + AT_LIBERTY + ",管制,2026-01-10,2026-12-09"));
        deliveries.put("admission", f.deliver("se_prison", "custody.prison", FEBRUARY, "姓名,身份证号,变动类型,入监日期,释放日期",
                "赵志强," + PRISONER + ",入监,2026-02-01,"));
        deliveries.put("release", f.deliver("se_prison", "custody.prison", MARCH, "姓名,身份证号,变动类型,入监日期,释放日期",
                "赵志强," + PRISONER + ",释放,2026-02-01,2026-03-20"));
        deliveries.put("community", f.deliver("se_community", "death.community_report", MARCH, "姓名,身份证号,情况类别,发生日期",
                "陈淑珍," + VISITED + ",走访慰问,2026-03-10",
                "杨玉兰," + REPORTED_DEAD + ",死亡,2026-03-12"));
        deliveries.put("railFebruary", f.deliver("se_rail", "life.rail", FEBRUARY, "旅客姓名,证件号码,乘车时间",
                "陈淑珍," + VISITED + ",2026-02-20 08:30"));
        deliveries.put("railMarch", f.deliver("se_rail", "life.rail", MARCH, "旅客姓名,证件号码,乘车时间",
                "陈淑珍," + VISITED + ",2026-03-25 09:10"));
        deliveries.put("civil", f.deliver("se_civil", "registry.marriage", MARCH, "登记类别,男方姓名,男方身份证号,女方姓名,女方身份证号,登记日期",
                "结婚登记,孙立军," + GROOM + ",周丽华," + BRIDE + ",2026-03-01",
                "离婚登记,吴国庆," + DIVORCED_MAN + ",郑美玲," + DIVORCED_WOMAN + ",2026-03-02"));
    }

    @Test
    void cert9_aDeathIsEvidenceFromItsDate_withTheProviderFeedDeliveryAndRow() {
        assertThat(evidence.about(DEAD, AS_OF)).containsExactly(new EvidenceItem(DEAD, "death.police_deregistration",
                LocalDate.of(2026, 3, 5), null, new Provenance("se_police", "death.police_deregistration",
                        deliveries.get("police").deliveryId(), 2), null));
        assertThat(evidence.about(DIES_LATER, AS_OF)).as("a death after the as-of date is not known yet").isEmpty();
        assertThat(evidence.about(DIES_LATER, LocalDate.of(2026, 3, 28))).extracting(EvidenceItem::kind)
                .containsExactly("death.police_deregistration");
    }

    @Test
    void cert6_aDeathReportedInALaterMonthIsNotKnownToAnEarlierRun_soAPastMonthReplaysTheSame() {
        assertThat(evidence.about(REPORTED_LATE, AS_OF)).as("April's delivery was not there on 24 March").isEmpty();
        assertThat(evidence.about(REPORTED_LATE, LocalDate.of(2026, 4, 24))).extracting(EvidenceItem::kind, EvidenceItem::date)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("death.police_deregistration", LocalDate.of(2026, 3, 1)));
    }

    @Test
    void cert9_sentencesKeepTheirTerm_butOneServedAtLibertyIsNoCustody() {
        assertThat(evidence.about(SENTENCED, AS_OF)).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("sentence.court");
            assertThat(i.date()).isEqualTo(LocalDate.of(2026, 1, 10));
            assertThat(i.endDate()).isEqualTo(LocalDate.of(2027, 1, 9));
        });
        assertThat(evidence.about(AT_LIBERTY, AS_OF)).isEmpty();
    }

    @Test
    void cert9_aPrisonsAdmissionAndReleaseAreOneStay_endedOnlyOnceTheReleaseHasCome() {
        Provenance admission = new Provenance("se_prison", "custody.prison", deliveries.get("admission").deliveryId(), 2);
        Provenance release = new Provenance("se_prison", "custody.prison", deliveries.get("release").deliveryId(), 2);
        assertThat(evidence.about(PRISONER, AS_OF)).containsExactly(new EvidenceItem(PRISONER, SharedEvidence.PRISON,
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 20), admission, release));
        assertThat(evidence.about(PRISONER, LocalDate.of(2026, 3, 10))).containsExactly(new EvidenceItem(PRISONER,
                SharedEvidence.PRISON, LocalDate.of(2026, 2, 1), null, admission, null));
        assertThat(evidence.about(PRISONER, LocalDate.of(2026, 1, 31))).isEmpty();
    }

    @Test
    void cert8_theLatestSignOfEachFeedOnOrBeforeTheAsOfDate_andACommunityVisitIsALifeSign() {
        assertThat(evidence.about(VISITED, AS_OF)).containsExactly(
                new EvidenceItem(VISITED, "life.rail", LocalDate.of(2026, 2, 20), null,
                        new Provenance("se_rail", "life.rail", deliveries.get("railFebruary").deliveryId(), 2), null),
                new EvidenceItem(VISITED, SharedEvidence.COMMUNITY_VISIT, LocalDate.of(2026, 3, 10), null,
                        new Provenance("se_community", "death.community_report", deliveries.get("community").deliveryId(), 2),
                        null));
        assertThat(evidence.about(VISITED, LocalDate.of(2026, 3, 31))).extracting(EvidenceItem::kind, EvidenceItem::date)
                .contains(org.assertj.core.groups.Tuple.tuple("life.rail", LocalDate.of(2026, 3, 25)));
        assertThat(evidence.about(REPORTED_DEAD, AS_OF)).extracting(EvidenceItem::kind)
                .containsExactly("death.community_report");
    }

    @Test
    void cert9_aMarriageIsEvidenceAboutBothSpouses_aDivorceAboutNeither() {
        assertThat(evidence.about(GROOM, AS_OF)).extracting(EvidenceItem::kind).containsExactly("registry.marriage");
        assertThat(evidence.about(BRIDE, AS_OF)).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("registry.marriage");
            assertThat(i.date()).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(i.source().row()).isEqualTo(2);
        });
        assertThat(evidence.about(DIVORCED_MAN, AS_OF)).isEmpty();
        assertThat(evidence.about(DIVORCED_WOMAN, AS_OF)).isEmpty();
    }

    @Test
    void cert6_everyPersonComesOnceInIdOrder_withTheSameEvidenceAsAskedOneByOne() {
        List<String> order = new ArrayList<>();
        Map<String, List<EvidenceItem>> seen = new HashMap<>();
        evidence.forEachPerson(AS_OF, (id, items) -> {
            order.add(id);
            seen.put(id, items);
        });
        assertThat(order).isSorted().doesNotHaveDuplicates();
        for (String id : List.of(DEAD, SENTENCED, PRISONER, VISITED, REPORTED_DEAD, GROOM, BRIDE)) {
            assertThat(seen.get(id)).as(id).isEqualTo(evidence.about(id, AS_OF));
        }
        assertThat(seen).doesNotContainKeys(DIES_LATER, AT_LIBERTY, DIVORCED_MAN, DIVORCED_WOMAN);
    }

    @Test
    void data15_theNumberedWalkVisitsPersonsInAscendingNumber_withTheSameEvidenceAsTheWalkByIdNumber() {
        List<Long> order = new ArrayList<>();
        Map<String, List<EvidenceItem>> byNumber = new HashMap<>();
        evidence.forEachPersonByNumber(AS_OF, (person, items) -> {
            order.add(person);
            assertThat(items).isNotEmpty().allSatisfy(item -> assertThat(item.idNumber()).isEqualTo(items.get(0).idNumber()));
            byNumber.put(items.get(0).idNumber(), items);
            assertThat(evidence.about(person, AS_OF)).as("person %d asked alone", person).isEqualTo(items);
        });
        assertThat(order).isNotEmpty().isSorted().doesNotHaveDuplicates();
        Map<String, List<EvidenceItem>> byId = new HashMap<>();
        evidence.forEachPerson(AS_OF, byId::put);
        assertThat(byNumber).isEqualTo(byId);
        // every person of the deliveries is there, a marriage's both spouses included
        assertThat(byNumber).containsKeys(DEAD, SENTENCED, PRISONER, VISITED, REPORTED_DEAD, GROOM, BRIDE);
        assertThat(evidence.about("110101195001011234", AS_OF)).as("an ID the vault never saw").isEmpty();
    }
}
