package org.vigil.sharing.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.identity.BadInputException;
import org.vigil.identity.FileProblem;

/** One test per kind of bad file: each is refused whole, saying what is wrong and where. */
class BadInputTest {

    @TempDir
    Path dir;

    /** The single problem a call fails with. */
    static FileProblem problem(ThrowingCallable call) {
        BadInputException e = catchThrowableOfType(BadInputException.class, call);
        assertThat(e).as("a BadInputException").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    /** Opens and reads the whole file with {@code threads} threads. */
    static void readAll(Path file, int threads, ReadLimits limits) {
        try (TableSource source = DeliveryFiles.open(file, file.getFileName().toString(), limits)) {
            source.read(threads, () -> row -> { });
        }
    }

    static void readAll(Path file) {
        readAll(file, 2, ReadLimits.standard());
    }

    // ---- the file as a whole

    @Test
    void anEmptyFile() throws IOException {
        Path file = Files.write(dir.resolve("empty.csv"), new byte[0]);
        FileProblem p = problem(() -> readAll(file));
        assertThat(p.file()).isEqualTo("empty.csv");
        assertThat(p.row()).isZero();
        assertThat(p.reason()).isEqualTo("the file is empty");
    }

    @Test
    void aFileOfBlankLinesOnly() throws IOException {
        Path file = Files.write(dir.resolve("blank.csv"), "\uFEFF\r\n  \r\n\r\n".getBytes(StandardCharsets.UTF_8));
        FileProblem p = problem(() -> readAll(file));
        assertThat(p.row()).isZero();
        assertThat(p.reason()).contains("no header row");
    }

    @Test
    void binaryGarbage() throws IOException {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        garbage[100] = 0;
        Path file = Files.write(dir.resolve("garbage.csv"), garbage);
        FileProblem p = problem(() -> readAll(file));
        assertThat(p.row()).isZero();
        assertThat(p.reason()).startsWith("binary data, not text: a NUL byte at offset");
    }

    @Test
    void aNulByteInARowFarIntoTheFile() throws IOException {
        StringBuilder csv = new StringBuilder("姓名,身份证号\n");
        int rows = 60_000;
        for (int i = 0; i < rows; i++) {
            csv.append("王秀英,").append(String.format("2202021945%08d", i)).append('\n');
        }
        byte[] bytes = (csv + "李\0四,220202194503120025\n").getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("nul.csv"), bytes);
        FileProblem p = problem(() -> readAll(file));
        assertThat(p.row()).isEqualTo(rows + 2);
        assertThat(p.column()).isEqualTo("姓名");
        assertThat(p.reason()).isEqualTo("binary data: a NUL byte");
    }

    @Test
    void neitherUtf8NorGb18030() throws IOException {
        byte[] bytes = {'a', ',', 'b', '\n', (byte) 0xFF, (byte) 0xFF, (byte) 0xC3, ',', 'x', '\n'};
        Path file = Files.write(dir.resolve("mystery.csv"), bytes);
        FileProblem p = problem(() -> readAll(file));
        assertThat(p.row()).isZero();
        assertThat(p.reason()).isEqualTo("neither UTF-8 nor GBK/GB18030 text: bytes FF FF C3 2C");
    }

    @Test
    void anOldXlsWorkbook() throws IOException {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        Path file = Files.write(dir.resolve("old.xls"), ole2);
        FileProblem p = problem(() -> readAll(file));
        assertThat(p.row()).isZero();
        assertThat(p.reason()).contains("OLE2 compound file");
    }

    @Test
    void utf16Text() throws IOException {
        Path file = Files.write(dir.resolve("utf16.csv"), "\uFEFF姓名\r\n".getBytes(StandardCharsets.UTF_16LE));
        assertThat(problem(() -> readAll(file)).reason()).contains("UTF-16");
    }

    // ---- text files, by row and column

