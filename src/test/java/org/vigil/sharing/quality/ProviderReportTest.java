package org.vigil.sharing.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.registry.RegistryBaseline;
import org.vigil.sharing.DeliveryIngestion;
import org.vigil.sharing.DeliveryStatus;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.ProviderRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SHARE-9: the yearly evaluation of each provider, with an improvement suggestion from its weakest
 * point, written as a workbook that is read back here as a spreadsheet program would read it.
 */
@QualityIntegrationTest
class ProviderReportTest {

    static final YearMonth MAY = YearMonth.of(2026, 5);
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 20);
    static final String NOISY = "report_noisy";
    static final String CLEAN = "report_clean";
    static final String FRESH = "report_fresh";

    @TempDir
    static Path workspace;

    private final DeliveryIngestion ingestion;
    private final RegistryBaseline registry;
    private final ProviderRegistry providers;
    private final AgreementRegister agreements;
    private final ProviderEvaluations evaluations;

    @Autowired
    ProviderReportTest(DeliveryIngestion ingestion, RegistryBaseline registry, ProviderRegistry providers,
            AgreementRegister agreements, ProviderEvaluations evaluations) {
        this.ingestion = ingestion;
        this.registry = registry;
        this.providers = providers;
        this.agreements = agreements;
        this.evaluations = evaluations;
    }

    @BeforeAll
    void deliveries() {
        QualityFixture fx = new QualityFixture(ingestion, registry, providers, agreements, workspace);
        // agreements from May: only May is owed, and its delivery today (06-15) is on time
        fx.provider(NOISY, QualityFixture.DEATHS, LocalDate.of(2026, 5, 1));
        fx.provider(CLEAN, QualityFixture.DEATHS, LocalDate.of(2026, 5, 1));
        fx.provider(FRESH, QualityFixture.DEATHS, LocalDate.of(2026, 6, 1));
        assertThat(fx.ingest(NOISY, QualityFixture.DEATHS, MAY, fx.deaths(MAY, 900, 70, 30)).status())
                .isEqualTo(DeliveryStatus.QUARANTINED);
        assertThat(fx.ingest(CLEAN, QualityFixture.DEATHS, MAY, fx.deaths(MAY, 940, 30, 0)).status())
                .isEqualTo(DeliveryStatus.APPLIED);
    }

    @Test
    void share9_theWeakestFigureBecomesTheSuggestion() {
        ProviderEvaluation noisy = evaluation(NOISY);

        assertThat(noisy.figures().deliveries()).isEqualTo(1);
        assertThat(noisy.figures().held()).isEqualTo(1);
        assertThat(noisy.timeliness()).isEqualTo(new Timeliness(1, 1, 0, 0));
        assertThat(noisy.openRectifications()).as("the hold asked for two corrections").isEqualTo(2);
        // anomalies 30 % against 5 % strain 6×, ingestion 70 % against 90 % only 3×
        assertThat(noisy.suggestion().weakest()).contains(QualityIssue.ANOMALY_RATE);
        assertThat(noisy.suggestion().metMinimums()).isFalse();
        assertThat(noisy.suggestion().chinese()).contains("异常率 30.0%").contains("不高于 5.0%")
                .contains(QualityIssue.ANOMALY_RATE.adviceChinese());
        assertThat(noisy.suggestion().english()).contains(QualityIssue.ANOMALY_RATE.adviceEnglish());
    }

    @Test
    void share9_aProviderWithinEveryThresholdIsToldSo_andOneWithNothingDueHasNothingToEvaluate() {
        ProviderEvaluation clean = evaluation(CLEAN);
        ProviderEvaluation fresh = evaluation(FRESH);

        assertThat(clean.suggestion().metMinimums()).isTrue();
        assertThat(clean.suggestion().chinese()).startsWith("各项指标均达到要求");
        assertThat(clean.openRectifications()).isZero();
        assertThat(fresh.suggestion().weakest()).isEmpty();
        assertThat(fresh.suggestion().chinese()).isEqualTo("本年度没有可评估的报送");
    }

    @Test
    void share9_theWorkbookHasARowPerProviderWithItsFiguresAndSuggestion() throws IOException {
        Path file = evaluations.writeWorkbook(2026, AS_OF, workspace.resolve("reports"));

        assertThat(file.getFileName().toString()).isEqualTo("provider-evaluation-2026.xlsx");
        assertThat(Files.list(file.getParent())).as("no partial file left behind").containsExactly(file);
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            assertThat(workbook.getSheets().map(Sheet::getName)).containsExactly(EvaluationWorkbook.PROVIDERS,
                    EvaluationWorkbook.FEEDS, EvaluationWorkbook.DEFINITIONS);
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).contains("2026").contains("2026-06-20");
            assertThat(rows.get(1).stream().map(c -> c.getText()).toList())
                    .isEqualTo(EvaluationWorkbook.PROVIDER_HEADERS);
            Row noisy = row(rows, NOISY);
            assertThat(noisy.getCellAsNumber(2).orElseThrow()).isEqualByComparingTo("1");   // deliveries
            assertThat(noisy.getCellAsNumber(4).orElseThrow()).isEqualByComparingTo("1");   // held
            assertThat(noisy.getCellAsNumber(5).orElseThrow()).isEqualByComparingTo("100");   // rows read
            assertThat(noisy.getCellAsNumber(10).orElseThrow()).isEqualByComparingTo("1");  // on-time share
            assertThat(noisy.getCellAsNumber(14).orElseThrow()).isEqualByComparingTo("0.3");   // anomaly rate
            assertThat(noisy.getCellAsNumber(16).orElseThrow()).isEqualByComparingTo("2");   // open rectifications
            assertThat(noisy.getCellText(18)).isEqualTo("异常率偏高 / high anomaly rate");
            assertThat(noisy.getCellText(19)).contains(QualityIssue.ANOMALY_RATE.adviceChinese());
            Row fresh = row(rows, FRESH);
            assertThat(fresh.getCellText(11)).as("no rate without rows").isEmpty();

            List<Row> feeds = workbook.findSheet(EvaluationWorkbook.FEEDS).orElseThrow().read();
            assertThat(feeds).anySatisfy(r -> {
                assertThat(r.getCellText(0)).isEqualTo(CLEAN);
                assertThat(r.getCellText(1)).isEqualTo(QualityFixture.DEATHS);
                assertThat(r.getCellText(2)).isEqualTo("户籍死亡注销人员");
                assertThat(r.getCellAsNumber(6).orElseThrow()).isEqualByComparingTo("1");
            });
            List<Row> definitions = workbook.findSheet(EvaluationWorkbook.DEFINITIONS).orElseThrow().read();
            assertThat(definitions.get(EvaluationWorkbook.FIRST_DATA_ROW + 3).getCellText(3)).isEqualTo("≤ 5.0%");
        }
    }

    private ProviderEvaluation evaluation(String provider) {
        return evaluations.evaluate(2026, AS_OF).stream().filter(e -> e.provider().equals(provider)).findFirst()
                .orElseThrow();
    }

    private static Row row(List<Row> rows, String provider) {
        return rows.stream().filter(r -> provider.equals(r.getCellText(0))).findFirst().orElseThrow();
    }

}
