package org.vigil.sharing.quality;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.vigil.sharing.catalogue.FeedCatalogue;
import org.vigil.sharing.catalogue.FeedDefinition;

/**
 * The yearly evaluation as an XLSX workbook, for publishing (SHARE-9) and for the performance
 * assessment it feeds. Rates are numbers formatted as percentages, so the sheet can be sorted and
 * charted; a rate with nothing to measure is left blank rather than shown as 0 or 100 %.
 * Layout: row 0 a title, row 1 the headers (Chinese / English), data from row 2.
 */
final class EvaluationWorkbook {

    static final String PROVIDERS = "提供单位评估";
    static final String FEEDS = "数据项明细";
    static final String DEFINITIONS = "指标说明";
    static final int FIRST_DATA_ROW = 2;

    static final List<String> PROVIDER_HEADERS = List.of("提供单位代码 / provider", "名称 / name", "报送次数 / deliveries",
            "拒收 / refused", "暂扣 / held", "读入行数 / rows read", "应报期数 / periods due", "按时 / on time",
            "逾期报送 / late", "未报送 / missing", "按时率 / on-time share", "入库率 / ingestion", "齐全率 / completeness",
            "记实率 / recorded", "异常率 / anomaly", "重复率 / duplicate", "未结整改 / open rectifications",
            "逾期整改 / overdue rectifications", "最弱项 / weakest", "改进建议 / suggestion");

    static final List<String> FEED_HEADERS = List.of("提供单位代码 / provider", "数据项代码 / feed", "数据项 / feed title",
            "报送次数 / deliveries", "暂扣 / held", "读入行数 / rows read", "入库率 / ingestion", "齐全率 / completeness",
            "记实率 / recorded", "异常率 / anomaly", "重复率 / duplicate");

    private static final String PERCENT = "0.0%";

    private EvaluationWorkbook() {
    }

