package org.vigil.sharing.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.BufferedOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.sharing.reading.Rows.Row;

class CsvReadingTest {

    static final Charset GBK = Charset.forName("GBK");
    static final Charset GB18030 = Charset.forName("GB18030");
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final String BANK_HEADER = "客户姓名,证件类型,证件号码,交易日期,交易时间,网点名称,业务类型";
    static final List<String> BANK_COLUMNS = List.of("客户姓名", "证件类型", "证件号码", "交易日期", "交易时间", "网点名称", "业务类型");

    @TempDir
    Path dir;

    static Path write(Path file, byte[]... parts) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (byte[] part : parts) {
                out.write(part);
            }
        }
        return file;
    }

    static Path write(Path file, String text, Charset charset) throws IOException {
        return write(file, text.getBytes(charset));
    }

    @Test
    void readsUtf8WithoutBomAndLineFeeds() throws IOException {
        Path file = write(dir.resolve("health.csv"), "姓名,身份证号,体检日期\n王秀英,220202194503120025,2026-03-05\n李建国,22020219500101001X,2026-03-06\n",
                StandardCharsets.UTF_8);
        try (TableSource source = DeliveryFiles.open(file, "health.csv", ReadLimits.standard())) {
            assertThat(source.format()).isEqualTo(new DetectedFormat(FileFormat.CSV, TextEncoding.UTF_8));
            assertThat(source.header()).containsExactly("姓名", "身份证号", "体检日期");
            assertThat(source.headerRow()).isEqualTo(1);
            assertThat(Rows.readAll(source, 1)).containsExactly(
                    Row.of(2, "王秀英", "220202194503120025", "2026-03-05"),
                    Row.of(3, "李建国", "22020219500101001X", "2026-03-06"));
        }
    }

    @Test
    void readsUtf8WithBomAndCrLfRemovingTheBomFromTheHeader() throws IOException {
        Path file = write(dir.resolve("bank.csv"), BOM,
                (BANK_HEADER + "\r\n张伟,居民身份证,220202194503120025,20260315,093012,中国工商银行吉林分行,取款\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        try (TableSource source = DeliveryFiles.open(file, "bank.csv", ReadLimits.standard())) {
            assertThat(source.format()).isEqualTo(new DetectedFormat(FileFormat.CSV, TextEncoding.UTF_8_BOM));
            assertThat(source.header()).isEqualTo(BANK_COLUMNS);
            assertThat(Rows.readAll(source, 2)).containsExactly(
                    Row.of(2, "张伟", "居民身份证", "220202194503120025", "20260315", "093012", "中国工商银行吉林分行", "取款"));
        }
    }

    @Test
    void readsGbkWithCrLf() throws IOException {
        Path file = write(dir.resolve("police.csv"),
                "姓名,公民身份号码,死亡日期\r\n赵桂兰,220202193803050023,20260301\r\n\"孙,国华\",220203195001010015,20260302\r\n", GBK);
        try (TableSource source = DeliveryFiles.open(file, "police.csv", ReadLimits.standard())) {
            assertThat(source.format()).isEqualTo(new DetectedFormat(FileFormat.CSV, TextEncoding.GB18030));
            assertThat(source.header()).containsExactly("姓名", "公民身份号码", "死亡日期");
            assertThat(Rows.readAll(source, 1)).containsExactly(
                    Row.of(2, "赵桂兰", "220202193803050023", "20260301"),
                    Row.of(3, "孙,国华", "220203195001010015", "20260302"));
        }
    }

    @Test
    void readsGb18030FourByteCharactersIncludingSupplementaryOnes() throws IOException {
        // 㐀 (U+3400) is outside GBK; 𠮷 (U+20BB7) outside the BMP: both are four bytes in GB18030
        String rare = "\u3400\uD842\uDFB7";
        assertThat(rare.getBytes(GB18030)).hasSize(8);
        Path file = write(dir.resolve("rare.csv"), "姓名,备注\r\n吉" + rare + ",罕见字\r\n", GB18030);
        assertThat(Rows.read(file)).containsExactly(Row.of(2, "吉" + rare, "罕见字"));
    }

    @Test
    void tellsTheEncodingByTheFirstNonAsciiTextEvenFarIntoTheFile() throws IOException {
        StringBuilder csv = new StringBuilder("name,id\r\n");
        while (csv.length() < 3 * FormatDetector.PREFIX_BYTES) {
            csv.append("WANG XIUYING,220202194503120025\r\n");
        }
        csv.append("赵桂兰,220202193803050023\r\n");
        Path file = write(dir.resolve("late-chinese.csv"), csv.toString(), GBK);
        try (TableSource source = DeliveryFiles.open(file, "late-chinese.csv", ReadLimits.standard())) {
            assertThat(source.format().encoding()).isEqualTo(TextEncoding.GB18030);
            List<Row> rows = Rows.readAll(source, 2);
            assertThat(rows.get(rows.size() - 1).cells()).containsExactly("赵桂兰", "220202193803050023");
        }
    }

    @Test
    void followsRfc4180Quoting() throws IOException {
        String csv = String.join("\r\n",
                "a,b,c",
                "\"x,y\",\"say \"\"hi\"\"\",\"\"",
                "\"line one\r\nline two\",plain,\"multi",
                "line\"",
                "5\" tall,\"closed\"after,\"a\"\"b\"",
                "\"\"\"quoted\"\"\",,trailing,",
                "");
        Path file = write(dir.resolve("quotes.csv"), csv, StandardCharsets.UTF_8);
        assertThat(Rows.read(file)).containsExactly(
                Row.of(2, "x,y", "say \"hi\"", ""),
                Row.of(3, "line one\r\nline two", "plain", "multi\r\nline"),
                Row.of(4, "5\" tall", "closedafter", "a\"b"),
                Row.of(5, "\"quoted\"", "", "trailing", ""));
    }

    @Test
    void closesAQuotedFieldAtTheEndOfTheLineWhenTheQuotesBalance() throws IOException {
        Path file = write(dir.resolve("quotes.csv"), "a,b\n\"x\"\"\",\"y\"\n\"\",z\n", StandardCharsets.UTF_8);
        assertThat(Rows.read(file)).containsExactly(Row.of(2, "x\"", "y"), Row.of(3, "", "z"));
    }

    @Test
    void numbersRowsAsASpreadsheetShowsThemSkippingBlankOnes() throws IOException {
        String csv = "名,值\n\n甲,1\n\"多\n行\",2\n,\n   ,  \n乙,3\n\n";
        Path file = write(dir.resolve("rows.csv"), csv, StandardCharsets.UTF_8);
        assertThat(Rows.read(file)).containsExactly(Row.of(3, "甲", "1"), Row.of(4, "多\n行", "2"), Row.of(7, "乙", "3"));
    }

    @Test
    void skipsBlankLinesBeforeTheHeader() throws IOException {
        Path file = write(dir.resolve("late.csv"), "\r\n\r\n名,值\r\n甲,1\r\n", GBK);
        try (TableSource source = DeliveryFiles.open(file, "late.csv", ReadLimits.standard())) {
            assertThat(source.headerRow()).isEqualTo(3);
            assertThat(Rows.readAll(source, 1)).containsExactly(Row.of(4, "甲", "1"));
        }
    }

    @Test
    void trimsAsciiAndFullWidthSpaces() throws IOException {
        Path file = write(dir.resolve("spaces.csv"), " 名 ,\t值\n\u3000王 五\u3000, 12 \n\" 引号 \",\u00A0x\u00A0\n", StandardCharsets.UTF_8);
        try (TableSource source = DeliveryFiles.open(file, "spaces.csv", ReadLimits.standard())) {
            assertThat(source.header()).containsExactly("名", "值");
            assertThat(Rows.readAll(source, 1)).containsExactly(Row.of(2, "王 五", "12"), Row.of(3, "引号", "x"));
        }
    }

    @Test
    void keepsRowsOfOtherWidthsForThePipelineToReport() throws IOException {
        Path file = write(dir.resolve("ragged.csv"), "a,b,c\n1\n1,2,3,4\n", StandardCharsets.UTF_8);
        List<Row> rows = Rows.read(file);
        assertThat(rows).containsExactly(Row.of(2, "1"), Row.of(3, "1", "2", "3", "4"));
    }

    @Test
    void aHeaderOnlyFileHasNoRows() throws IOException {
        Path file = write(dir.resolve("empty-month.csv"), BANK_HEADER + "\r\n", GBK);
        try (TableSource source = DeliveryFiles.open(file, "empty-month.csv", ReadLimits.standard())) {
            assertThat(source.header()).isEqualTo(BANK_COLUMNS);
            assertThat(source.read(2, () -> row -> {
                throw new AssertionError("no rows expected");
            })).isZero();
        }
    }

    @Test
    void aLastLineWithoutLineBreakIsARow() throws IOException {
        Path file = write(dir.resolve("no-eol.csv"), "a,b\r\n1,2", StandardCharsets.UTF_8);
        assertThat(Rows.read(file)).containsExactly(Row.of(2, "1", "2"));
    }

    @Test
    void cellsAreViewsThatGiveBlankBeyondTheRow() throws IOException {
        Path file = write(dir.resolve("views.csv"), "a,b\nabc,名字\n", StandardCharsets.UTF_8);
        try (TableSource source = DeliveryFiles.open(file, "views.csv", ReadLimits.standard())) {
            source.read(1, () -> row -> {
                assertThat(row.size()).isEqualTo(2);
                assertThat(row.cell(0)).hasToString("abc");
                assertThat(row.cell(0).length()).isEqualTo(3);
                assertThat(row.cell(0).charAt(1)).isEqualTo('b');
                assertThat(row.cell(0).subSequence(1, 3)).hasToString("bc");
                assertThat(row.cell(1)).hasToString("名字");
                assertThat(row.cell(5)).hasToString("");
                assertThatThrownBy(() -> row.cell(-1)).isInstanceOf(IndexOutOfBoundsException.class);
            });
        }
    }

    @Test
    void readsOnlyOnce() throws IOException {
        Path file = write(dir.resolve("once.csv"), "a\n1\n", StandardCharsets.UTF_8);
        try (TableSource source = DeliveryFiles.open(file, "once.csv", ReadLimits.standard())) {
            source.read(1, () -> row -> { });
            assertThatThrownBy(() -> source.read(1, () -> row -> { })).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void manyThreadsGiveExactlyTheRowsOneThreadGives() throws IOException {
        for (Charset charset : List.of(StandardCharsets.UTF_8, GBK)) {
            Path file = dir.resolve("large-" + charset.name() + ".csv");
            List<Row> expected = writeLargeFile(file, charset, 150_000);
            List<Row> single = Rows.read(file, 1);
            assertThat(single).isEqualTo(expected);
            assertThat(Rows.read(file, 2)).isEqualTo(single);
            assertThat(Rows.read(file, 5)).isEqualTo(single);
        }
    }

    /** About 15 MB, so several blocks; every seventh row has quoted line breaks and quotes, which straddle block ends. */
    static List<Row> writeLargeFile(Path file, Charset charset, int rows) throws IOException {
        List<Row> expected = new ArrayList<>();
        String[] names = {"王秀英", "李建国", "张伟", "刘婷婷", "金哲洙", "关玉兰"};
        long row = 1;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write((BANK_HEADER + "\r\n").getBytes(charset));
            for (int i = 0; i < rows; i++) {
                row++;
                String name = names[i % names.length];
                String id = String.format("2202021945%08d", i);
                String branch = "中国银行吉林分行第" + (i % 97) + "支行";
                String line;
                Row expectedRow;
                if (i % 7 == 3) {
                    String note = "备注 " + i + "\r\n第二行 \"引\"";
                    line = name + ",居民身份证," + id + ",20260315,093012,\"" + note.replace("\"", "\"\"") + "\"," + branch;
                    expectedRow = Row.of(row, name, "居民身份证", id, "20260315", "093012", note, branch);
                }
                else {
                    line = name + ",居民身份证," + id + ",20260315,093012," + branch + ",取款";
                    expectedRow = Row.of(row, name, "居民身份证", id, "20260315", "093012", branch, "取款");
                }
                out.write((line + "\r\n").getBytes(charset));
                expected.add(expectedRow);
            }
        }
        return expected;
    }
}
