package org.vigil.sharing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The shipped catalogue ({@code sharing/catalogue/feeds.yml}) loads, passes every check the
 * loader makes, and holds every kind of file the source documents name: the four classes of
 * SHARE-3 from each source, the REG-11 registers, the CERT-9 records of dependents; with the
 * DATA-6 review levels and SHARE-5 cadences. DATA-4: it is the one set of collection rules.
 */
@DisplayName("The shipped feed catalogue (SHARE-3, SHARE-5, REG-11, CERT-9, DATA-4, DATA-6)")
class FeedCatalogueTest {

    static final FeedCatalogue CATALOGUE = FeedCatalogue.standard();

    static List<FeedDefinition> feeds(FeedClass feedClass) {
        return CATALOGUE.all().stream().filter(f -> f.feedClass() == feedClass).toList();
    }

    static FeedDefinition feed(String code) {
        return CATALOGUE.find(code).orElseThrow(() -> new AssertionError("no feed " + code));
    }

    @Test
    void data4_theShippedCatalogueLoadsOnceAndPassesItsOwnChecks() {
        assertThat(CATALOGUE.version()).isEqualTo(1);
        assertThat(FeedCatalogue.standard()).isSameAs(CATALOGUE);
        assertThat(CATALOGUE.all()).hasSize(37);
        assertThat(CATALOGUE.all()).extracting(FeedDefinition::code).doesNotHaveDuplicates();
        assertThat(CATALOGUE.all()).allSatisfy(f -> assertThat(CATALOGUE.find(f.code())).containsSame(f));
    }

    @Test
    void share3_class1_deathsFromEverySourceTheDocumentNames() {
        assertThat(feeds(FeedClass.DEATH)).extracting(FeedDefinition::department).containsExactlyInAnyOrder(
                "公安局", "民政局", "民政局", "老干部局", "医疗保障局", "卫生健康委员会", "街道（乡镇）、社区");
        assertThat(feeds(FeedClass.DEATH)).extracting(FeedDefinition::code).contains("death.cremation", "death.elderly_allowance");
        // Name, ID number, death date.
        assertThat(feeds(FeedClass.DEATH)).allSatisfy(f -> {
            assertThat(f.columnFor(ColumnRole.SUBJECT_NAME)).as(f.code()).isPresent();
            assertThat(f.columnFor(ColumnRole.SUBJECT_ID)).as(f.code()).isPresent();
            assertThat(f.columnFor(ColumnRole.EVENT_DATE).orElseThrow().required()).as(f.code()).isTrue();
        });
    }

    @Test
    void share3_class2_courtSentencesWithStartEndAndJudgmentAndPrisonReleasesWithCertificate() {
        FeedDefinition court = feed("sentence.court");
        assertThat(court.department()).isEqualTo("人民法院");
        assertThat(court.columnFor(ColumnRole.EVENT_DATE).orElseThrow().header()).isEqualTo("刑期起始日期");
        ColumnDefinition end = court.columnFor(ColumnRole.EVENT_END_DATE).orElseThrow();
        assertThat(end.header()).isEqualTo("刑期截止日期");
        assertThat(end.futureAllowed()).as("a sentence ends after it is reported").isTrue();
        assertThat(court.columnFor(ColumnRole.DOCUMENT).orElseThrow().header()).isEqualTo("判决书影印件");
        FeedDefinition prison = feed("custody.prison");
        assertThat(prison.feedClass()).isEqualTo(FeedClass.CUSTODY);
        assertThat(prison.columnFor(ColumnRole.DOCUMENT).orElseThrow().header()).isEqualTo("释放证明书影印件");
        assertThat(prison.factOf("入监")).isEqualTo(FactKind.PRISON_ADMISSION);
        assertThat(prison.factOf("释放")).isEqualTo(FactKind.PRISON_RELEASE);
    }

    @Test
    void share3_class3_proofOfLifeFromEverySourceTheDocumentNames() {
        assertThat(feeds(FeedClass.PROOF_OF_LIFE)).extracting(FeedDefinition::code).containsExactlyInAnyOrder(
                "life.exit_entry", "life.enrollment_change", "life.social_security_card", "life.medical_settlement",
                "life.elderly_allowance_payment", "life.rail", "life.aviation", "life.bank_counter", "life.bus_elderly_card",
                "life.health_checkup", "life.health_record", "life.telecom");
        // Community activities, visits and home services come in the community report, row by row.
        FeedDefinition community = feed("death.community_report");
        assertThat(community.rowFacts()).containsEntry("走访慰问", FactKind.LIFE_SIGN).containsEntry("文娱活动", FactKind.LIFE_SIGN)
                .containsEntry("上门服务", FactKind.LIFE_SIGN).containsEntry("死亡", FactKind.DEATH);
        // Name, ID number, the time of the verification.
        assertThat(feeds(FeedClass.PROOF_OF_LIFE)).allSatisfy(f -> {
            assertThat(f.columnFor(ColumnRole.SUBJECT_NAME)).as(f.code()).isPresent();
            assertThat(f.columnFor(ColumnRole.SUBJECT_ID).orElseThrow().blankAllowed()).as(f.code()).isFalse();
            assertThat(f.columnFor(ColumnRole.EVENT_DATE)).as(f.code()).isPresent();
        });
    }

