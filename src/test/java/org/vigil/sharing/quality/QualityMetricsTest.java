package org.vigil.sharing.quality;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.vigil.registry.RegistryBaseline;
import org.vigil.sharing.DeliveryIngestion;
import org.vigil.sharing.DeliveryStatus;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.ProviderRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * DATA-12 metrics over time: a provider's month and year figures summed from its deliveries, held
 * and discarded ones included, and the REST view of them.
 */
@QualityIntegrationTest
class QualityMetricsTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final YearMonth APRIL = YearMonth.of(2026, 4);
    static final String PROVIDER = "metrics_a";

    @TempDir
    static Path workspace;

    private final DeliveryIngestion ingestion;
    private final RegistryBaseline registry;
    private final ProviderRegistry providers;
    private final AgreementRegister agreements;
    private final QualityMetrics metrics;
    private final MockMvc mvc;

    @Autowired
    QualityMetricsTest(DeliveryIngestion ingestion, RegistryBaseline registry, ProviderRegistry providers,
            AgreementRegister agreements, QualityMetrics metrics, MockMvc mvc) {
        this.ingestion = ingestion;
        this.registry = registry;
        this.providers = providers;
        this.agreements = agreements;
        this.metrics = metrics;
        this.mvc = mvc;
    }

    @BeforeAll
    void deliveries() {
        QualityFixture fx = new QualityFixture(ingestion, registry, providers, agreements, workspace);
        fx.provider(PROVIDER, QualityFixture.DEATHS);
        // March: one held (70 good, 30 broken) and one applied (24 good, 1 broken); April: a small one (3 and 3)
        assertThat(fx.ingest(PROVIDER, QualityFixture.DEATHS, MARCH, fx.deaths(MARCH, 0, 70, 30)).status())
                .isEqualTo(DeliveryStatus.QUARANTINED);
        assertThat(fx.ingest(PROVIDER, QualityFixture.DEATHS, MARCH, fx.deaths(MARCH, 100, 24, 1)).status())
                .isEqualTo(DeliveryStatus.APPLIED);
        assertThat(fx.ingest(PROVIDER, QualityFixture.DEATHS, APRIL, fx.deaths(APRIL, 130, 3, 3)).status())
                .isEqualTo(DeliveryStatus.APPLIED);
        // a file whose header does not fit is refused before any row is read
        Path wrong = fx.write(List.of("姓名,证件号,姓名", "张三,220202195001011234,张三"));
        assertThat(fx.ingest(PROVIDER, QualityFixture.DEATHS, APRIL, wrong).status()).isEqualTo(DeliveryStatus.REFUSED);
    }

    @Test
    void data12_monthAndYearFiguresSumTheCountsOfEveryDeliveryRead() {
        ProviderQuality q = metrics.ofProvider(PROVIDER, 2026);

        assertThat(q.feeds()).singleElement().satisfies(f -> {
            assertThat(f.feed()).isEqualTo(QualityFixture.DEATHS);
            assertThat(f.months()).extracting(MonthQuality::month).containsExactly(MARCH, APRIL);
            QualityFigures march = f.months().get(0).figures();
            assertThat(march.deliveries()).isEqualTo(2);
            assertThat(march.held()).isEqualTo(1);
            assertThat(march.rate(QualityMetric.INGESTION)).isEqualTo(new Rate(94, 125));
            assertThat(march.rate(QualityMetric.ANOMALY)).isEqualTo(new Rate(31, 125));
            assertThat(f.months().get(1).figures().refused()).isEqualTo(1);
        });
        QualityFigures year = q.total();
        assertThat(year.deliveries()).isEqualTo(3);
        assertThat(year.refused()).isEqualTo(1);
        assertThat(year.held()).isEqualTo(1);
        assertThat(year.rowsRead()).isEqualTo(131);
        assertThat(year.rate(QualityMetric.INGESTION)).isEqualTo(new Rate(97, 131));
        assertThat(year.rate(QualityMetric.RECORDED)).as("every accepted row is a registry person").isEqualTo(new Rate(97, 97));
        assertThat(year.rate(QualityMetric.DUPLICATE)).isEqualTo(new Rate(0, 131));
        assertThat(year.rate(QualityMetric.COMPLETENESS)).isEqualTo(new Rate(393, 393));
    }

    @Test
    void data12_theYearlyRateIsNotTheAverageOfMonthlyRates() {
        Rate year = metrics.ofProvider(PROVIDER, 2026).total().rate(QualityMetric.INGESTION);

        // the months are 94/125 = 75.2 % and 3/6 = 50 %: their average 62.6 % would let a small month
        // weigh as much as a large one; 97/131 is the share of all rows
        assertThat(year.value()).contains(new BigDecimal("0.7405"));
    }

    @Test
    void data12_aYearWithoutDeliveriesHasNoRatesRatherThanPerfectOnes() {
        ProviderQuality q = metrics.ofProvider(PROVIDER, 2025);

        assertThat(q.feeds()).isEmpty();
        assertThat(q.total().rate(QualityMetric.INGESTION).value()).isEmpty();
    }

    @Test
    void data12_anUnknownProviderHasNoMetrics() {
        assertThatThrownBy(() -> metrics.ofProvider("nobody_here", 2026))
                .isInstanceOf(QualityException.class)
                .extracting(e -> ((QualityException) e).kind()).isEqualTo(QualityException.Kind.NOT_FOUND);
    }

    @Test
    void data12_theRestApiShowsAProvidersRatesPerFeedMonthAndYear() throws Exception {
        mvc.perform(get("/api/quality/providers/{code}", PROVIDER).param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provider").value(PROVIDER))
                .andExpect(jsonPath("$.total.ingestion.numerator").value(97))
                .andExpect(jsonPath("$.total.ingestion.denominator").value(131))
                .andExpect(jsonPath("$.total.ingestion.percent").value("74.0%"))
                .andExpect(jsonPath("$.feeds[0].feed").value(QualityFixture.DEATHS))
                .andExpect(jsonPath("$.feeds[0].months[0].month").value("2026-03"))
                .andExpect(jsonPath("$.feeds[0].months[0].figures.anomaly.value").value(0.248))
                .andExpect(jsonPath("$.feeds[0].months[1].figures.deliveries").value(1));
    }

    @Test
    void data12_theRestApiAnswersProblemDetails() throws Exception {
        mvc.perform(get("/api/quality/providers/{code}", "nobody_here").param("year", "2026"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:vigil:problem:quality:not-found"))
                .andExpect(jsonPath("$.detail").value(containsString("nobody_here")));
        mvc.perform(get("/api/quality/providers/{code}", PROVIDER).param("year", "1900"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }
}
