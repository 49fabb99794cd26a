package org.vigil.sharing.quality;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.sharing.catalogue.FeedCatalogue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SHARE-9: the PDF's layout under what the fixture of {@link ProviderReportTest} does not have:
 * many providers, so sections and tables run over pages, long names and suggestions that must
 * wrap, an unbroken Latin run longer than its column, and a character the font cannot draw.
 * Built from evaluations made up here, so it needs the font but no database.
 */
class EvaluationPdfTest {

    static final LocalDate AS_OF = LocalDate.of(2027, 1, 20);
    static final String LONG_NAME = "吉林省吉林市船营区人民政府北京路街道办事处社区卫生服务中心（含下属各社区卫生服务站及家庭医生签约服务团队）";
    static final String UNBROKEN = "https://data.example.org/" + "x".repeat(160);

    @TempDir
    Path dir;

    @Test
    void share9_manyProvidersRunOverPagesWithNumberedPagesAndTextWrappedWithinTheMargins() throws IOException {
        List<ProviderEvaluator.Evaluated> all = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            all.add(evaluated("p" + i, i == 3 ? LONG_NAME : "测试部门" + i + (i == 5 ? "🙂" : ""), i));
        }
        Path file = dir.resolve("e.pdf");
        try (CjkFont font = CjkFontTest.requireCjkFont()) {
            EvaluationPdf.write(file, 2026, AS_OF, all, defaults(), FeedCatalogue.standard(), font);
        }

        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).as("two dozen providers do not fit one page").isGreaterThan(3);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(pdf);
            // in drawing order, a wrapped cell's lines come together
            String flat = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");

            assertThat(text).contains("第 " + pages + " 页，共 " + pages + " 页 / page " + pages + " of " + pages);
            assertThat(flat).contains(LONG_NAME + "（p3）").contains("测试部门5?（p5）").contains(UNBROKEN)
                    .contains(longSuggestion(7).replaceAll("\\s+", ""));
            assertThat(text.lines().filter(l -> l.startsWith("数据项"))).as("the feed table's header on each page it runs onto")
                    .hasSizeGreaterThanOrEqualTo(all.size());
            assertThat(glyphsBeyondTheMargins(pdf)).isEmpty();
        }
    }

    private static ProviderEvaluator.Evaluated evaluated(String code, String name, int i) {
        QualityFigures deaths = figures(3 + i % 4, i % 2, 1200 + i, 1100 + i, 0.02);
        QualityFigures cremation = figures(2, 0, 300, 240, 0.15);
        List<FeedQuality> feeds = i % 6 == 0 ? List.of()
                : List.of(new FeedQuality("death.police_deregistration", deaths, List.of()),
                        new FeedQuality("death.cremation", cremation, List.of()),
                        new FeedQuality("unknown.feed_" + code, QualityFigures.NONE, List.of()));
        QualityFigures total = feeds.stream().map(FeedQuality::year).reduce(QualityFigures.NONE, QualityFigures::plus);
        Suggestion suggestion = i % 6 == 0
                ? new Suggestion(Optional.empty(), Optional.empty(), true, "本年度没有可评估的报送",
                        "nothing was delivered or due this year to evaluate")
                : new Suggestion(Optional.of(QualityIssue.ANOMALY_RATE), Optional.of("death.cremation"), false,
                        longSuggestion(i), i == 9 ? UNBROKEN : "death.cremation: high anomaly rate: anomaly rate 15.0%, "
                                + "required at most 5.0%. Suggestion: " + QualityIssue.ANOMALY_RATE.adviceEnglish() + ".");
        return new ProviderEvaluator.Evaluated(new ProviderEvaluation(code, name, 2026, total,
                new Timeliness(12, 12 - i % 3, i % 3, 0), i % 3, i % 2, suggestion),
                new ProviderQuality(code, 2026, total, feeds));
    }

    private static String longSuggestion(int i) {
        return "殡仪馆火化人员（death.cremation）异常率偏高：异常率 15.0%，要求不高于 5.0%。建议"
                + QualityIssue.ANOMALY_RATE.adviceChinese() + "。" + "另请于每月十日前报送上月数据，".repeat(i % 4);
    }

    private static QualityFigures figures(long deliveries, long held, long rows, long accepted, double anomaly) {
        Map<QualityMetric, Rate> rates = new EnumMap<>(QualityMetric.class);
        rates.put(QualityMetric.INGESTION, new Rate(accepted, rows));
        rates.put(QualityMetric.COMPLETENESS, new Rate(rows * 3 - 7, rows * 3));
        rates.put(QualityMetric.RECORDED, new Rate(accepted - 5, accepted));
        rates.put(QualityMetric.ANOMALY, new Rate(Math.round(rows * anomaly), rows));
        rates.put(QualityMetric.DUPLICATE, new Rate(0, rows));
        return new QualityFigures(deliveries, 0, held, rows, accepted, rates);
    }

    private static ThresholdSet defaults() {
        Map<QualityRule, ThresholdValue> values = new EnumMap<>(QualityRule.class);
        for (QualityRule rule : QualityRule.values()) {
            String v = switch (rule) {
                case INGESTION_RATE_MIN, COMPLETENESS_RATE_MIN, RECORDED_RATE_MIN, ON_TIME_SHARE_MIN -> "0.9";
                case ANOMALY_RATE_MAX, DUPLICATE_RATE_MAX -> "0.05";
                default -> "3";
            };
            values.put(rule, new ThresholdValue(new BigDecimal(v), Optional.empty(), YearMonth.of(2020, 1)));
        }
        return new ThresholdSet(Optional.empty(), YearMonth.of(2026, 12), values);
    }

    /** Glyphs that end right of the right margin or start left of the left one. */
    static List<String> glyphsBeyondTheMargins(PDDocument pdf) throws IOException {
        List<String> out = new ArrayList<>();
        PDFTextStripper positions = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> glyphs) throws IOException {
                for (TextPosition g : glyphs) {
                    if (g.getXDirAdj() < 30 || g.getXDirAdj() + g.getWidthDirAdj() > g.getPageWidth() - 30) {
                        out.add(g.getUnicode() + " at " + g.getXDirAdj() + " in \"" + text + "\"");
                    }
                }
                super.writeString(text, glyphs);
            }
        };
        positions.getText(pdf);
        return out;
    }
}
