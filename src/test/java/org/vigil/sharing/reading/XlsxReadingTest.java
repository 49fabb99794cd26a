package org.vigil.sharing.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.sharing.reading.Rows.Row;

class XlsxReadingTest {

    @TempDir
    Path dir;

    @Test
    void readsAFastexcelWorkbookWithDatesNumbersFormulasAndBlanks() throws IOException {
        Path file = dir.resolve("court.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("Sheet1");
            String[] header = {"序号", " 姓名 ", "判决日期", "时间", "金额", "身份证号", "判决书", "备注"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            sheet.value(1, 0, 1);
            sheet.value(1, 1, "王秀英");
            sheet.value(1, 2, LocalDate.of(2026, 3, 5));
            sheet.style(1, 2).format("yyyy/m/d").set();
            sheet.value(1, 3, LocalDateTime.of(2026, 3, 5, 9, 30, 15));
            sheet.style(1, 3).format("yyyy-mm-dd hh:mm:ss").set();
            sheet.value(1, 4, 1234.5);
            sheet.value(1, 5, 2.2020219450312E17);
            sheet.formula(1, 6, "CONCAT(\"judgments/\",A2,\".pdf\")");
            sheet.value(1, 7, true);
            // row 3 left empty; row 4 has a sparse cell and a styled blank at the end
            sheet.value(3, 0, 3.0);
            sheet.inlineString(3, 2, "  2026年3月5日 ");
            sheet.style(3, 7).bold().set();
            workbook.finish();
        }
        try (TableSource source = DeliveryFiles.open(file, "court.xlsx", ReadLimits.standard())) {
            assertThat(source.format()).isEqualTo(new DetectedFormat(FileFormat.XLSX, null));
            assertThat(source.header()).containsExactly("序号", "姓名", "判决日期", "时间", "金额", "身份证号", "判决书", "备注");
            assertThat(source.headerRow()).isEqualTo(1);
            assertThat(Rows.readAll(source, 2)).containsExactly(
                    Row.of(2, "1", "王秀英", "2026-03-05", "2026-03-05 09:30:15", "1234.5", "220202194503120000",
                            "=CONCAT(\"judgments/\",A2,\".pdf\")", "TRUE"),
                    Row.of(4, "3", "", "2026年3月5日", "", "", "", "", ""));
        }
    }

    @Test
    void givesCachedFormulaValuesAndReadsEveryCellType() throws IOException {
        String strings = "<si><t>姓名</t></si><si><t xml:space=\"preserve\"> 值 </t></si>"
                + "<si><r><rPr><b/></rPr><t>关</t></r><r><t>玉兰</t></r><rPh sb=\"0\" eb=\"1\"><t>guan</t></rPh></si>"
                + "<si><t>a&amp;b&lt;c</t></si>";
        String styles = "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"[$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
                + "</numFmts><cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/>"
                + "<xf numFmtId=\"21\"/><xf numFmtId=\"4\"/></cellXfs>";
        String data = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\"><f>1+2</f><v>3</v></c></row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"str\"><f>A1&amp;\"x\"</f><v>姓名x</v></c><c r=\"B3\" s=\"1\"><v>46086</v></c></row>"
                + "<row r=\"4\"><c r=\"A4\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c><c r=\"B4\" s=\"2\"><v>46086.5</v></c></row>"
                + "<row r=\"5\"><c r=\"A5\" t=\"d\"><v>2026-03-05T00:00:00</v></c><c r=\"B5\" t=\"d\"><v>2026-03-05T08:15:00</v></c></row>"
                + "<row r=\"6\"><c r=\"A6\" s=\"3\"><v>0.34375</v></c><c r=\"B6\" s=\"4\"><v>0.30000000000000004</v></c></row>"
                + "<row r=\"7\"><c t=\"s\"><v>3</v></c><c t=\"b\"><v>0</v></c></row>"
                + "<row><c r=\"A8\"><v>-12.50</v></c><c r=\"B8\"><v>1E-3</v></c></row>";
        Path file = Workbooks.zip(dir.resolve("hand.xlsx"), Workbooks.parts(data, strings, styles, false));
        try (TableSource source = DeliveryFiles.open(file, "hand.xlsx", ReadLimits.standard())) {
            assertThat(source.header()).containsExactly("姓名", "值");
            assertThat(Rows.readAll(source, 1)).containsExactly(
                    Row.of(2, "关玉兰", "3"),
                    Row.of(3, "姓名x", "2026-03-05"),
                    Row.of(4, "#DIV/0!", "2026-03-05 12:00:00"),
                    Row.of(5, "2026-03-05", "2026-03-05 08:15:00"),
                    Row.of(6, "08:15:00", "0.3"),
                    Row.of(7, "a&b<c", "FALSE"),
                    Row.of(8, "-12.5", "0.001"));
        }
    }

    @Test
    void honoursThe1904DateSystem() throws IOException {
        String styles = "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>";
        String data = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>日期</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>44624</v></c></row>";
        Path file = Workbooks.zip(dir.resolve("mac.xlsx"), Workbooks.parts(data, "", styles, true));
        assertThat(Rows.read(file)).containsExactly(Row.of(2, LocalDate.of(1904, 1, 1).plusDays(44624).toString()));
    }

    @Test
    void readsTheFirstVisibleSheetThroughTheRelationships() throws IOException {
        String data = "<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>名</t></is></c></row>"
                + "<row r=\"4\"><c r=\"B4\" t=\"inlineStr\"><is><t>甲</t></is></c><c r=\"D4\" t=\"inlineStr\"><is><t>多余</t></is></c></row>";
        Path file = Workbooks.zip(dir.resolve("offset.xlsx"), Workbooks.parts(data, "", "", false));
        try (TableSource source = DeliveryFiles.open(file, "offset.xlsx", ReadLimits.standard())) {
            assertThat(source.header()).containsExactly("", "名");
            assertThat(source.headerRow()).isEqualTo(3);
            assertThat(Rows.readAll(source, 1)).containsExactly(Row.of(4, "", "甲", "", "多余"));
        }
    }

    @Test
    void readsAWorkbookWithoutSharedStringsOrStyles() throws IOException {
        var parts = Workbooks.parts("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><v>7.0</v></c></row>", "", "", false);
        parts.remove(Workbooks.SHARED_STRINGS);
        parts.remove(Workbooks.STYLES);
        Path file = Workbooks.zip(dir.resolve("bare.xlsx"), parts);
        assertThat(Rows.read(file)).containsExactly(Row.of(2, "7"));
    }

    @Test
    void aHeaderOnlyWorkbookHasNoRows() throws IOException {
        Path file = dir.resolve("empty-month.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("Sheet1");
            List<String> header = List.of("序号", "姓名", "身份证号");
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
            }
            workbook.finish();
        }
        try (TableSource source = DeliveryFiles.open(file, "empty-month.xlsx", ReadLimits.standard())) {
            assertThat(source.header()).hasSize(3);
            assertThat(Rows.readAll(source, 1)).isEmpty();
        }
    }
}
