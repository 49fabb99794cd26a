package org.vigil.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.identity.Gender;
import org.vigil.identity.ResidentId;

/** Properties of the pieces the city is built from, checked on generated inputs (ADR 0005). */
class SimulatorProperties {

    private static final int FIRST_BIRTH = Dates.day(1905, 1, 1);
    private static final int LAST_BIRTH = Dates.day(2030, 12, 31);

    @TempDir
    Path temp;

    @Test
    void issuedIdNumbersAreValidDistinctAndCarryBirthDateAndSex_REG2() {
        qt().forAll(integers().between(0, IdNumbers.PREFIXES.length - 1), integers().between(FIRST_BIRTH, LAST_BIRTH),
                booleans().all(), longs().all())
            .checkAssert((prefix, birth, male, salt) -> {
                IdNumbers ids = new IdNumbers(birth, birth);
                long first = ids.issue(prefix, birth, male, salt);
                long second = ids.issue(prefix, birth, male, salt);
                assertThat(second).isNotEqualTo(first);
                for (long body : new long[] {first, second}) {
                    String id = String.format("%017d", body) + IdNumbers.check(body);
                    ResidentId parsed = ResidentId.parse(id, LocalDate.of(2031, 1, 1)).orElseThrow();
                    assertThat(parsed.birthDate()).isEqualTo(Dates.date(birth));
                    assertThat(parsed.gender()).isEqualTo(male ? Gender.MALE : Gender.FEMALE);
                    assertThat(parsed.regionPrefix()).isEqualTo(Integer.toString(IdNumbers.PREFIXES[prefix]));
                }
            });
    }

    @Test
    void csvCellsSurviveAnyTextThroughQuoting() {
        qt().withExamples(200)
            .forAll(lists().of(strings().betweenCodePoints(0x0A, 0x9FA5).ofLengthBetween(0, 12)).ofSize(3),
                booleans().all())
            .checkAssert((cells, crlf) -> {
                Path file = temp.resolve("t.csv");
                CsvSink sink = new CsvSink(file, TextEncoding.UTF_8, crlf);
                sink.header("a", "b", "c");
                Row row = new Row();
                for (String cell : cells) {
                    row.text(cell);
                }
                sink.write(row);
                sink.close();
                List<List<String>> read = new ArrayList<>();
                try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(
                        new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
                    for (CsvRecord r : reader) {
                        read.add(r.getFields());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                assertThat(read).hasSize(2);
                assertThat(read.get(1)).isEqualTo(cells);
            });
    }

    @Test
    void garbledNamesStayOneCharacterAwayFromTheTruth() {
        qt().forAll(longs().all(), integers().between(1930, 2025), booleans().all(), integers().between(0, 5))
            .checkAssert((seed, year, male, ethnicity) -> {
                Rng rng = new Rng(seed, 5);
                short surname = NameBook.surname(rng, ethnicity);
                int given = NameBook.given(rng, male, year, ethnicity);
                Row row = new Row();
                NameBook.Garble g = NameBook.putGarbled(row, surname, given, rng, 1.0);
                row.end();
                String garbled = row.cell(0);
                String truth = NameBook.name(surname, given);
                assertThat(garbled).isNotBlank();
                assertThat(garbled.equals(truth)).isEqualTo(g == NameBook.Garble.NONE);
                assertThat(garbled.length()).isBetween(truth.length() - 1, truth.length() + 1);
            });
    }
}