    static void write(Path file, int year, LocalDate asOf, List<ProviderEvaluator.Evaluated> evaluations,
            ThresholdSet defaults, FeedCatalogue catalogue) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Vigil", "1.0");
            providers(workbook.newWorksheet(PROVIDERS), year, asOf, evaluations);
            feeds(workbook.newWorksheet(FEEDS), year, evaluations, catalogue);
            definitions(workbook.newWorksheet(DEFINITIONS), year, defaults);
            workbook.finish();
        }
    }

    private static void providers(Worksheet sheet, int year, LocalDate asOf, List<ProviderEvaluator.Evaluated> all) {
        sheet.value(0, 0, year + " 年度数据共享提供单位评估 / evaluation of data providers " + year + "（截至 / as of "
                + asOf + "）");
        sheet.style(0, 0).bold().set();
        headers(sheet, PROVIDER_HEADERS);
        int row = FIRST_DATA_ROW;
        for (ProviderEvaluator.Evaluated e : all) {
            ProviderEvaluation v = e.evaluation();
            QualityFigures f = v.figures();
            Timeliness t = v.timeliness();
            int c = 0;
            sheet.value(row, c++, v.provider());
            sheet.value(row, c++, v.name());
            sheet.value(row, c++, f.deliveries());
            sheet.value(row, c++, f.refused());
            sheet.value(row, c++, f.held());
            sheet.value(row, c++, f.rowsRead());
            sheet.value(row, c++, t.due());
            sheet.value(row, c++, t.onTime());
            sheet.value(row, c++, t.late());
            sheet.value(row, c++, t.missing());
            rate(sheet, row, c++, t.onTimeShare());
            for (QualityMetric m : QualityMetric.values()) {
                rate(sheet, row, c++, f.rate(m));
            }
            sheet.value(row, c++, v.openRectifications());
            sheet.value(row, c++, v.overdueRectifications());
            sheet.value(row, c++, v.suggestion().weakest().map(i -> i.chinese() + " / " + i.english()).orElse(""));
            sheet.value(row, c, v.suggestion().chinese() + "\n" + v.suggestion().english());
            sheet.style(row, c).wrapText(true).set();
            row++;
        }
        sheet.width(1, 24);
        sheet.width(PROVIDER_HEADERS.size() - 1, 80);
        sheet.freezePane(2, FIRST_DATA_ROW);
    }

    private static void feeds(Worksheet sheet, int year, List<ProviderEvaluator.Evaluated> all, FeedCatalogue catalogue) {
        sheet.value(0, 0, year + " 年度各数据项质量 / quality per feed " + year);
        sheet.style(0, 0).bold().set();
        headers(sheet, FEED_HEADERS);
        int row = FIRST_DATA_ROW;
        for (ProviderEvaluator.Evaluated e : all) {
            for (FeedQuality feed : e.quality().feeds()) {
                QualityFigures f = feed.year();
                int c = 0;
                sheet.value(row, c++, e.evaluation().provider());
                sheet.value(row, c++, feed.feed());
                sheet.value(row, c++, catalogue.find(feed.feed()).map(FeedDefinition::title).orElse(""));
                sheet.value(row, c++, f.deliveries());
                sheet.value(row, c++, f.held());
                sheet.value(row, c++, f.rowsRead());
                for (QualityMetric m : QualityMetric.values()) {
                    rate(sheet, row, c++, f.rate(m));
                }
                row++;
            }
        }
        sheet.width(1, 30);
        sheet.width(2, 30);
        sheet.freezePane(2, FIRST_DATA_ROW);
    }

    private static void definitions(Worksheet sheet, int year, ThresholdSet defaults) {
        sheet.value(0, 0, "指标定义与 " + year + " 年 12 月的默认阈值 / definitions and the default thresholds of December "
                + year + "（各数据项可另有阈值 / feeds may have their own）");
        sheet.style(0, 0).bold().set();
        headers(sheet, List.of("指标 / metric", "分子 / numerator", "分母 / denominator", "默认阈值 / default threshold"));
        int row = FIRST_DATA_ROW;
        for (QualityMetric m : QualityMetric.values()) {
            sheet.value(row, 0, m.chinese() + " / " + m.english());
            sheet.value(row, 1, numerator(m));
            sheet.value(row, 2, denominator(m));
            sheet.value(row, 3, (m.bound() == QualityMetric.Bound.AT_LEAST ? "≥ " : "≤ ")
                    + Rate.percent(defaults.threshold(m)));
            row++;
        }
        sheet.value(row, 0, "按时率 / on-time share");
        sheet.value(row, 1, "截止日前报送的期数 / periods delivered by their due date");
        sheet.value(row, 2, "已到截止日的应报期数 / periods whose due date has passed");
        sheet.value(row, 3, "≥ " + Rate.percent(defaults.value(QualityRule.ON_TIME_SHARE_MIN)));
        for (int c = 0; c < 4; c++) {
            sheet.width(c, c == 0 ? 28 : 48);
        }
    }

    static String numerator(QualityMetric m) {
        return switch (m) {
            case INGESTION -> "入库行数 / accepted rows";
            case COMPLETENESS -> "必填项中已填写的单元格 / filled cells of required columns";
            case RECORDED -> "入库行中身份证号码对应登记人员的行 / accepted rows naming a registry person";
            case ANOMALY -> "拒收行与无可用身份证号码待人工核对的行 / rejected rows and rows without a usable ID";
            case DUPLICATE -> "同一文件中完全重复的行 / exact repeats within a file";
        };
    }

    static String denominator(QualityMetric m) {
        return switch (m) {
            case INGESTION -> "读入行数减按年龄范围排除的行 / rows read less age-filtered rows";
            case COMPLETENESS -> "必填项单元格总数 / cells of required columns";
            case RECORDED -> "入库行数 / accepted rows";
            case ANOMALY, DUPLICATE -> "读入行数 / rows read";
        };
    }

    private static void headers(Worksheet sheet, List<String> headers) {
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(1, c, headers.get(c));
            sheet.style(1, c).bold().wrapText(true).set();
            sheet.width(c, Math.max(12, Math.min(24, headers.get(c).length())));
        }
    }

    private static void rate(Worksheet sheet, int row, int column, Rate rate) {
        rate.value().ifPresent(v -> {
            sheet.value(row, column, v);
            sheet.style(row, column).format(PERCENT).set();
        });
    }
}
