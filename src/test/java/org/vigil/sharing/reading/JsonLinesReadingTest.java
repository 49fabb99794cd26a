package org.vigil.sharing.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.sharing.reading.Rows.Row;

class JsonLinesReadingTest {

    @TempDir
    Path dir;

    @Test
    void readsObjectsIntoTheFirstObjectsColumns() throws IOException {
        String jsonl = "{\"xm\":\"王秀英\",\"sfzh\":\"220202194503120025\",\"zpgs\":\"png\",\"zp\":\"iVBORw0K\",\"cjrq\":\"2026-01-05\"}\n"
                + "{\"sfzh\":\"22020219500101001X\",\"xm\":\" 李\\u5efa国 \",\"zp\":null,\"cjrq\":\"2026-01-06\"}\n";
        Path file = CsvReadingTest.write(dir.resolve("id_photos.jsonl"), jsonl, StandardCharsets.UTF_8);
        try (TableSource source = DeliveryFiles.open(file, "id_photos.jsonl", ReadLimits.standard())) {
            assertThat(source.format()).isEqualTo(new DetectedFormat(FileFormat.JSON_LINES, TextEncoding.UTF_8));
            assertThat(source.header()).containsExactly("xm", "sfzh", "zpgs", "zp", "cjrq");
            assertThat(source.headerRow()).isZero();
            assertThat(Rows.readAll(source, 2)).containsExactly(
                    Row.of(1, "王秀英", "220202194503120025", "png", "iVBORw0K", "2026-01-05"),
                    Row.of(2, "李建国", "22020219500101001X", "", "", "2026-01-06"));
        }
    }

    @Test
    void givesValuesAsTextAndExtraKeysAsExtraCells() throws IOException {
        String jsonl = "\uFEFF{\"a\":1,\"b\":true,\"c\":\"x\"}\r\n\r\n"
                + "{\"a\":-2.50e3,\"b\":false,\"c\":{\"k\":[1,2]},\"d\":\"new\"}\r\n"
                + "{\"c\":[],\"a\":0}\r\n";
        Path file = CsvReadingTest.write(dir.resolve("types.jsonl"), jsonl, StandardCharsets.UTF_8);
        try (TableSource source = DeliveryFiles.open(file, "types.jsonl", ReadLimits.standard())) {
            assertThat(source.format().encoding()).isEqualTo(TextEncoding.UTF_8_BOM);
            assertThat(Rows.readAll(source, 1)).containsExactly(
                    Row.of(1, "1", "true", "x"),
                    Row.of(3, "-2.50e3", "false", "{\"k\":[1,2]}", "new"),
                    Row.of(4, "0", "", "[]"));
        }
    }

    @Test
    void readsGbkJsonLines() throws IOException {
        Path file = CsvReadingTest.write(dir.resolve("gbk.jsonl"), "{\"姓名\":\"赵桂兰\"}\r\n{\"姓名\":\"钱国华\"}\r\n",
                CsvReadingTest.GBK);
        try (TableSource source = DeliveryFiles.open(file, "gbk.jsonl", ReadLimits.standard())) {
            assertThat(source.format()).isEqualTo(new DetectedFormat(FileFormat.JSON_LINES, TextEncoding.GB18030));
            assertThat(source.header()).containsExactly("姓名");
            assertThat(Rows.readAll(source, 1)).containsExactly(Row.of(1, "赵桂兰"), Row.of(2, "钱国华"));
        }
    }

    @Test
    void manyThreadsGiveExactlyTheRowsOneThreadGives() throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 120_000; i++) {
            jsonl.append("{\"xm\":\"王").append(i).append("\",\"sfzh\":\"").append(String.format("2202021945%08d", i))
                    .append("\",\"zp\":\"").append("A".repeat(i % 50)).append("\"}\n");
        }
        Path file = CsvReadingTest.write(dir.resolve("large.jsonl"), jsonl.toString(), StandardCharsets.UTF_8);
        var single = Rows.read(file, 1);
        assertThat(single).hasSize(120_000);
        assertThat(Rows.read(file, 3)).isEqualTo(single);
    }
}
