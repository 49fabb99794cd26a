package org.vigil.sharing.quality;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.vigil.registry.RegistryBaseline;
import org.vigil.sharing.DeliveryIngestion;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.ProviderRegistry;
import org.vigil.sharing.catalogue.Cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SHARE-5: which deliveries are overdue by the feed catalogue's cadence, and the monthly check that
 * announces each once. Every delivery here arrives on the fixed today, 2026-06-15. The check
 * records what it announced in the shared database, so only this class runs it for a month after
 * January; other classes check January alone, when nothing is overdue yet.
 */
@QualityIntegrationTest
class CadenceTest {

    static final String MONTHLY = "cadence_monthly";
    static final String QUARTERLY = "cadence_quarterly";
    static final String QUARTERLY_FEED = "registry.social_assistance";

    @TempDir
    static Path workspace;

    private final DeliveryIngestion ingestion;
    private final RegistryBaseline registry;
    private final ProviderRegistry providers;
    private final AgreementRegister agreements;
    private final DeliveryCadence cadence;
    private final QualityChecks checks;
    private final Rectifications rectifications;
    private final ApplicationEvents events;
    private final MockMvc mvc;

    @Autowired
    CadenceTest(DeliveryIngestion ingestion, RegistryBaseline registry, ProviderRegistry providers,
            AgreementRegister agreements, DeliveryCadence cadence, QualityChecks checks, Rectifications rectifications,
            ApplicationEvents events, MockMvc mvc) {
        this.ingestion = ingestion;
        this.registry = registry;
        this.providers = providers;
        this.agreements = agreements;
        this.cadence = cadence;
        this.checks = checks;
        this.rectifications = rectifications;
        this.events = events;
        this.mvc = mvc;
    }

    @BeforeAll
    void deliveries() {
        QualityFixture fx = new QualityFixture(ingestion, registry, providers, agreements, workspace);
        fx.provider(MONTHLY, QualityFixture.DEATHS);
        fx.provider(QUARTERLY, QUARTERLY_FEED);
        // January, February and May delivered (all today); March and April never
        for (int m : new int[] {1, 2, 5}) {
            YearMonth month = YearMonth.of(2026, m);
            fx.ingest(MONTHLY, QualityFixture.DEATHS, month, fx.deaths(month, 700 + 10 * m, 5, 0));
        }
    }

    @Test
    void share5_aMonthlyDeliveryIsOverdueTheDayAfterItsDueDate() {
        List<OverdueDelivery> overdue = mine(cadence.overdue(LocalDate.of(2026, 6, 15)), MONTHLY);

        // March was due by 2026-04-15, April by 05-15; May's due date 06-15 is today, not yet passed
        assertThat(overdue).extracting(o -> o.period().start())
                .containsExactly(YearMonth.of(2026, 3), YearMonth.of(2026, 4));
        assertThat(overdue.get(0).dueDate()).isEqualTo(LocalDate.of(2026, 4, 15));
        assertThat(overdue.get(0).daysOverdue()).isEqualTo(61);
        assertThat(overdue.get(0).cadence()).isEqualTo(Cadence.MONTHLY);
    }

    @Test
    void share5_aDeliveryThatArrivedAfterTheDayAskedAboutWasStillOverdueThen() {
        List<OverdueDelivery> overdue = mine(cadence.overdue(LocalDate.of(2026, 5, 1)), MONTHLY);

        assertThat(overdue).extracting(o -> o.period().start())
                .containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3));
    }

    @Test
    void share5_aQuarterlyFeedOwesOneDeliveryPerCalendarQuarter() {
        List<OverdueDelivery> overdue = mine(cadence.overdue(LocalDate.of(2026, 6, 15)), QUARTERLY);

        assertThat(overdue).singleElement().satisfies(o -> {
            assertThat(o.period()).isEqualTo(new DeliveryPeriod(YearMonth.of(2026, 1), YearMonth.of(2026, 3)));
            assertThat(o.dueDate()).isEqualTo(LocalDate.of(2026, 4, 15));
            assertThat(o.cadence()).isEqualTo(Cadence.QUARTERLY);
        });
    }

    @Test
    void share5_punctualityCountsPeriodsOnTimeLateAndMissing() {
        Timeliness t = cadence.timeliness(MONTHLY, 2026, LocalDate.of(2026, 6, 20));

        // due by 06-20: January to May. January and February arrived late (today), May on time, March and April never
        assertThat(t).isEqualTo(new Timeliness(5, 1, 2, 2));
        assertThat(t.onTimeShare()).isEqualTo(new Rate(1, 5));
    }

    @Test
    void share5_theMonthlyCheckAnnouncesEachOverdueDeliveryOnce_andAsksForRectification() {
        MonthlyCheck first = checks.run(YearMonth.of(2026, 5));
        long announced = events.stream(DeliveryOverdue.class).filter(e -> e.provider().equals(MONTHLY)).count();
        MonthlyCheck again = checks.run(YearMonth.of(2026, 5));

        // as of 2026-05-31 nothing had arrived yet: January to April were overdue
        assertThat(mine(first.newlyOverdue(), MONTHLY)).extracting(o -> o.period().start()).containsExactly(
                YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3), YearMonth.of(2026, 4));
        assertThat(announced).isEqualTo(4);
        assertThat(events.stream(DeliveryOverdue.class).filter(e -> e.provider().equals(MONTHLY)))
                .allSatisfy(e -> assertThat(e.checkedMonth()).isEqualTo(YearMonth.of(2026, 5)));
        assertThat(mine(again.newlyOverdue(), MONTHLY)).isEmpty();
        assertThat(events.stream(DeliveryOverdue.class).filter(e -> e.provider().equals(MONTHLY)).count())
                .as("the second run announces nothing").isEqualTo(4);
        assertThat(again.notices()).noneMatch(r -> r.provider().equals(MONTHLY));
        List<Rectification> late = rectifications.list(java.util.Optional.of(MONTHLY), java.util.Optional.empty(),
                QualityTestConfiguration.TODAY);
        assertThat(late).extracting(Rectification::issue).containsOnly(QualityIssue.LATE_DELIVERY);
        assertThat(late).extracting(Rectification::month).containsExactlyInAnyOrder(YearMonth.of(2026, 1),
                YearMonth.of(2026, 2), YearMonth.of(2026, 3), YearMonth.of(2026, 4));
        assertThat(late).allSatisfy(r -> assertThat(r.finding()).contains("应于").contains("was due by"));
    }

    @Test
    void share5_theRestApiListsOverdueDeliveriesAndRunsTheCheck() throws Exception {
        mvc.perform(get("/api/quality/overdue").param("asOf", "2026-06-15"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.provider == '" + QUARTERLY + "')].period.start").value("2026-01"))
                .andExpect(jsonPath("$[?(@.provider == '" + QUARTERLY + "')].cadenceChinese").value("每季度"));
        // January: nothing is overdue yet at its end, so this run records nothing another test counts on
        mvc.perform(post("/api/quality/checks").contentType("application/json").content("{\"month\": \"2026-01\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.month").value("2026-01"))
                .andExpect(jsonPath("$.newlyOverdue").isEmpty());
        mvc.perform(post("/api/quality/checks").contentType("application/json").content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("month"));
    }

    private static List<OverdueDelivery> mine(List<OverdueDelivery> all, String provider) {
        return all.stream().filter(o -> o.provider().equals(provider)).toList();
    }
}
