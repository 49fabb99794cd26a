package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.vigil.identity.DepartmentDates.DateWithTime;
import org.vigil.identity.DepartmentDates.DepartmentDateReason;

@DisplayName("DepartmentDates: the date forms department feeds really carry (SHARE-3 death dates, sentence dates, verification times)")
class DepartmentDatesTest {

    static final LocalDate AUG_9 = LocalDate.of(2018, 8, 9);

    static DepartmentDateReason reasonOf(String raw) {
        return (DepartmentDateReason) DepartmentDates.parseWithTime(raw).problem().orElseThrow().reason();
    }

    static final Map<DepartmentDateReason, String> EXAMPLES = Map.of(
            DepartmentDateReason.EMPTY, "  ",
            DepartmentDateReason.INVALID_FORMAT, "09/08/2018",
            DepartmentDateReason.INVALID_DATE, "2018-02-30",
            DepartmentDateReason.INVALID_TIME, "2018-08-09 24:00");

    @ParameterizedTest
    @EnumSource(DepartmentDateReason.class)
    void everyReasonHasAnExample(DepartmentDateReason reason) {
        assertThat(EXAMPLES).containsKey(reason);
        assertThat(reasonOf(EXAMPLES.get(reason))).isEqualTo(reason);
        assertThat(reason.chinese()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018-08-09", "2018-8-9", "2018/8/9", "2018/08/09", "20180809", "2018年8月9日", "2018年08月09日",
            "2018年8月9", "2018年8月9号", "2018.08.09", "2018.8.9", "43321", " 2018-08-09 ", "２０１８－０８－０９", "２０１８年８月９日",
            "２０１８０８０９", "\uFEFF2018-08-09"})
    void everyDateFormReadsTheSameDay(String raw) {
        assertThat(DepartmentDates.parse(raw).orElseThrow()).isEqualTo(AUG_9);
        assertThat(DepartmentDates.parseWithTime(raw).orElseThrow().hasTime()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2018-08-09 13:45|13:45",
            "2018-08-09T13:45:10|13:45:10",
            "2018/8/9 8:05:00|08:05",
            "2018-08-09  13:45:10|13:45:10",
            "2018-08-09 00:00:00.0|00:00",
            "2018-08-09 13:45:10.123|13:45:10.123",
            "2018年8月9日 13时45分|13:45",
            "2018年8月9日13时45分10秒|13:45:10",
            "2018年8月9日 13:45|13:45",
            "2018.08.09 23:59:59|23:59:59",
            "201808091345|13:45",
            "20180809134510|13:45:10",
            "２０１８－０８－０９　１３：４５|13:45"})
    void aTimeIsKeptWhenPresent(String raw, String time) {
        DateWithTime parsed = DepartmentDates.parseWithTime(raw).orElseThrow();
        assertThat(parsed.date()).isEqualTo(AUG_9);
        assertThat(parsed.time()).contains(LocalTime.parse(time));
        assertThat(parsed.toLocalDateTime()).isEqualTo(AUG_9.atTime(LocalTime.parse(time)));
        assertThat(DepartmentDates.parse(raw).orElseThrow()).isEqualTo(AUG_9);
    }

    @Test
    void excelSerialsFollowThe1900DateSystemWithItsLeapYearBug() {
        assertThat(DepartmentDates.parse("1").orElseThrow()).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(DepartmentDates.parse("59").orElseThrow()).isEqualTo(LocalDate.of(1900, 2, 28));
        assertThat(reasonOf("60")).isEqualTo(DepartmentDateReason.INVALID_DATE);
        assertThat(DepartmentDates.parse("61").orElseThrow()).isEqualTo(LocalDate.of(1900, 3, 1));
        assertThat(DepartmentDates.parse("36526").orElseThrow()).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(DepartmentDates.parse("43321").orElseThrow()).isEqualTo(AUG_9);
        assertThat(reasonOf("0")).isEqualTo(DepartmentDateReason.INVALID_DATE);
    }

