package org.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CityGeneratorTest {

    @TempDir
    Path temp;

    @Test
    void sameSpecGivesByteIdenticalFilesWhateverTheThreadCount() throws IOException {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        new CityGenerator(1).generate(new CitySpec(3_000, 3, 7, YearMonth.of(2026, 1), a));
        new CityGenerator(2).generate(new CitySpec(3_000, 3, 7, YearMonth.of(2026, 1), b));

        Map<String, byte[]> first = contents(a);
        Map<String, byte[]> second = contents(b);
        assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
        for (Map.Entry<String, byte[]> e : first.entrySet()) {
            assertThat(second.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(first).containsKeys("city.properties", "agency/persons.csv", "feeds/2026-03/manifest.csv");
        assertThat(first.keySet()).anyMatch(k -> k.endsWith(".xlsx")).anyMatch(k -> k.endsWith(".jsonl"));
    }

    @Test
    void aCityFromAnotherGeneratorVersionIsNotCurrent() throws IOException {
        Path city = temp.resolve("city");
        assertThat(CityGenerator.isCurrent(city)).isFalse();
        new CityGenerator().generate(new CitySpec(300, 1, 1, YearMonth.of(2026, 1), city));
        assertThat(CityGenerator.isCurrent(city)).isTrue();

        Path manifest = city.resolve("city.properties");
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        Files.writeString(manifest, text.replaceFirst("generator.version=\\d+", "generator.version=0"),
                StandardCharsets.UTF_8);
        assertThat(CityGenerator.isCurrent(city)).isFalse();
    }

    @Test
    void differentSeedsGiveDifferentCities() throws IOException {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        new CityGenerator().generate(new CitySpec(500, 1, 1, YearMonth.of(2026, 1), a));
        new CityGenerator().generate(new CitySpec(500, 1, 2, YearMonth.of(2026, 1), b));
        assertThat(Files.readAllBytes(b.resolve("agency/persons.csv")))
                .isNotEqualTo(Files.readAllBytes(a.resolve("agency/persons.csv")));
    }

    @Test
    void cityPropertiesIsWrittenLastAndCountsTheRowsOfEveryFile() throws IOException {
        Path root = SmallCity.root();
        List<String> lines = Files.readAllLines(root.resolve("city.properties"), StandardCharsets.UTF_8);
        assertThat(lines).contains("seed=" + SmallCity.SEED, "residents=3000", "months=3", "start.month=2026-01", "generator.version=5");
        long personsRows = SmallCity.csv(root.resolve("agency/persons.csv")).rows().size();
        assertThat(lines).contains("rows.agency/persons.csv=" + personsRows);
        try (Stream<Path> files = Files.walk(root)) {
            long dataFiles = files.filter(Files::isRegularFile).count();
            assertThat(lines).contains("files=" + dataFiles);
        }
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.map(Path::toString)).noneMatch(p -> p.endsWith(".tmp") || p.endsWith(".raw"));
        }
    }

    @Test
    void summaryCountsRowsPerKindOfFile() {
        GenerationSummary summary = SmallCity.summary();
        assertThat(summary.rows("agency/persons")).isPositive();
        assertThat(summary.rows("truth/recipients")).isPositive();
        assertThat(summary.filesByKind().get("truth/recipients")).isEqualTo(SmallCity.MONTHS);
        assertThat(summary.rows("feeds/medical_insurance/settlements")).isPositive();
        assertThat(summary.describe()).contains("agency/recipients");
    }

    @Test
    void anEarlierCityIsReplacedButAForeignFolderIsRefused() throws IOException {
        Path city = temp.resolve("city");
        CitySpec spec = new CitySpec(300, 1, 3, YearMonth.of(2026, 1), city);
        new CityGenerator().generate(spec);
        Files.writeString(city.resolve("agency/leftover.csv"), "x");
        new CityGenerator().generate(spec);
        assertThat(city.resolve("agency/leftover.csv")).doesNotExist();

        Path foreign = temp.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> new CityGenerator().generate(new CitySpec(300, 1, 3, YearMonth.of(2026, 1), foreign)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notes.txt");
        assertThat(foreign.resolve("notes.txt")).exists();
    }

    @Test
    void specRejectsValuesOutsideItsRange() {
        Path out = temp.resolve("x");
        YearMonth jan = YearMonth.of(2026, 1);
        assertThatThrownBy(() -> new CitySpec(10, 1, 1, jan, out)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CitySpec(1_000, 0, 1, jan, out)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CitySpec(1_000, 121, 1, jan, out)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CitySpec(1_000, 1, 1, YearMonth.of(1999, 1), out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CitySpec(1_000, 1, 1, null, out)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CitySpec(1_000, 1, 1, jan, null)).isInstanceOf(NullPointerException.class);
        assertThat(new CitySpec(1_000, 12, 1, jan, out).endMonth()).isEqualTo(YearMonth.of(2026, 12));
    }

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
