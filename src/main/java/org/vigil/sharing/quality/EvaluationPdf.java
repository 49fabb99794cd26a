package org.vigil.sharing.quality;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.vigil.sharing.catalogue.FeedCatalogue;
import org.vigil.sharing.catalogue.FeedDefinition;

/**
 * The yearly evaluation as a PDF for publishing to the departments (SHARE-9), over the same
 * evaluations as {@link EvaluationWorkbook}: a section per provider with its deliveries and
 * punctuality, its feeds with the five DATA-12 rates and their total, and the improvement
 * suggestion, then the definitions and default thresholds. A4 landscape, because the rate tables
 * are wide and a department prints on A4.
 *
 * <p>Every character is drawn with the one embedded CJK face ({@link CjkFont}); headings are made
 * heavier by stroking the glyph outlines, as there is no bold face to embed. Text is wrapped to its
 * column, breaking between Chinese characters or at spaces, never before a closing mark.
 */
final class EvaluationPdf {

    static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    private static final float MARGIN = 36;
    private static final float FOOTER = 22;
    private static final float WIDTH = A4_LANDSCAPE.getWidth() - 2 * MARGIN;
    private static final float BODY = 8.5f;
    private static final float HEADER = 7.5f;
    private static final float LEADING = 1.3f;
    private static final float PAD_X = 3;
    private static final float PAD_Y = 2.5f;
    private static final float SPACE = 5;
    private static final float HEADING = 12;
    private static final float BAND_GAP = 3;

    private EvaluationPdf() {
    }

