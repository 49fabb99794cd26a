package org.vigil.sharing.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.sharing.catalogue.FeedCatalogue;
import org.vigil.sharing.catalogue.HeaderMapping;
import org.vigil.sharing.catalogue.HeaderResolution;
import org.vigil.sharing.catalogue.ResolvedHeader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provider registry on PostgreSQL (SHARE-1, SHARE-4), with the shipped feed catalogue. */
@AgreementIntegrationTest
class ProviderRegistryTest {

    static final String DEATHS = "death.police_deregistration";
    static final String SETTLEMENTS = "life.medical_settlement";

    private final ProviderRegistry registry;
    private final JdbcClient jdbc;

    @Autowired
    ProviderRegistryTest(ProviderRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    @Test
    void share1_aProviderIsRegisteredWithItsLevelAndDivision() {
        Provider p = registry.register(new ProviderRegistration("reg_police", " 吉林市公安局 ", ProviderLevel.CITY, "220200"));

        assertThat(p.name()).isEqualTo("吉林市公安局");
        assertThat(p.region().value()).isEqualTo("220200");
        assertThat(p.registeredOn()).isEqualTo(AgreementTestConfiguration.TODAY);
        assertThat(registry.find("reg_police")).contains(p);
        assertThat(registry.all()).extracting(Provider::code).contains("reg_police");
    }

    @Test
    void share1_aStreetOrCommunityProviderSitsAtItsOwnLevel() {
        // 220202001 is 兴华街道 of 昌邑区 in the shipped table; a community's 12 digits are checked through its street
        assertThat(registry.register(new ProviderRegistration("reg_street", "兴华街道办事处", ProviderLevel.STREET, "220202001"))
                .region().value()).isEqualTo("220202001");
        assertThat(registry.register(new ProviderRegistration("reg_community", "某社区居委会", ProviderLevel.COMMUNITY,
                "220202001001")).region().value()).isEqualTo("220202001001");
    }

    @Test
    void share1_aBadRegionCodeIsRefusedWithTheKernelsReasonAndNothingIsStored() {
        assertThatThrownBy(() -> registry.register(new ProviderRegistration("reg_badregion", "公安局", ProviderLevel.CITY, "22020")))
                .isInstanceOfSatisfying(RegisterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegisterProblem.Kind.INVALID);
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("regionCode");
                        assertThat(v.problem()).isEqualTo(RegisterProblem.REGION_CODE);
                        assertThat(v.detail()).contains("LENGTH");
                    });
                });
        assertThat(registry.find("reg_badregion")).isEmpty();
    }

    @Test
    void share1_aDivisionMustExistAndFitTheLevel() {
        assertThatThrownBy(() -> registry.register(new ProviderRegistration("reg_nowhere", "公安局", ProviderLevel.DISTRICT, "220299")))
                .isInstanceOfSatisfying(RegisterException.class,
                        e -> assertThat(e.has(RegisterProblem.UNKNOWN_REGION)).isTrue());
        // a district provider with a street's code
        assertThatThrownBy(() -> registry.register(new ProviderRegistration("reg_mismatch", "昌邑区民政局", ProviderLevel.DISTRICT,
                "220202001")))
                .isInstanceOfSatisfying(RegisterException.class,
                        e -> assertThat(e.has(RegisterProblem.LEVEL_REGION_MISMATCH)).isTrue());
    }

    @Test
    void everyProblemOfARegistrationIsReportedAtOnce() {
        assertThatThrownBy(() -> registry.register(new ProviderRegistration("Police!", " ", null, "x")))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.violations())
                        .extracting(Violation::problem)
                        .containsExactly(RegisterProblem.PROVIDER_CODE, RegisterProblem.DEPARTMENT_NAME,
                                RegisterProblem.LEVEL_MISSING, RegisterProblem.REGION_CODE));
    }

    @Test
    void aProviderCodeIsRegisteredOnce() {
        registry.register(new ProviderRegistration("reg_twice", "民政局", ProviderLevel.CITY, "220200"));
        assertThatThrownBy(() -> registry.register(new ProviderRegistration("reg_twice", "另一个", ProviderLevel.CITY, "220200")))
                .isInstanceOfSatisfying(RegisterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegisterProblem.Kind.CONFLICT);
                    assertThat(e.has(RegisterProblem.PROVIDER_EXISTS)).isTrue();
                });
        assertThat(registry.find("reg_twice")).get().extracting(Provider::name).isEqualTo("民政局");
    }

    @Test
    void share1_theLiaisonRosterKeepsWhoServedWhen() {
        registry.register(new ProviderRegistration("reg_roster", "吉林市民政局", ProviderLevel.CITY, "220200"));
        Liaison first = registry.appointLiaison("reg_roster",
                new LiaisonAppointment("王 建国", "科长", "0432-6234 5678", LocalDate.of(2025, 1, 1)));
        registry.endLiaison("reg_roster", first.id(), LocalDate.of(2026, 3, 31));
        Liaison second = registry.appointLiaison("reg_roster",
                new LiaisonAppointment("李秀英", "副科长", "138 1234 5678", LocalDate.of(2026, 4, 1)));
        registry.appointLiaison("reg_roster", new LiaisonAppointment("赵丽", "科员", "13900001111", LocalDate.of(2026, 4, 1)));

        Provider p = registry.find("reg_roster").orElseThrow();
        assertThat(p.liaisons()).hasSize(3);
        assertThat(p.liaisonsOn(LocalDate.of(2026, 3, 31))).extracting(l -> l.name().value()).containsExactly("王建国");
        assertThat(p.liaisonsOn(LocalDate.of(2026, 4, 1))).extracting(l -> l.name().value()).containsExactly("李秀英", "赵丽");
        Liaison ended = p.liaisons().get(0);
        assertThat(ended.servingUntil()).contains(LocalDate.of(2026, 3, 31));
        assertThat(ended.phone().value()).isEqualTo("0432-62345678");
        assertThat(second.phone().value()).isEqualTo("13812345678");
    }

    @Test
    void share1_aLiaisonIsRefusedWithEveryBadField() {
        registry.register(new ProviderRegistration("reg_badliaison", "卫生健康委员会", ProviderLevel.CITY, "220200"));
        assertThatThrownBy(() -> registry.appointLiaison("reg_badliaison", new LiaisonAppointment("张3", "", "12345", null)))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.violations())
                        .extracting(Violation::problem)
                        .containsExactly(RegisterProblem.LIAISON_NAME, RegisterProblem.LIAISON_POST,
                                RegisterProblem.LIAISON_PHONE, RegisterProblem.DATE_MISSING));
        assertThat(registry.find("reg_badliaison").orElseThrow().liaisons()).isEmpty();
    }

    @Test
    void aLiaisonCannotLeaveBeforeStartingNorLeaveTwice() {
        registry.register(new ProviderRegistration("reg_leave", "老干部局", ProviderLevel.CITY, "220200"));
        Liaison l = registry.appointLiaison("reg_leave", new LiaisonAppointment("刘明", "主任", "13800000001", LocalDate.of(2026, 1, 10)));
        assertThatThrownBy(() -> registry.endLiaison("reg_leave", l.id(), LocalDate.of(2026, 1, 9)))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.has(RegisterProblem.LIAISON_DATES)).isTrue());
        registry.endLiaison("reg_leave", l.id(), LocalDate.of(2026, 1, 10));
        assertThatThrownBy(() -> registry.endLiaison("reg_leave", l.id(), LocalDate.of(2026, 2, 1)))
                .isInstanceOfSatisfying(RegisterException.class,
                        e -> assertThat(e.has(RegisterProblem.LIAISON_ALREADY_ENDED)).isTrue());
        // another provider's liaison is not this provider's
        registry.register(new ProviderRegistration("reg_leave2", "法院", ProviderLevel.CITY, "220200"));
        assertThatThrownBy(() -> registry.endLiaison("reg_leave2", l.id(), LocalDate.of(2026, 2, 1)))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.has(RegisterProblem.UNKNOWN_LIAISON)).isTrue());
    }

    @Test
    void share4_theAgeFilterIsAllowedOnlyWhereTheCatalogueAllowsIt() {
        registry.register(new ProviderRegistration("reg_medins", "吉林市医疗保障局", ProviderLevel.CITY, "220200"));
        registry.configureFeed("reg_medins", new FeedSetting(SETTLEMENTS, AgeScope.MEN_60_WOMEN_50, Map.of()));
        assertThat(registry.ageScope("reg_medins", SETTLEMENTS)).isEqualTo(AgeScope.MEN_60_WOMEN_50);

        registry.configureFeed("reg_medins", new FeedSetting("death.medical_insurance", null, Map.of()));
        assertThat(registry.ageScope("reg_medins", "death.medical_insurance")).isEqualTo(AgeScope.EVERYONE);
        assertThatThrownBy(() -> registry.configureFeed("reg_medins",
                new FeedSetting("death.medical_insurance", AgeScope.MEN_60_WOMEN_50, Map.of())))
                .isInstanceOfSatisfying(RegisterException.class,
                        e -> assertThat(e.has(RegisterProblem.AGE_FILTER_NOT_ALLOWED)).isTrue());
        assertThat(registry.ageScope("reg_medins", "death.medical_insurance")).isEqualTo(AgeScope.EVERYONE);
        // a feed the provider does not deliver covers nobody's age in particular
        assertThat(registry.ageScope("reg_medins", DEATHS)).isEqualTo(AgeScope.EVERYONE);
    }

    @Test
    void aFeedMustBeInTheCatalogue() {
        registry.register(new ProviderRegistration("reg_nofeed", "公交集团", ProviderLevel.CITY, "220200"));
        assertThatThrownBy(() -> registry.configureFeed("reg_nofeed", new FeedSetting("life.bus", null, Map.of())))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.has(RegisterProblem.UNKNOWN_FEED)).isTrue());
        assertThatThrownBy(() -> registry.configureFeed("reg_nobody", new FeedSetting(DEATHS, null, Map.of())))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.kind()).isEqualTo(RegisterProblem.Kind.NOT_FOUND));
    }

    @Test
    void share1_aProvidersOwnHeadersAreReadThroughItsAliases() {
        registry.register(new ProviderRegistration("reg_alias", "吉林市公安局", ProviderLevel.CITY, "220200"));
        registry.configureFeed("reg_alias", new FeedSetting(DEATHS, null, Map.of("殁日", "death_date", "户籍注销原因 ", "deregistration_reason")));

        Map<String, String> aliases = registry.columnAliases("reg_alias", DEATHS);
        assertThat(aliases).containsExactlyInAnyOrderEntriesOf(Map.of("殁日", "death_date", "户籍注销原因", "deregistration_reason"));
        // the lead's ingestion passes them to the header mapping: the provider's file is read as sent
        HeaderResolution resolution = HeaderMapping.resolve(FeedCatalogue.standard().find(DEATHS).orElseThrow(),
                List.of("姓名", "公民身份号码", "殁日"), aliases, "deaths.csv");
        assertThat(resolution).isInstanceOfSatisfying(ResolvedHeader.class, h -> assertThat(h.indexOf("death_date")).isEqualTo(2));

        // setting the feed again replaces the aliases
        registry.configureFeed("reg_alias", new FeedSetting(DEATHS, null, Map.of("去世日", "death_date")));
        assertThat(registry.columnAliases("reg_alias", DEATHS)).containsExactly(Map.entry("去世日", "death_date"));
        assertThat(jdbc.sql("select count(*) from sharing.provider_column_alias where provider_code = 'reg_alias'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAliasMustNameAColumnOfTheFeedAndNotCollideWithAnother() {
        registry.register(new ProviderRegistration("reg_badalias", "吉林市公安局", ProviderLevel.CITY, "220200"));
        assertThatThrownBy(() -> registry.configureFeed("reg_badalias",
                new FeedSetting(DEATHS, null, Map.of("殁日", "died_on", "死亡 日期X", "death_date", "死亡日期x", "death_date"))))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.violations())
                        .extracting(Violation::problem)
                        .containsExactlyInAnyOrder(RegisterProblem.ALIAS_COLUMN, RegisterProblem.ALIAS_DUPLICATE));
        assertThat(registry.find("reg_badalias").orElseThrow().feeds()).isEmpty();
    }

    @Test
    void theSchemaRefusesWhatTheRegistryRefusesEvenFromPlainSql() {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into sharing.provider (code, name, level, region_code, registered_on, recorded_at)
                values ('Bad Code', '公安局', 'CITY', '220200', date '2026-01-01', now())""").update())
                .hasMessageContaining("provider_code_check");
        jdbc.sql("""
                insert into sharing.provider (code, name, level, region_code, registered_on, recorded_at)
                values ('reg_sql', '公安局', 'CITY', '220200', date '2026-01-01', now())""").update();
        assertThatThrownBy(() -> jdbc.sql("""
                insert into sharing.provider_liaison (provider_code, name, post, phone, serving_from, serving_until, recorded_at)
                values ('reg_sql', '王五', '科长', '13800000000', date '2026-02-01', date '2026-01-31', now())""").update())
                .hasMessageContaining("provider_liaison_check");
    }
}
