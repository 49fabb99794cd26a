package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class DepartmentDatesProperties {

    static final String[] PATTERNS = {"yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyyMMdd", "yyyy年M月d日",
            "yyyy年MM月dd日", "yyyy.MM.dd", "yyyy.M.d"};

    /** Dates the Excel 1900 system and the calendar make awkward: its ends, the phantom leap day, real leap days. */
    static final List<LocalDate> EDGE_DATES = List.of(LocalDate.of(1900, 1, 1), LocalDate.of(1900, 2, 28),
            LocalDate.of(1900, 3, 1), LocalDate.of(1900, 12, 31), LocalDate.of(1904, 2, 29), LocalDate.of(1999, 12, 31),
            LocalDate.of(2000, 2, 29), LocalDate.of(2024, 2, 29), LocalDate.of(2100, 2, 28), LocalDate.of(2100, 12, 31));

    /** Any date 1900–2100, a tenth of them from {@link #EDGE_DATES}. */
    static Gen<LocalDate> dates() {
        return longs().between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay)
                .mix(Generate.pick(EDGE_DATES), 10);
    }

    /** Any time of day to the second, midnight and the last second included often. */
    static Gen<LocalTime> times() {
        return integers().between(0, 86_399).mix(Generate.pick(List.of(0, 1, 43_200, 86_398, 86_399)), 10)
                .map(LocalTime::ofSecondOfDay);
    }

    /** Strings of {@code min} to {@code max} characters drawn from {@code alphabet}. */
    static Gen<String> stringsOf(String alphabet, int min, int max) {
        List<Character> chars = alphabet.chars().mapToObj(c -> (char) c).toList();
        return lists().of(Generate.pick(chars)).ofSizeBetween(min, max).map(cs -> {
            StringBuilder sb = new StringBuilder(cs.size());
            cs.forEach(sb::append);
            return sb.toString();
        });
    }

    static Gen<String> dateLike() {
        return stringsOf("0123456789-/.年月日时分秒: T", 0, 24);
    }

    @Test
    void everyFormRoundTripsForAnyDate1900To2100() {
        qt().withExamples(1000).forAll(dates()).checkAssert(date -> {
            for (String pattern : PATTERNS) {
                String text = DateTimeFormatter.ofPattern(pattern).format(date);
                assertThat(DepartmentDates.parse(text).orElseThrow()).as(text).isEqualTo(date);
                assertThat(DepartmentDates.parseWithTime(text).orElseThrow().hasTime()).as(text).isFalse();
            }
        });
    }

    @Test
    void excelSerialsRoundTripForAnyDate1900To2100() {
        qt().withExamples(1000).forAll(dates()).checkAssert(date -> {
            long serial = DepartmentDates.excelSerial(date).orElseThrow();
            assertThat(serial).isNotEqualTo(60);
            assertThat(DepartmentDates.parse(Long.toString(serial)).orElseThrow()).isEqualTo(date);
        });
    }

    @Test
    void dateAndTimeRoundTrip() {
        qt().withExamples(1000).forAll(dates(), times()).checkAssert((date, time) -> {
            String iso = date + "T" + time.withNano(0).format(DateTimeFormatter.ofPattern("HH:mm:ss"));
            String spaced = DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss").format(date.atTime(time));
            for (String text : new String[] {iso, spaced}) {
                DepartmentDates.DateWithTime parsed = DepartmentDates.parseWithTime(text).orElseThrow();
                assertThat(parsed.toLocalDateTime()).as(text).isEqualTo(date.atTime(time));
                assertThat(parsed.hasTime()).as(text).isTrue();
            }
        });
    }

    @Test
    void excelSerialsWithAFractionRoundTripToTheSecond() {
        qt().withExamples(1000).forAll(dates(), times()).checkAssert((date, time) -> {
            long serial = DepartmentDates.excelSerial(date).orElseThrow();
            BigDecimal value = BigDecimal.valueOf(serial)
                    .add(BigDecimal.valueOf(time.toSecondOfDay()).divide(BigDecimal.valueOf(86_400), 10, RoundingMode.HALF_UP));
            DepartmentDates.DateWithTime parsed = DepartmentDates.parseWithTime(value.toPlainString()).orElseThrow();
            assertThat(parsed.toLocalDateTime()).as(value.toPlainString()).isEqualTo(date.atTime(time));
        });
    }

    @Test
    void anyInputIsAnsweredWithoutAnException() {
        qt().withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(raw -> {
            Parsed<DepartmentDates.DateWithTime> parsed = DepartmentDates.parseWithTime(raw);
            assertThat(parsed.isValid() || parsed.problem().isPresent()).isTrue();
        });
    }

    @Test
    void anyDigitsAndSeparatorsAreAnsweredWithoutAnException() {
        qt().withExamples(2000).forAll(dateLike()).checkAssert(raw -> {
            Parsed<DepartmentDates.DateWithTime> parsed = DepartmentDates.parseWithTime(raw);
            assertThat(parsed.isValid() || parsed.problem().isPresent()).isTrue();
            // Whatever was read is a real date, which reads back the same from its ISO form.
            parsed.toOptional().ifPresent(d -> assertThat(DepartmentDates.parse(d.date().toString()).orElseThrow())
                    .as(raw).isEqualTo(d.date()));
        });
    }

    @Test
    void everyMonthFormRoundTripsForAnyDate1900To2100() {
        qt().withExamples(1000).forAll(dates()).checkAssert(date -> {
            YearMonth month = YearMonth.from(date);
            for (String pattern : new String[] {"yyyy-MM", "yyyy-M", "yyyy/M", "yyyy.MM", "yyyyMM", "yyyy年M月"}) {
                String text = DateTimeFormatter.ofPattern(pattern).format(month);
                assertThat(DepartmentDates.parseYearMonth(text).orElseThrow()).as(text).isEqualTo(month);
            }
            // A month a spreadsheet turned into a date cell, on its first day or any other.
            assertThat(DepartmentDates.parseYearMonth(date.toString()).orElseThrow()).isEqualTo(month);
        });
    }

    @Test
    void everyTimeFormRoundTripsToTheSecond() {
        qt().withExamples(1000).forAll(times()).checkAssert(time -> {
            for (String pattern : new String[] {"HH:mm:ss", "H:mm:ss", "HHmmss", "H时m分s秒"}) {
                String text = DateTimeFormatter.ofPattern(pattern).format(time);
                assertThat(DepartmentDates.parseTime(text).orElseThrow()).as(text).isEqualTo(time);
            }
            String serial = BigDecimal.valueOf(time.toSecondOfDay()).divide(BigDecimal.valueOf(86_400), 10, RoundingMode.HALF_UP)
                    .toPlainString();
            assertThat(DepartmentDates.parseTime(serial).orElseThrow()).as(serial).isEqualTo(time);
        });
    }

    @Test
    void anyInputIsAnsweredWithoutAnExceptionAsAMonthOrATime() {
        qt().withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(raw -> {
            Parsed<YearMonth> month = DepartmentDates.parseYearMonth(raw);
            assertThat(month.isValid() || month.problem().isPresent()).isTrue();
            Parsed<LocalTime> time = DepartmentDates.parseTime(raw);
            assertThat(time.isValid() || time.problem().isPresent()).isTrue();
        });
        qt().withExamples(2000).forAll(dateLike()).checkAssert(raw -> {
            Parsed<YearMonth> month = DepartmentDates.parseYearMonth(raw);
            assertThat(month.isValid() || month.problem().isPresent()).as(raw).isTrue();
            Parsed<LocalTime> time = DepartmentDates.parseTime(raw);
            assertThat(time.isValid() || time.problem().isPresent()).as(raw).isTrue();
        });
    }
}