    @Test
    void invalidUtf8BytesInACell() throws IOException {
        byte[] good = ("姓名,身份证号,备注\n王秀英,220202194503120025,正常\n李建国,22020219500101001X,").getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xE5, (byte) 0x28, 'x', '\n'};
        Path file = CsvReadingTest.write(dir.resolve("bad-utf8.csv"), good, bad);
        FileProblem p = problem(() -> readAll(file));
        assertThat(p.row()).isEqualTo(3);
        assertThat(p.column()).isEqualTo("备注");
        assertThat(p.value()).isEqualTo("\uFFFD(x");
        assertThat(p.reason()).isEqualTo("bytes E5 28 78 are not valid UTF-8");
    }

    @Test
    void invalidGbkBytesInACell() throws IOException {
        byte[] good = "姓名,公民身份号码,死亡日期\r\n赵桂兰,220202193803050023,20260301\r\n".getBytes(CsvReadingTest.GBK);
        byte[] bad = {(byte) 0xD5, (byte) 0xD4, (byte) 0xFF, ',', '1', ',', '2', '\r', '\n'};
        Path file = CsvReadingTest.write(dir.resolve("bad-gbk.csv"), good, bad);
        FileProblem p = problem(() -> readAll(file));
        assertThat(p.row()).isEqualTo(3);
        assertThat(p.column()).isEqualTo("姓名");
        assertThat(p.reason()).isEqualTo("bytes FF are not valid GB18030 (GBK)");
    }

    @Test
    void aTruncatedFileEndingInsideACharacter() throws IOException {
        byte[] whole = "姓名,身份证号\r\n王秀英,220202194503120025\r\n李建国".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("truncated.csv"), Arrays.copyOf(whole, whole.length - 1));
        FileProblem p = problem(() -> readAll(file));
        assertThat(p.row()).isEqualTo(3);
        assertThat(p.column()).isEqualTo("姓名");
        assertThat(p.reason()).isEqualTo("bytes E5 9B are not valid UTF-8");
    }

    @Test
    void anUnterminatedQuote() throws IOException {
        Path file = CsvReadingTest.write(dir.resolve("quote.csv"),
                "姓名,地址,电话\r\n王秀英,\"吉林市船营区,\r\n李建国,长春,0432\r\n", StandardCharsets.UTF_8);
        FileProblem p = problem(() -> readAll(file));
        assertThat(p.row()).isEqualTo(2);
        assertThat(p.column()).isEqualTo("地址");
        assertThat(p.reason()).isEqualTo("a quoted field is not closed before the end of the file");
    }

    @Test
    void aHundredMegabyteSingleLine() throws IOException {
        Path file = dir.resolve("one-line.csv");
        byte[] chunk = "abcdefghij".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < 1000; i++) {
                out.write(chunk);
            }
            out.write("\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(Files.size(file)).isGreaterThan(100_000_000L);
        FileProblem p = problem(() -> DeliveryFiles.open(file, "one-line.csv", ReadLimits.standard()));
        assertThat(p.row()).isEqualTo(1);
        assertThat(p.reason()).startsWith("the record is longer than the limit of 1048576 bytes");
    }

    @Test
    void aDataLineLongerThanTheLimit() throws IOException {
        String csv = "a,b\n1,2\n3," + "x".repeat(5000) + "\n5,6\n";
        Path file = CsvReadingTest.write(dir.resolve("long.csv"), csv, StandardCharsets.UTF_8);
        FileProblem p = problem(() -> readAll(file, 2, ReadLimits.standard().withMaxLineBytes(4096)));
        assertThat(p.row()).isEqualTo(3);
        assertThat(p.reason()).isEqualTo("the record is longer than the limit of 4096 bytes (5002 bytes read)");
    }

    @Test
    void moreRowsThanTheLimit() throws IOException {
        Path file = CsvReadingTest.write(dir.resolve("rows.csv"), "a\n1\n2\n3\n4\n", StandardCharsets.UTF_8);
        FileProblem p = problem(() -> readAll(file, 1, ReadLimits.standard().withMaxRows(3)));
        assertThat(p.row()).isEqualTo(5);
        assertThat(p.reason()).isEqualTo("more rows than the limit of 3 data rows");
    }

    @Test
    void moreColumnsThanTheLimit() throws IOException {
        Path file = CsvReadingTest.write(dir.resolve("wide.csv"), "a,b,c\n1,2,3\n1,2,3,4\n", StandardCharsets.UTF_8);
        FileProblem p = problem(() -> readAll(file, 1, ReadLimits.standard().withMaxColumns(3)));
        assertThat(p.row()).isEqualTo(3);
        assertThat(p.column()).isEqualTo("4");
        assertThat(p.reason()).isEqualTo("more cells than the limit of 3");
    }

    @Test
    void theEarliestDefectIsReportedWhateverTheThreads() throws IOException {
        Path file = dir.resolve("two-defects.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write("姓名,证件号码,网点名称\r\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 400_000; i++) {
                out.write(("张伟" + (i == 50_000 || i == 300_000 ? "\u00FF" : ""))
                        .getBytes(i == 50_000 || i == 300_000 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
                out.write((String.format(",2202021945%08d,中国银行吉林分行\r\n", i)).getBytes(StandardCharsets.UTF_8));
            }
        }
        for (int threads : new int[] {1, 2, 4}) {
            FileProblem p = problem(() -> readAll(file, threads, ReadLimits.standard()));
            assertThat(p.row()).isEqualTo(50_002);
            assertThat(p.column()).isEqualTo("姓名");
        }
    }

    @Test
    void aFailingSinkStopsTheReadingAndIsNotFinished() throws IOException {
        Path file = dir.resolve("sink.csv");
        CsvReadingTest.writeLargeFile(file, StandardCharsets.UTF_8, 100_000);
        AtomicBoolean finished = new AtomicBoolean();
        try (TableSource source = DeliveryFiles.open(file, "sink.csv", ReadLimits.standard())) {
            assertThatThrownBy(() -> source.read(2, () -> new RowSink() {
                @Override
                public void accept(RowView row) {
                    if (row.row() == 777) {
                        throw new IllegalStateException("sink broke at 777");
                    }
                }

                @Override
                public void finish() {
                    finished.set(true);
                }
            })).isInstanceOf(IllegalStateException.class).hasMessage("sink broke at 777");
        }
        assertThat(finished).isFalse();
    }

    // ---- JSON Lines

    @Test
    void aJsonLineThatIsNotAnObject() throws IOException {
        Path file = CsvReadingTest.write(dir.resolve("photos.jsonl"), "{\"xm\":\"王\"}\n\n[1,2]\n", StandardCharsets.UTF_8);
        FileProblem p = problem(() -> readAll(file));
        assertThat(p.row()).isEqualTo(3);
        assertThat(p.reason()).isEqualTo("the line is not a JSON object");
    }

    @Test
    void aJsonLineThatIsNotJson() throws IOException {
        Path file = CsvReadingTest.write(dir.resolve("photos.jsonl"), "{\"xm\":\"王\"}\n{\"xm\":\"李\"\n", StandardCharsets.UTF_8);
        FileProblem p = problem(() -> readAll(file));
        assertThat(p.row()).isEqualTo(2);
        assertThat(p.reason()).startsWith("not valid JSON: ");
    }

    @Test
    void aJsonKeyGivenTwice() throws IOException {
        Path file = CsvReadingTest.write(dir.resolve("photos.jsonl"), "{\"xm\":\"王\",\"sfzh\":\"1\"}\n{\"xm\":\"李\",\"xm\":\"赵\"}\n",
                StandardCharsets.UTF_8);
        FileProblem p = problem(() -> readAll(file));
        assertThat(p.row()).isEqualTo(2);
        assertThat(p.column()).isEqualTo("xm");
        assertThat(p.reason()).isEqualTo("the key appears twice in the object");
    }

    // ---- XLSX

    @Test
    void aTruncatedWorkbook() throws IOException {
        Path whole = Workbooks.zip(dir.resolve("whole.xlsx"), Workbooks.parts(sheetOf(100), "", "", false));
        byte[] bytes = Files.readAllBytes(whole);
        Path file = Files.write(dir.resolve("truncated.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));
        FileProblem p = problem(() -> readAll(file));
        assertThat(p.row()).isZero();
        assertThat(p.reason()).contains("the end of the ZIP directory is missing");
    }

    @Test
    void aZipBomb() throws IOException {
        Path file = dir.resolve("bomb.xlsx");
        Map<String, byte[]> parts = Workbooks.parts("", "", "", false);
        parts.remove(Workbooks.SHEET);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
            }
            zip.putNextEntry(new ZipEntry(Workbooks.SHEET));
            zip.write(Workbooks.utf8("<worksheet xmlns=\"" + Workbooks.MAIN + "\"><sheetData>"));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                zip.write(spaces);
            }
            zip.write(Workbooks.utf8("</sheetData></worksheet>"));
        }
        assertThat(Files.size(file)).isLessThan(1 << 20);
        FileProblem p = problem(() -> readAll(file));
        assertThat(p.row()).isZero();
        assertThat(p.reason()).startsWith("the XLSX part xl/worksheets/sheet1.xml would inflate ").endsWith(
                " times, more than the limit of 100 (a zip bomb?)");
    }

    @Test
    void aWorkbookThatLiesAboutItsSizes() throws IOException {
        Path file = Workbooks.zip(dir.resolve("liar.xlsx"), Workbooks.parts(sheetOf(200), "", "", false));
        setDeclaredSize(file, Workbooks.SHEET, 1000);
        FileProblem p = problem(() -> readAll(file));
        assertThat(p.row()).isZero();
        assertThat(p.reason()).isEqualTo(
                "the XLSX part xl/worksheets/sheet1.xml inflates to more than the 1000 bytes it declares (a crafted archive?)");
    }

    @Test
    void aWorkbookLargerThanTheLimit() throws IOException {
        Path file = Workbooks.zip(dir.resolve("large.xlsx"), Workbooks.parts(sheetOf(200), "", "", false));
        FileProblem p = problem(() -> readAll(file, 1, ReadLimits.standard().withMaxXlsxUncompressedBytes(5000)));
        assertThat(p.row()).isZero();
        assertThat(p.reason()).isEqualTo("the XLSX workbook inflates to more than the limit of 5000 bytes");
    }

    @Test
    void aSharedStringFlood() throws IOException {
        StringBuilder strings = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            strings.append("<si><t>s").append(i).append("</t></si>");
        }
        Path file = Workbooks.zip(dir.resolve("flood.xlsx"), Workbooks.parts(sheetOf(1), strings.toString(), "", false));
        FileProblem p = problem(() -> readAll(file, 1, ReadLimits.standard().withMaxSharedStrings(1000)));
        assertThat(p.row()).isZero();
        assertThat(p.reason()).isEqualTo("the XLSX shared-string table holds more than the limit of 1000 strings");

        FileProblem chars = problem(() -> readAll(file, 1, ReadLimits.standard().withMaxSharedStringChars(5000)));
        assertThat(chars.reason()).isEqualTo("the XLSX shared-string table holds more than the limit of 5000 characters");
    }

    @Test
    void aSharedStringFloodAnnouncedByItsCount() throws IOException {
        Map<String, byte[]> parts = Workbooks.parts(sheetOf(1), "", "", false);
        parts.put(Workbooks.SHARED_STRINGS, Workbooks.utf8("<sst xmlns=\"" + Workbooks.MAIN
                + "\" count=\"50000000\" uniqueCount=\"50000000\"><si><t>a</t></si></sst>"));
        Path file = Workbooks.zip(dir.resolve("announced.xlsx"), parts);
        assertThat(problem(() -> readAll(file)).reason())
                .isEqualTo("the XLSX shared-string table holds 50000000 strings by its own count, more than the limit of 4194304");
    }

    @Test
    void aCellReferringToAMissingSharedString() throws IOException {
        String data = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>0</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>7</v></c></row>";
        Path file = Workbooks.zip(dir.resolve("dangling.xlsx"), Workbooks.parts(data, "<si><t>名</t></si>", "", false));
        FileProblem p = problem(() -> readAll(file));
        assertThat(p.row()).isEqualTo(2);
        assertThat(p.column()).isEqualTo("名");
        assertThat(p.reason()).isEqualTo("the cell refers to shared string 7, and the table has 1");
    }

    @Test
    void aWorkbookWithDamagedSheetXml() throws IOException {
        String data = sheetOf(5) + "<row r=\"7\"><c r=\"A7\"><v>1</v></row>";
        Path file = Workbooks.zip(dir.resolve("damaged.xlsx"), Workbooks.parts(data, "", "", false));
        FileProblem p = problem(() -> readAll(file));
        assertThat(p.row()).isEqualTo(7);
        assertThat(p.reason()).startsWith("the XLSX part xl/worksheets/sheet1.xml is damaged: ");
    }

    @Test
    void aWorkbookPartWithEntityExpansion() throws IOException {
        Map<String, byte[]> parts = Workbooks.parts(sheetOf(1), "", "", false);
        parts.put(Workbooks.SHARED_STRINGS, Workbooks.utf8("<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><sst xmlns=\"" + Workbooks.MAIN + "\"><si><t>&b;</t></si></sst>"));
        Path file = Workbooks.zip(dir.resolve("laughs.xlsx"), parts);
        FileProblem p = problem(() -> readAll(file));
        assertThat(p.row()).isZero();
        assertThat(p.reason()).startsWith("the XLSX part xl/sharedStrings.xml is damaged: ");
    }

    @Test
    void aZipThatIsNotAWorkbook() throws IOException {
        Path file = dir.resolve("not-a-workbook.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write(Workbooks.utf8("hello"));
        }
        assertThat(problem(() -> readAll(file)).reason())
                .isEqualTo("not an XLSX workbook: it has no workbook part xl/workbook.xml");
    }

    /** A header row and {@code rows} data rows of inline strings. */
    static String sheetOf(int rows) {
        StringBuilder data = new StringBuilder("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>名</t></is></c></row>");
        for (int r = 2; r <= rows + 1; r++) {
            data.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"inlineStr\"><is><t>值")
                    .append(r).append("</t></is></c></row>");
        }
        return data.toString();
    }

    /** Rewrites the uncompressed size the central directory declares for a part, as a crafted archive would. */
    static void setDeclaredSize(Path file, String part, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = part.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (int p = 0; p + 46 <= bytes.length; p++) {
            if (buf.getInt(p) == 0x02014b50 && buf.getShort(p + 28) == name.length
                    && Arrays.equals(bytes, p + 46, p + 46 + name.length, name, 0, name.length)) {
                buf.putInt(p + 24, size);
                found = true;
            }
        }
        assertThat(found).as("central directory entry of " + part).isTrue();
        Files.write(file, bytes);
    }
}