    @Test
    void share3_class4_idPhotosForFaceTemplates() {
        assertThat(feeds(FeedClass.PHOTO)).singleElement().satisfies(f -> {
            assertThat(f.columnFor(ColumnRole.PHOTO).orElseThrow().type()).isEqualTo(ColumnType.IMAGE_BASE64);
            assertThat(f.columnFor(ColumnRole.SUBJECT_ID)).isPresent();
            assertThat(f.cadence()).isEqualTo(Cadence.ONCE);
        });
    }

    @Test
    void reg11_aRegisterFromEveryDepartmentTheDocumentNames() {
        Set<String> departments = feeds(FeedClass.REGISTRY).stream().map(FeedDefinition::department).collect(Collectors.toSet());
        assertThat(departments).contains("教育局", "公安局", "民政局", "司法局", "住房和城乡建设局", "卫生健康委员会", "税务局",
                "市场监督管理局", "质量技术监督局", "机构编制委员会办公室");
        assertThat(List.of("registry.household", "registry.student", "registry.social_assistance", "registry.prisoner",
                "registry.construction_worker", "registry.newborn", "registry.ncms_participant", "registry.wage_income",
                "registry.tax_payment", "registry.market_entity", "registry.organization_code", "registry.established_post"))
                .allSatisfy(code -> assertThat(feed(code).serves("REG-11")).as(code).isTrue());
        assertThat(feed("registry.organization_code").columnFor(ColumnRole.EMPLOYER_ORGANIZATION_CODE)).isPresent();
        assertThat(feed("registry.market_entity").columnFor(ColumnRole.EMPLOYER_CREDIT_CODE)).isPresent();
    }

    @Test
    void cert9_recordsThatEndADependentsBenefit() {
        // Adoption, a spouse's remarriage, a job, enlistment.
        assertThat(List.of("registry.adoption", "registry.marriage", "registry.wage_income", "life.enrollment_change",
                "registry.enlistment")).allSatisfy(code -> assertThat(feed(code).serves("CERT-9")).as(code).isTrue());
        FeedDefinition adoption = feed("registry.adoption");
        assertThat(adoption.columnFor(ColumnRole.SUBJECT_ID).orElseThrow().header()).isEqualTo("被收养人身份证号");
        assertThat(adoption.columnFor(ColumnRole.OTHER_PARTY_ID).orElseThrow().header()).isEqualTo("收养人身份证号");
        assertThat(feed("registry.marriage").column("kind").orElseThrow().choices()).contains("结婚登记");
    }

    @Test
    void data6_identifiersAreReviewedByHandAddressesNotAtAllAndNoColumnBelowItsType() {
        List<ColumnDefinition> columns = CATALOGUE.all().stream().flatMap(f -> f.columns().stream()).toList();
        assertThat(columns).allSatisfy(c -> {
            switch (c.type()) {
                case ID_NUMBER, CREDIT_CODE, ORGANIZATION_CODE -> assertThat(c.review()).as(c.key()).isEqualTo(ReviewLevel.MANUAL_REVIEW);
                case PHONE, EMAIL -> assertThat(c.review()).as(c.key()).isEqualTo(ReviewLevel.SYSTEM_VALIDATION);
                case ADDRESS -> assertThat(c.review()).as(c.key()).isEqualTo(ReviewLevel.NONE);
                default -> assertThat(c.review().ordinal()).as(c.key()).isGreaterThanOrEqualTo(c.type().defaultReview().ordinal());
            }
        });
        // A death, a sentence or a prison term stops a pension: its dates are checked against other departments first.
        assertThat(CATALOGUE.all()).filteredOn(f -> EnumSet.of(FeedClass.DEATH, FeedClass.SENTENCE, FeedClass.CUSTODY)
                .contains(f.feedClass()) && !f.fact().isPerRow()).allSatisfy(f -> assertThat(
                        f.columnFor(ColumnRole.EVENT_DATE).orElseThrow().review()).as(f.code()).isEqualTo(ReviewLevel.MANUAL_REVIEW));
    }

    @Test
    void share5_sharedDataComesAtLeastEverySixMonths() {
        assertThat(CATALOGUE.all()).filteredOn(f -> f.feedClass() != FeedClass.REGISTRY && f.feedClass() != FeedClass.PHOTO)
                .allSatisfy(f -> assertThat(f.cadence().withinShare5()).as(f.code() + " " + f.cadence()).isTrue());
    }

    @Test
    void everyFeedCanBeLinkedAndEveryColumnHasAChineseHeader() {
        assertThat(CATALOGUE.all()).allSatisfy(f -> {
            assertThat(f.columns()).anySatisfy(c -> {
                assertThat(c.required()).isTrue();
                assertThat(c.role().identifiesSubject()).isTrue();
            });
            assertThat(f.requirements()).as(f.code()).isNotEmpty();
        });
        // The header is what departments write; the English spellings of the airline system are aliases.
        assertThat(CATALOGUE.all().stream().flatMap(f -> f.columns().stream()))
                .allSatisfy(c -> assertThat(c.header().codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF)).as(c.key()).isTrue());
    }

    @Test
    void theDocumentationListsEveryFeed() throws IOException {
        Path doc = Path.of("docs", "feed-catalogue.md");
        assertThat(doc).exists();
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        assertThat(CATALOGUE.all()).allSatisfy(f -> assertThat(text).contains("`" + f.code() + "`"));
        assertThat(SyntheticCityFeeds.standard().entries())
                .allSatisfy(e -> assertThat(text).contains("`" + e.provider() + "/" + e.feed() + "`"));
    }
}