    static void write(Path file, int year, LocalDate asOf, List<ProviderEvaluator.Evaluated> evaluations,
            ThresholdSet defaults, FeedCatalogue catalogue, CjkFont cjk) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(year + " 年度数据共享提供单位评估 / evaluation of data providers " + year);
            info.setSubject("SHARE-9，截至 / as of " + asOf);
            info.setCreator("Vigil");
            document.getDocumentCatalog().setLanguage("zh-CN");
            Pages pages = new Pages(document, PDType0Font.load(document, cjk.face(), true), cjk);
            title(pages, year, asOf, evaluations);
            for (ProviderEvaluator.Evaluated e : evaluations) {
                provider(pages, e, catalogue);
            }
            definitions(pages, year, defaults);
            pages.finish(year + " 年度数据共享提供单位评估 / evaluation of data providers " + year,
                    "截至 / as of " + asOf);
            document.save(file.toFile());
        }
    }

    private static void title(Pages pages, int year, LocalDate asOf, List<ProviderEvaluator.Evaluated> all) {
        long below = all.stream().filter(e -> !e.evaluation().suggestion().metMinimums()).count();
        pages.paragraph(year + " 年度数据共享提供单位评估", 18, true, 0);
        pages.paragraph("Evaluation of data providers " + year + "　·　截至 / as of " + asOf, 11, false, 0.25f);
        pages.gap(4);
        pages.paragraph("共 " + all.size() + " 个提供单位，其中 " + below + " 个有指标未达到要求。各比率为全年所有数据项合计，"
                + "“—”表示当年没有可计算的数据；指标定义与默认阈值见文末。\n" + all.size() + " provider(s), " + below
                + " of them missed a threshold. Rates are the whole year's, all feeds together; “—” means there was "
                + "nothing to measure. The definitions and default thresholds are at the end.", BODY, false, 0.3f);
        pages.gap(10);
    }

    private static void provider(Pages pages, ProviderEvaluator.Evaluated evaluated, FeedCatalogue catalogue) {
        ProviderEvaluation v = evaluated.evaluation();
        QualityFigures f = v.figures();
        Timeliness t = v.timeliness();
        Suggestion s = v.suggestion();
        String heading = v.name() + "（" + v.provider() + "）";
        String verdict = s.weakest().isEmpty() ? "无可评估 / nothing to evaluate"
                : s.metMinimums() ? "达到要求 / met every threshold" : "未达到要求 / missed a threshold";

        List<String> h = EvaluationWorkbook.PROVIDER_HEADERS;
        Table summary = new Table(columns(WIDTH, 0, 11),
                headers(h.get(2), h.get(3), h.get(4), h.get(5), h.get(6), h.get(7), h.get(8), h.get(9), h.get(10),
                        h.get(16), h.get(17)),
                List.of(new Row(false, count(f.deliveries()), count(f.refused()), count(f.held()), count(f.rowsRead()),
                        count(t.due()), count(t.onTime()), count(t.late()), count(t.missing()), t.onTimeShare().percent(),
                        count(v.openRectifications()), count(v.overdueRectifications()))));

        List<String> fh = EvaluationWorkbook.FEED_HEADERS;
        List<String> feedHeaders = new ArrayList<>(headers("数据项 / feed", fh.get(3), fh.get(4), fh.get(5)));
        for (QualityMetric m : QualityMetric.values()) {
            feedHeaders.add(m.chinese() + "\n" + m.english());
        }
        List<Row> rows = new ArrayList<>();
        for (FeedQuality feed : evaluated.quality().feeds()) {
            String title = catalogue.find(feed.feed()).map(FeedDefinition::title).orElse("");
            rows.add(feedRow(false, title.isEmpty() ? feed.feed() : title + "\n" + feed.feed(), feed.year()));
        }
        rows.add(feedRow(true, "全部数据项合计 / all feeds", f));
        Table feeds = new Table(columns(WIDTH, 250, 8), feedHeaders, rows);

        String weakest = s.weakest().map(i -> i.chinese() + " / " + i.english()).orElse("—");
        Table advice = new Table(List.of(new Column(110, false), new Column(WIDTH - 110, false)), null,
                List.of(new Row(true, "最弱项\nweakest", weakest),
                        new Row(true, "改进建议\nsuggestion", s.chinese() + "\n" + s.english())));

        // a provider's section starts a page rather than being split, unless it is longer than a page
        pages.keep(pages.bandHeight(heading, verdict) + pages.height(summary) + pages.height(feeds)
                + pages.height(advice) + 2 * SPACE);
        pages.band(heading, verdict);
        pages.table(summary);
        pages.gap(SPACE);
        pages.table(feeds);
        pages.gap(SPACE);
        pages.table(advice);
        pages.gap(16);
    }

    private static Row feedRow(boolean total, String label, QualityFigures f) {
        List<String> cells = new ArrayList<>(List.of(label, count(f.deliveries()), count(f.held()), count(f.rowsRead())));
        for (QualityMetric m : QualityMetric.values()) {
            cells.add(f.rate(m).percent());
        }
        return new Row(total, cells.toArray(String[]::new));
    }

    private static void definitions(Pages pages, int year, ThresholdSet defaults) {
        String heading = "指标说明 / definitions";
        String remark = year + " 年 12 月的默认阈值 / default thresholds of December " + year;
        List<Row> rows = new ArrayList<>();
        for (QualityMetric m : QualityMetric.values()) {
            rows.add(new Row(false, m.chinese() + " / " + m.english(), EvaluationWorkbook.numerator(m),
                    EvaluationWorkbook.denominator(m), (m.bound() == QualityMetric.Bound.AT_LEAST ? "≥ " : "≤ ")
                            + Rate.percent(defaults.threshold(m))));
        }
        rows.add(new Row(false, "按时率 / on-time share", "截止日前报送的期数 / periods delivered by their due date",
                "已到截止日的应报期数 / periods whose due date has passed",
                "≥ " + Rate.percent(defaults.value(QualityRule.ON_TIME_SHARE_MIN))));
        Table table = new Table(List.of(new Column(150, false), new Column(270, false), new Column(250, false),
                new Column(WIDTH - 670, true)),
                headers("指标 / metric", "分子 / numerator", "分母 / denominator", "默认阈值 / default threshold"), rows);
        String note = "各数据项可另有阈值；评估按各数据项当年最后报送月份有效的阈值衡量。\nFeeds may have thresholds of "
                + "their own; each feed is measured against those in force in the last month it delivered in the year.";
        pages.keep(pages.bandHeight(heading, remark) + pages.height(table) + 4 + pages.paragraphHeight(note, HEADER));
        pages.band(heading, remark);
        pages.table(table);
        pages.gap(4);
        pages.paragraph(note, HEADER, false, 0.3f);
    }

    /** A label column of the given width (0: none) and equal columns of figures after it. */
    private static List<Column> columns(float width, float label, int figures) {
        List<Column> columns = new ArrayList<>();
        if (label > 0) {
            columns.add(new Column(label, false));
        }
        for (int i = 0; i < figures; i++) {
            columns.add(new Column((width - label) / figures, true));
        }
        return columns;
    }

    /** The workbook's "中文 / English" headers stacked, so narrow columns break between the languages. */
    private static List<String> headers(String... headers) {
        List<String> out = new ArrayList<>();
        for (String header : headers) {
            out.add(header.replace(" / ", "\n"));
        }
        return out;
    }

    private static String count(long n) {
        return Long.toString(n);
    }

    private record Column(float width, boolean right) {
    }

    /** Columns, a header row (null: none) and the rows. */
    private record Table(List<Column> columns, List<String> header, List<Row> rows) {
    }

    /** A table row; a shaded one is a total or a label column. */
    private record Row(boolean shaded, String... cells) {
    }

    /** The pages as they are filled from the top, with the running position. */
    private static final class Pages {

        private final PDDocument document;
        private final PDType0Font font;
        private final CjkFont cjk;
        private final Map<Integer, Float> widths = new HashMap<>();
        private final float ascent;
        private PDPageContentStream out;
        private float y;

        Pages(PDDocument document, PDType0Font font, CjkFont cjk) {
            this.document = document;
            this.font = font;
            this.cjk = cjk;
            float a = font.getFontDescriptor() == null ? 0 : font.getFontDescriptor().getAscent() / 1000;
            this.ascent = a > 0.6f && a < 1.1f ? a : 0.85f;
            newPage();
        }

        private void newPage() {
            try {
                if (out != null) {
                    out.close();
                }
                PDPage page = new PDPage(A4_LANDSCAPE);
                document.addPage(page);
                out = new PDPageContentStream(document, page);
                out.setLineWidth(0.4f);
                y = A4_LANDSCAPE.getHeight() - MARGIN;
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Starts a new page unless this much height is left above the footer. */
        void room(float height) {
            if (y - height < MARGIN + FOOTER) {
                newPage();
            }
        }

        /** Starts a new page for something this high unless it fits here or would not fit any page. */
        void keep(float height) {
            float page = A4_LANDSCAPE.getHeight() - 2 * MARGIN - FOOTER;
            if (y - height < MARGIN + FOOTER && height <= page && y < A4_LANDSCAPE.getHeight() - MARGIN) {
                newPage();
            }
        }

        void gap(float height) {
            y -= height;
        }

        void paragraph(String text, float size, boolean bold, float grey) {
            for (String line : wrap(text, WIDTH, size)) {
                room(size * LEADING);
                draw(line, MARGIN, y - size * ascent - (LEADING - 1) * size / 2, size, bold, grey);
                y -= size * LEADING;
            }
        }

        float paragraphHeight(String text, float size) {
            return wrap(text, WIDTH, size).size() * size * LEADING;
        }

        /** A shaded heading across the page, the subject left and a remark right. */
        void band(String subject, String remark) {
            float remarkWidth = remarkWidth(remark);
            List<String> lines = wrap(subject, WIDTH - remarkWidth - 4 * PAD_X, HEADING);
            float height = bandHeight(subject, remark);
            room(height);
            fill(MARGIN, y - height + BAND_GAP, WIDTH, height - BAND_GAP, 0.86f);
            float top = y - PAD_Y;
            for (String line : lines) {
                draw(line, MARGIN + PAD_X, top - HEADING * ascent - (LEADING - 1) * HEADING / 2, HEADING, true, 0);
                top -= HEADING * LEADING;
            }
            float rTop = y - PAD_Y - (HEADING - BODY) * LEADING / 2;
            for (String line : wrap(remark, remarkWidth, BODY)) {
                draw(line, MARGIN + WIDTH - PAD_X - width(line, BODY), rTop - BODY * ascent - (LEADING - 1) * BODY / 2,
                        BODY, false, 0.2f);
                rTop -= BODY * LEADING;
            }
            y -= height;
        }

        float bandHeight(String subject, String remark) {
            int lines = wrap(subject, WIDTH - remarkWidth(remark) - 4 * PAD_X, HEADING).size();
            return lines * HEADING * LEADING + 2 * PAD_Y + BAND_GAP;
        }

        private float remarkWidth(String remark) {
            return Math.min(width(clean(remark), BODY), WIDTH / 3);
        }

        /** A ruled table; its header row is repeated on every page the table runs onto. */
        void table(Table table) {
            List<Column> columns = table.columns();
            List<String> header = table.header();
            List<Row> rows = table.rows();
            if (header != null) {
                room(height(columns, header, HEADER) + height(columns, List.of(rows.get(0).cells()), BODY));
                row(columns, header, HEADER, 0.92f, false);
            }
            for (Row r : rows) {
                List<String> cells = List.of(r.cells());
                float h = height(columns, cells, BODY);
                if (y - h < MARGIN + FOOTER) {
                    newPage();
                    if (header != null) {
                        row(columns, header, HEADER, 0.92f, false);
                    }
                }
                row(columns, cells, BODY, r.shaded() ? 0.95f : 1, true);
            }
        }

        float height(Table table) {
            float h = table.header() == null ? 0 : height(table.columns(), table.header(), HEADER);
            for (Row r : table.rows()) {
                h += height(table.columns(), List.of(r.cells()), BODY);
            }
            return h;
        }

        private float height(List<Column> columns, List<String> cells, float size) {
            int lines = 1;
            for (int c = 0; c < columns.size(); c++) {
                lines = Math.max(lines, wrap(cells.get(c), columns.get(c).width() - 2 * PAD_X, size).size());
            }
            return lines * size * LEADING + 2 * PAD_Y;
        }

        /** One row; of a shaded row of two cells, a label and its text, only the label is shaded. */
        private void row(List<Column> columns, List<String> cells, float size, float shade, boolean body) {
            float h = height(columns, cells, size);
            float x = MARGIN;
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                if (shade < 1 && (!body || c == 0 || cells.size() > 2)) {
                    fill(x, y - h, column.width(), h, shade);
                }
                stroke(x, y - h, column.width(), h);
                float top = y - PAD_Y;
                for (String line : wrap(cells.get(c), column.width() - 2 * PAD_X, size)) {
                    float lx = column.right() ? x + column.width() - PAD_X - width(line, size) : x + PAD_X;
                    draw(line, lx, top - size * ascent - (LEADING - 1) * size / 2, size, false, body ? 0 : 0.15f);
                    top -= size * LEADING;
                }
                x += column.width();
            }
            y -= h;
        }

        /** Writes the page numbers, which are only known once every page is laid out. */
        void finish(String left, String right) {
            try {
                out.close();
                out = null;
                int total = document.getNumberOfPages();
                for (int i = 0; i < total; i++) {
                    try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                            PDPageContentStream.AppendMode.APPEND, true, true)) {
                        out = footer;
                        float baseline = MARGIN - 4;
                        String number = "第 " + (i + 1) + " 页，共 " + total + " 页 / page " + (i + 1) + " of " + total;
                        draw(number, MARGIN + (WIDTH - width(number, HEADER)) / 2, baseline, HEADER, false, 0.3f);
                        draw(left, MARGIN, baseline, HEADER, false, 0.45f);
                        draw(right, MARGIN + WIDTH - width(right, HEADER), baseline, HEADER, false, 0.45f);
                    }
                }
                out = null;
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void draw(String text, float x, float baseline, float size, boolean bold, float grey) {
            if (text.isEmpty()) {
                return;
            }
            try {
                out.saveGraphicsState();
                out.setNonStrokingColor(grey);
                out.beginText();
                out.setFont(font, size);
                if (bold) {
                    out.setStrokingColor(grey);
                    out.setLineWidth(size * 0.035f);
                    out.setRenderingMode(RenderingMode.FILL_STROKE);
                }
                out.newLineAtOffset(x, baseline);
                out.showText(text);
                out.endText();
                out.restoreGraphicsState();
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void fill(float x, float bottom, float w, float h, float grey) {
            try {
                out.saveGraphicsState();
                out.setNonStrokingColor(grey);
                out.addRect(x, bottom, w, h);
                out.fill();
                out.restoreGraphicsState();
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void stroke(float x, float bottom, float w, float h) {
            try {
                out.saveGraphicsState();
                out.setStrokingColor(0.55f);
                out.addRect(x, bottom, w, h);
                out.stroke();
                out.restoreGraphicsState();
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /**
         * The text as lines no wider than the width: each paragraph is cut into units that may not
         * be split (a Latin word with its trailing space, one Chinese character with the closing
         * marks after it) and filled greedily; a unit wider than a whole line is cut between
         * characters rather than left to run over the column's edge.
         */
        List<String> wrap(String text, float width, float size) {
            List<String> lines = new ArrayList<>();
            for (String paragraph : clean(text).split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                float used = 0;
                for (String unit : units(paragraph)) {
                    String visible = unit.stripTrailing();
                    if (line.length() > 0 && used + width(visible, size) > width) {
                        lines.add(line.toString().stripTrailing());
                        line.setLength(0);
                        used = 0;
                    }
                    if (width(visible, size) > width) {
                        for (int i = 0; i < unit.length(); i = unit.offsetByCodePoints(i, 1)) {
                            String one = new String(Character.toChars(unit.codePointAt(i)));
                            float w = width(one, size);
                            if (line.length() > 0 && used + w > width && !one.isBlank()) {
                                lines.add(line.toString().stripTrailing());
                                line.setLength(0);
                                used = 0;
                            }
                            line.append(one);
                            used += w;
                        }
                        continue;
                    }
                    line.append(unit);
                    used += width(unit, size);
                }
                lines.add(line.toString().stripTrailing());
            }
            return lines;
        }

        /**
         * Characters the face cannot draw become "?" instead of failing the report, and layout
         * characters other than line breaks become spaces; a rare character in a provider's name
         * should not stop the whole evaluation from being published.
         */
        private String clean(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                if (c == '\n') {
                    out.append('\n');
                }
                else if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                    out.append(' ');
                }
                else if (cjk.covers(c)) {
                    out.appendCodePoint(c);
                }
                else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private static List<String> units(String paragraph) {
            List<String> units = new ArrayList<>();
            StringBuilder unit = new StringBuilder();
            int previous = -1;
            for (int i = 0; i < paragraph.length(); i = paragraph.offsetByCodePoints(i, 1)) {
                int c = paragraph.codePointAt(i);
                if (unit.length() > 0 && breakBefore(previous, c)) {
                    units.add(unit.toString());
                    unit.setLength(0);
                }
                unit.appendCodePoint(c);
                previous = c;
            }
            if (unit.length() > 0) {
                units.add(unit.toString());
            }
            return units;
        }

        private static boolean breakBefore(int previous, int c) {
            if (Character.isWhitespace(c)) {
                return false;
            }
            if (Character.isWhitespace(previous)) {
                return true;
            }
            if ("，。、；：！？）》」』】〉％,.;:!?)%”’".indexOf(c) >= 0) {
                return false;
            }
            if ("（《「『【〈(“‘".indexOf(previous) >= 0) {
                return false;
            }
            return wide(c) || wide(previous);
        }

        /** Characters between which a Chinese line may break. */
        private static boolean wide(int c) {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
                return true;
            }
            Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
            return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                    || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
        }

        private float width(String text, float size) {
            float units = 0;
            for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
                int c = text.codePointAt(i);
                units += widths.computeIfAbsent(c, this::unitWidth);
            }
            return units / 1000 * size;
        }

        private float unitWidth(int codePoint) {
            try {
                return font.getStringWidth(new String(Character.toChars(codePoint)));
            }
            catch (IOException | IllegalArgumentException e) {
                // not drawable: clean() replaces it, so its width only matters for "?"
                return 500;
            }
        }
    }
}