    @Test
    void aSerialWithAFractionCarriesATime() {
        assertThat(DepartmentDates.parseWithTime("43321.5").orElseThrow().toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2018, 8, 9, 12, 0));
        assertThat(DepartmentDates.parseWithTime("43321.5729166667").orElseThrow().toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2018, 8, 9, 13, 45));
        assertThat(DepartmentDates.parseWithTime("43321.0").orElseThrow().time()).contains(LocalTime.MIDNIGHT);
        assertThat(DepartmentDates.parseWithTime("43321.99999999").orElseThrow().toLocalDateTime())
                .as("rounding up to midnight moves to the next day").isEqualTo(LocalDateTime.of(2018, 8, 10, 0, 0));
        assertThat(DepartmentDates.parseWithTime("59.999999999").orElseThrow().date()).isEqualTo(LocalDate.of(1900, 3, 1));
    }

    @Test
    void theSerialOfADateIsWhatExcelStores() {
        assertThat(DepartmentDates.excelSerial(LocalDate.of(1900, 1, 1))).hasValue(1);
        assertThat(DepartmentDates.excelSerial(LocalDate.of(1900, 2, 28))).hasValue(59);
        assertThat(DepartmentDates.excelSerial(LocalDate.of(1900, 3, 1))).hasValue(61);
        assertThat(DepartmentDates.excelSerial(AUG_9)).hasValue(43321);
        assertThat(DepartmentDates.excelSerial(LocalDate.of(1899, 12, 31))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018-02-29", "2018-13-01", "2018-00-10", "2018-04-31", "2018/2/30", "20180230", "2018年2月30日",
            "0000-00-00", "1900-02-29", "2018.08.32"})
    void datesThatDoNotExistAreInvalidDates(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(DepartmentDateReason.INVALID_DATE);
    }

    @Test
    void leapDaysOfLeapYearsExist() {
        assertThat(DepartmentDates.parse("2000-02-29").orElseThrow()).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(DepartmentDates.parse("20240229").orElseThrow()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018-08-09 25:00", "2018-08-09 13:60", "2018-08-09 13:45:60", "201808092400", "2018年8月9日 24时00分"})
    void timesThatDoNotExistAreInvalidTimes(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(DepartmentDateReason.INVALID_TIME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"09/08/2018", "18-08-09", "2018-08", "2018/08-09", "2018年8月", "2018-08-09 13", "2018-08-09 1:5",
            "2018-08-09 13:45:1", "2018-08-09X13:45", "2018-08-09 13:45 PM", "2018-08-09T13:45:10+08:00", "Aug 9, 2018",
            "180809", "2018080", "123456", "43321.", ".5", "2018-08-009", "20180809.5", "2018-08-09 13:45:10.1234567890",
            "2018-08-09 ", "2018-08-09 T"})
    void otherFormsAreRefusedRatherThanGuessed(String raw) {
        if (raw.equals("2018-08-09 ")) {
            // Trailing blanks are trimmed, so this one is fine.
            assertThat(DepartmentDates.parse(raw).isValid()).isTrue();
            return;
        }
        assertThat(reasonOf(raw)).isEqualTo(DepartmentDateReason.INVALID_FORMAT);
    }

    @Test
    void emptyInput() {
        assertThat(DepartmentDates.parse(null).problem().orElseThrow().reason()).isEqualTo(DepartmentDateReason.EMPTY);
        assertThat(reasonOf("")).isEqualTo(DepartmentDateReason.EMPTY);
        assertThat(reasonOf("\u3000")).isEqualTo(DepartmentDateReason.EMPTY);
    }

    // ---------------------------------------------------------------- months (payment months, stop months, tax periods)

    @ParameterizedTest
    @ValueSource(strings = {"2018-08", "2018-8", "2018/08", "2018/8", "2018.08", "2018.8", "201808", "2018年8月", "2018年08月",
            "2018年8月份", " 2018-08 ", "２０１８－０８", "２０１８年８月", "2018-08-09", "2018年8月9日", "43321", "2018-08-31 23:59"})
    void everyMonthFormReadsTheSameMonth(String raw) {
        assertThat(DepartmentDates.parseYearMonth(raw).orElseThrow()).isEqualTo(YearMonth.of(2018, 8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2018-13|INVALID_DATE", "201800|INVALID_DATE", "2018年13月|INVALID_DATE", "2018-02-30|INVALID_DATE",
            "18-08|INVALID_FORMAT", "08/2018|INVALID_FORMAT", "2018|INVALID_FORMAT", "2018年|INVALID_FORMAT",
            "2018年8|INVALID_FORMAT", "2018-08月|INVALID_FORMAT", "2018-8-|INVALID_FORMAT", "August 2018|INVALID_FORMAT",
            "'  '|EMPTY", "''|EMPTY"})
    void monthsThatAreNotMonthsAreRefused(String raw, DepartmentDateReason reason) {
        Parsed<YearMonth> parsed = DepartmentDates.parseYearMonth(raw);
        assertThat(parsed.isValid()).as(raw).isFalse();
        assertThat(parsed.problem().orElseThrow().reason()).as(raw).isEqualTo(reason);
    }

    @Test
    void aMonthTooLongToBeOneIsRefusedNotScanned() {
        assertThat(DepartmentDates.parseYearMonth("2018-08 ".repeat(10)).problem().orElseThrow().reason())
                .isEqualTo(DepartmentDateReason.INVALID_FORMAT);
        assertThat(DepartmentDates.parseYearMonth(null).problem().orElseThrow().reason()).isEqualTo(DepartmentDateReason.EMPTY);
    }

    // ---------------------------------------------------------------- times of day in a column of their own (banks)

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "13:45|13:45", "8:05|08:05", "08:05:00|08:05", "13:45:10|13:45:10", "13:45:10.5|13:45:10.5", "134510|13:45:10",
            "000000|00:00", "235959|23:59:59", "13时45分|13:45", "13时45分10秒|13:45:10", "１３：４５|13:45", "0.5|12:00",
            "0.5729166667|13:45", "0.99999999|23:59:59", "' 09:30 '|09:30"})
    void everyTimeFormReadsTheSameTime(String raw, String expected) {
        assertThat(DepartmentDates.parseTime(raw).orElseThrow()).isEqualTo(LocalTime.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "24:00|INVALID_TIME", "13:60|INVALID_TIME", "13:45:60|INVALID_TIME", "246000|INVALID_TIME",
            "1345|INVALID_FORMAT", "13|INVALID_FORMAT", "1.5|INVALID_FORMAT", "0.|INVALID_FORMAT", "13:45 PM|INVALID_FORMAT",
            "13:5|INVALID_FORMAT", "2018-08-09 13:45|INVALID_FORMAT", "noon|INVALID_FORMAT", "''|EMPTY"})
    void timesThatAreNotTimesAreRefused(String raw, DepartmentDateReason reason) {
        Parsed<LocalTime> parsed = DepartmentDates.parseTime(raw);
        assertThat(parsed.isValid()).as(raw).isFalse();
        assertThat(parsed.problem().orElseThrow().reason()).as(raw).isEqualTo(reason);
    }

    @Test
    void theDateReadersStillRefuseAMonthOrATimeAlone() {
        assertThat(reasonOf("2018-08")).isEqualTo(DepartmentDateReason.INVALID_FORMAT);
        assertThat(reasonOf("13:45")).isEqualTo(DepartmentDateReason.INVALID_FORMAT);
    }
}
