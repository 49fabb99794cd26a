package org.vigil.sharing.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * SHARE-9: the yearly evaluation of each provider, with an improvement suggestion from its weakest
 * point, written as a workbook that is read back here as a spreadsheet program would read it, and
 * as a PDF whose text is extracted again (these need a CJK font: see {@link CjkFontTest}).
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
    private final DeliveryLedger ledger;
    private final DeliveryCadence cadence;
    private final Rectifications rectifications;
    private final QualityThresholds thresholds;

    @Autowired
    ProviderReportTest(DeliveryIngestion ingestion, RegistryBaseline registry, ProviderRegistry providers,
            AgreementRegister agreements, ProviderEvaluations evaluations, DeliveryLedger ledger,
            DeliveryCadence cadence, Rectifications rectifications, QualityThresholds thresholds) {
        this.ingestion = ingestion;
        this.registry = registry;
        this.providers = providers;
        this.agreements = agreements;
        this.evaluations = evaluations;
        this.ledger = ledger;
        this.cadence = cadence;
        this.rectifications = rectifications;
        this.thresholds = thresholds;
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

    @Test
    void share9_thePdfShowsEveryProviderInChineseWithItsFiguresFeedsAndSuggestion() throws IOException {
        CjkFontTest.requireCjkFont();
        Path file = evaluations.writePdf(2026, AS_OF, workspace.resolve("pdf"));

        assertThat(file.getFileName().toString()).isEqualTo("provider-evaluation-2026.pdf");
        assertThat(Files.list(file.getParent())).as("no partial file left behind").containsExactly(file);
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isPositive();
            for (PDPage page : pdf.getPages()) {
                assertThat(page.getMediaBox().getWidth()).as("A4 landscape").isCloseTo(842, within(1f));
                assertThat(page.getMediaBox().getHeight()).isCloseTo(595, within(1f));
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(pdf);
            // in drawing order, a wrapped cell's lines come together
            String flat = flat(new PDFTextStripper().getText(pdf));

            assertThat(text).contains("2026 年度数据共享提供单位评估").contains("截至 / as of 2026-06-20");
            assertThat(flat).contains("测试部门" + NOISY + "（" + NOISY + "）").contains("测试部门" + CLEAN)
                    .contains("测试部门" + FRESH).contains("户籍死亡注销人员").contains(QualityFixture.DEATHS);
            for (String provider : List.of(NOISY, CLEAN, FRESH)) {
                Suggestion s = evaluation(provider).suggestion();
                assertThat(flat).as("the suggestion to %s", provider).contains(flat(s.chinese()))
                        .contains(flat(s.english()));
            }
            List<String> noisy = section(text, NOISY);
            assertThat(noisy.get(0)).contains("未达到要求");
            // deliveries, refused, held, rows read, due, on time, late, missing, on-time share, open and overdue notices
            assertThat(noisy).contains("1 0 1 100 1 1 0 0 100.0% 2 0");
            // the feed's year and the provider's total: 70 of 100 rows accepted, 30 anomalies, no repeats
            assertThat(noisy).filteredOn(l -> l.startsWith("户籍死亡注销人员 1 1 100 70.0% ")).singleElement()
                    .satisfies(l -> assertThat(l).endsWith(" 30.0% 0.0%"));
            assertThat(noisy).filteredOn(l -> l.startsWith("全部数据项合计 / all feeds 1 1 100 70.0% ")).hasSize(1);
            assertThat(noisy).anySatisfy(l -> assertThat(l).contains("异常率偏高 / high anomaly rate"));
            List<String> fresh = section(text, FRESH);
            assertThat(fresh).contains("全部数据项合计 / all feeds 0 0 0 — — — — —");
            assertThat(text).contains("指标说明 / definitions").contains("≤ 5.0%");

            for (int p = 1; p <= pages; p++) {
                assertThat(text).contains("第 " + p + " 页，共 " + pages + " 页 / page " + p + " of " + pages);
            }
            int fonts = 0;
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                    assertThat(font.getName()).as("a subset, tagged as PDF requires").matches("[A-Z]{6}\\+.+");
                    fonts++;
                }
            }
            assertThat(fonts).isPositive();
            assertThat(Files.size(file)).as("a subset, not the whole font").isLessThan(1_000_000);
            assertThat(EvaluationPdfTest.glyphsBeyondTheMargins(pdf)).as("text wraps within the page").isEmpty();
        }
    }

    @Test
    void share9_withoutAUsableFontThePdfIsRefusedAndNothingIsWritten_whileTheWorkbookStillIs() throws IOException {
        Path notAFont = Files.writeString(workspace.resolve("notes.ttf"), "这不是字体 / not a font");
        for (String configured : List.of(workspace.resolve("no-such-font.ttc").toString(), notAFont.toString())) {
            ProviderEvaluator evaluator = new ProviderEvaluator(providers, ledger, cadence, rectifications, thresholds,
                    configured);
            Path fresh = workspace.resolve("refused-" + Math.abs(configured.hashCode()));
            assertThatThrownBy(() -> evaluator.writePdf(2026, AS_OF, fresh))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("vigil.report.cjk-font").hasMessageContaining("VIGIL_REPORT_CJK_FONT")
                    .hasMessageContaining("fonts-wqy-microhei").hasMessageContaining(configured);
            assertThat(fresh).as("not even the folder").doesNotExist();

            Path earlier = Files.createDirectories(workspace.resolve("published-" + Math.abs(configured.hashCode())));
            Path old = Files.writeString(earlier.resolve("provider-evaluation-2026.pdf"), "last week's");
            assertThatThrownBy(() -> evaluator.writePdf(2026, AS_OF, earlier)).isInstanceOf(IllegalStateException.class);
            assertThat(Files.list(earlier)).as("the published file is left as it was").containsExactly(old);
            assertThat(old).hasContent("last week's");

            assertThat(evaluator.writeWorkbook(2026, AS_OF, earlier)).isRegularFile();
        }
    }

    /** The lines of one provider's section, from its heading to the next section's. */
    private static List<String> section(String text, String provider) {
        List<String> lines = text.lines().toList();
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("测试部门" + provider + "（")) {
                from = i;
                break;
            }
        }
        assertThat(from).as("the section of " + provider).isNotNegative();
        int to = from + 1;
        while (to < lines.size() && !lines.get(to).startsWith("测试部门") && !lines.get(to).startsWith("指标说明")) {
            to++;
        }
        return lines.subList(from, to);
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    private ProviderEvaluation evaluation(String provider) {
        return evaluations.evaluate(2026, AS_OF).stream().filter(e -> e.provider().equals(provider)).findFirst()
                .orElseThrow();
    }

    private static Row row(List<Row> rows, String provider) {
        return rows.stream().filter(r -> provider.equals(r.getCellText(0))).findFirst().orElseThrow();
    }

}
