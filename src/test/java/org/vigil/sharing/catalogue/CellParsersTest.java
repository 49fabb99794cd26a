package org.vigil.sharing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.identity.CreditCode;
import org.vigil.identity.CreditCodeReason;
import org.vigil.identity.DepartmentDates.DepartmentDateReason;
import org.vigil.identity.Gender;
import org.vigil.identity.OrganizationCode;
import org.vigil.identity.Parsed;
import org.vigil.identity.PersonName;
import org.vigil.identity.PhoneNumber;
import org.vigil.identity.RegionCode;
import org.vigil.identity.RejectionReason;
import org.vigil.identity.ResidentId;
import org.vigil.identity.ResidentIdReason;

/**
 * Each column type's parser on the values departments write and on the ones they get wrong: a
 * refusal is a typed reason, never an exception, whatever the cell holds (SHARE-3, DATA-6).
 */
@DisplayName("CellParsers: a cell to a typed value or a typed reason (SHARE-3, DATA-6)")
class CellParsersTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    /** 王秀英, born 1945-03-12 in 昌邑区: a valid ID built with the kernel's own check character. */
    static final String ID = withCheck("22020219450312002");
    static final String ID_X = firstWithCheck('X');

    static String withCheck(String first17) {
        return first17 + ResidentId.checkDigit(first17);
    }

    /** An ID of 1950 whose check character is {@code check}, so that lower-case x can be tried. */
    static String firstWithCheck(char check) {
        for (int seq = 0; seq < 100; seq++) {
            String first17 = "220202195001010" + String.format("%02d", seq);
            if (ResidentId.checkDigit(first17) == check) {
                return first17 + check;
            }
        }
        throw new IllegalStateException("no ID ends in " + check);
    }

    static <T> T valid(CellParser<T> parser, String raw) {
        Parsed<T> p = parser.parse(raw);
        assertThat(p.problem()).as("'" + raw + "' is valid").isEmpty();
        return p.orElseThrow();
    }

    static RejectionReason reason(CellParser<?> parser, String raw) {
        Parsed<?> p = parser.parse(raw);
        assertThat(p.isValid()).as("'" + raw + "' is refused").isFalse();
        return p.problem().orElseThrow().reason();
    }

    // ---------------------------------------------------------------- IDs

    @Test
    void idNumbersAreNormalisedByTheKernel() {
        CellParser<ResidentId> p = CellParsers.idNumber(AS_OF);
        assertThat(valid(p, ID).value()).isEqualTo(ID);
        assertThat(valid(p, ID_X.toLowerCase()).value()).as("a lower-case x").isEqualTo(ID_X);
        String legacy = ID.substring(0, 6) + ID.substring(8, 17);
        assertThat(valid(p, legacy).value()).as("the 15-digit pre-1999 form is upgraded").isEqualTo(ID);
    }

    @Test
    void badIdNumbersCarryTheKernelsReason() {
        CellParser<ResidentId> p = CellParsers.idNumber(AS_OF);
        char wrong = ID.charAt(17) == '0' ? '1' : '0';
        assertThat(reason(p, ID.substring(0, 17) + wrong)).isEqualTo(ResidentIdReason.CHECK_DIGIT);
        assertThat(reason(p, "2202021945")).isEqualTo(ResidentIdReason.LENGTH);
        assertThat(reason(p, "")).isEqualTo(ResidentIdReason.EMPTY);
        assertThat(reason(p, withCheck("22020220270101001"))).isEqualTo(ResidentIdReason.BIRTH_DATE_IN_FUTURE);
    }

    @Test
    void anIdASpreadsheetTurnedIntoANumberIsToldApart() {
        CellParser<ResidentId> p = CellParsers.idNumber(AS_OF);
        assertThat(reason(p, "2.20202194503120E17")).isEqualTo(CellReason.ID_AS_NUMBER);
        // Rendered back to 15 significant digits, the last three are zeros; unless by chance the check passes.
        String rendered = ID.substring(0, 15) + "000";
        if (ResidentId.checkDigit(rendered) != '0') {
            assertThat(reason(p, rendered)).isEqualTo(CellReason.ID_AS_NUMBER);
        }
    }

    // ---------------------------------------------------------------- names, sex, codes, phones

    @Test
    void namesGoThroughTheKernel() {
        assertThat(valid(CellParsers.name(), "王 秀英").value()).isEqualTo("王秀英");
        assertThat(valid(CellParsers.name(), "張麗").value()).isEqualTo("张丽");
        assertThat(reason(CellParsers.name(), "王秀英3")).isEqualTo(PersonName.PersonNameReason.CHARACTERS);
        assertThat(reason(CellParsers.name(), "")).isEqualTo(PersonName.PersonNameReason.EMPTY);
    }

    @ParameterizedTest
    @CsvSource({"男,MALE", "女,FEMALE", "1,MALE", "2,FEMALE", "M,MALE", "female,FEMALE"})
    void sexInEveryFormFilesUse(String raw, Gender gender) {
        assertThat(valid(CellParsers.gender(), raw)).isEqualTo(gender);
    }

    @Test
    void anUnknownSexIsRefusedNotGuessed() {
        assertThat(reason(CellParsers.gender(), "未知")).isEqualTo(Gender.GenderReason.UNKNOWN_VALUE);
        assertThat(reason(CellParsers.gender(), "9")).isEqualTo(Gender.GenderReason.UNKNOWN_VALUE);
    }

    @Test
    void codesAndPhones() {
        assertThat(valid(CellParsers.creditCode(), "91220204MAD60NC13X")).isInstanceOf(CreditCode.class);
        assertThat(reason(CellParsers.creditCode(), "91220204MAD60NC13Y")).isEqualTo(CreditCodeReason.CHECK_CHARACTER);
        assertThat(valid(CellParsers.organizationCode(), "50089074-0")).isInstanceOf(OrganizationCode.class);
        assertThat(CellParsers.organizationCode().parse("50089074-1").isValid()).isFalse();
        assertThat(valid(CellParsers.regionCode(), "220282201212").value()).isEqualTo("220282201212");
        assertThat(CellParsers.regionCode().parse("2202").isValid()).isFalse();
        assertThat(valid(CellParsers.phone(), "13684997167")).isInstanceOf(PhoneNumber.class);
        assertThat(CellParsers.phone().parse("1368499716").isValid()).isFalse();
        assertThat(CellParsers.email().parse("liaison@example.cn").isValid()).isTrue();
        assertThat(CellParsers.email().parse("liaison@").isValid()).isFalse();
    }

    // ---------------------------------------------------------------- dates and times

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-05", "20260305", "2026/3/5", "2026/03/05", "2026.03.05", "2026年3月5日", "46086"})
    void datesInEveryDepartmentsForm(String raw) {
        assertThat(valid(CellParsers.date(AS_OF, false), raw)).isEqualTo(LocalDate.of(2026, 3, 5));
    }

    @Test
    void datesThatDoNotExistOrLieAheadAreRefused() {
        CellParser<LocalDate> p = CellParsers.date(AS_OF, false);
        assertThat(reason(p, "2026-02-30")).isEqualTo(DepartmentDateReason.INVALID_DATE);
        assertThat(reason(p, "20260230")).isEqualTo(DepartmentDateReason.INVALID_DATE);
        assertThat(reason(p, "05/03/2026")).isEqualTo(DepartmentDateReason.INVALID_FORMAT);
        assertThat(reason(p, "2026-04-01")).isEqualTo(CellReason.FUTURE_DATE);
        assertThat(valid(p, "2026-03-31")).as("the as-of date itself").isEqualTo(AS_OF);
        assertThat(valid(CellParsers.date(AS_OF, true), "2029-05-09")).as("a sentence's end").isEqualTo(LocalDate.of(2029, 5, 9));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-03-05 14:07:31|2026-03-05T14:07:31",
            "2026-03-05T14:07|2026-03-05T14:07",
            "20260305140731|2026-03-05T14:07:31",
            "2026/3/5 8:05:00|2026-03-05T08:05",
            "2026-03-05|2026-03-05T00:00"})
    void dateTimes(String raw, String expected) {
        assertThat(valid(CellParsers.dateTime(AS_OF, false), raw)).isEqualTo(LocalDateTime.parse(expected));
    }

    @Test
    void badDateTimes() {
        CellParser<LocalDateTime> p = CellParsers.dateTime(AS_OF, false);
        assertThat(reason(p, "2026-03-05 24:00:00")).isEqualTo(DepartmentDateReason.INVALID_TIME);
        assertThat(reason(p, "2026-04-01 00:00:01")).isEqualTo(CellReason.FUTURE_DATE);
        assertThat(reason(p, "yesterday")).isEqualTo(DepartmentDateReason.INVALID_FORMAT);
    }

    @Test
    void timesOfDay() {
        assertThat(valid(CellParsers.time(), "17:24:26")).isEqualTo(LocalTime.of(17, 24, 26));
        assertThat(valid(CellParsers.time(), "172426")).isEqualTo(LocalTime.of(17, 24, 26));
        assertThat(reason(CellParsers.time(), "25:00")).isEqualTo(DepartmentDateReason.INVALID_TIME);
        assertThat(reason(CellParsers.time(), "noon")).isEqualTo(DepartmentDateReason.INVALID_FORMAT);
    }

    @Test
    void monthsAndYears() {
        CellParser<YearMonth> month = CellParsers.yearMonth(AS_OF, false);
        assertThat(valid(month, "2026-01")).isEqualTo(YearMonth.of(2026, 1));
        assertThat(valid(month, "2026年1月")).isEqualTo(YearMonth.of(2026, 1));
        assertThat(valid(month, "202601")).isEqualTo(YearMonth.of(2026, 1));
        assertThat(reason(month, "2026-04")).isEqualTo(CellReason.FUTURE_DATE);
        assertThat(reason(month, "2026-13")).isEqualTo(DepartmentDateReason.INVALID_DATE);
        assertThat(valid(CellParsers.yearMonth(AS_OF, true), "2026-04")).isEqualTo(YearMonth.of(2026, 4));
        CellParser<Year> year = CellParsers.year(AS_OF, false);
        assertThat(valid(year, "2026")).isEqualTo(Year.of(2026));
        assertThat(valid(year, "2026年度")).isEqualTo(Year.of(2026));
        assertThat(reason(year, "2027")).isEqualTo(CellReason.FUTURE_DATE);
        assertThat(reason(year, "26")).isEqualTo(CellReason.NOT_A_YEAR);
        assertThat(reason(year, "")).isEqualTo(CellReason.EMPTY);
    }

    // ---------------------------------------------------------------- text, numbers, choices, images

    @Test
    void textIsKeptAsWrittenFormulasIncluded() {
        CellParser<String> p = CellParsers.text(10);
        assertThat(valid(CellParsers.text(20), "=SUM(A1:A9)")).as("never evaluated").isEqualTo("=SUM(A1:A9)");
        assertThat(CellParsers.looksLikeFormula("=SUM(A1:A9)")).isTrue();
        assertThat(CellParsers.looksLikeFormula("吉林监狱")).isFalse();
        assertThat(valid(p, "𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀")).as("ten characters outside the BMP fit in ten").hasSize(20);
        assertThat(reason(p, "一二三四五六七八九十壹")).isEqualTo(CellReason.TOO_LONG);
        assertThat(reason(p, "a\u0000b")).isEqualTo(CellReason.CONTROL_CHARACTER);
        assertThat(valid(p, "第一行\n第二行")).contains("\n");
        assertThatThrownBy(() -> CellParsers.text(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"200.00|20000", "1234.5|123450", "1,234.56|123456", "¥200|20000", "200元|20000",
            "-12.30|-1230", "0|0", "3.100|310", "８８|8800"})
    void moneyInCents(String raw, long cents) {
        assertThat(valid(CellParsers.money(), raw)).isEqualTo(cents);
    }

    @Test
    void badMoney() {
        assertThat(reason(CellParsers.money(), "1.234")).isEqualTo(CellReason.TOO_MANY_DECIMALS);
        assertThat(reason(CellParsers.money(), "12a")).isEqualTo(CellReason.NOT_A_NUMBER);
        assertThat(reason(CellParsers.money(), "1.")).isEqualTo(CellReason.NOT_A_NUMBER);
        assertThat(reason(CellParsers.money(), "99999999999999999999")).isEqualTo(CellReason.OUT_OF_RANGE);
        assertThat(reason(CellParsers.money(), "")).isEqualTo(CellReason.EMPTY);
    }

    @Test
    void wholeNumbers() {
        assertThat(valid(CellParsers.integer(), "82")).isEqualTo(82L);
        assertThat(valid(CellParsers.integer(), "82.0")).as("as Excel may show it").isEqualTo(82L);
        assertThat(valid(CellParsers.integer(), "1,200")).isEqualTo(1200L);
        assertThat(reason(CellParsers.integer(), "82.5")).isEqualTo(CellReason.NOT_A_NUMBER);
        assertThat(reason(CellParsers.integer(), "eighty")).isEqualTo(CellReason.NOT_A_NUMBER);
    }

    @Test
    void choicesGiveTheCataloguesSpelling() {
        CellParser<String> p = CellParsers.choice(List.of("入监", "释放", "png"));
        assertThat(valid(p, "释放")).isEqualTo("释放");
        assertThat(valid(p, " 释 放 ")).isEqualTo("释放");
        assertThat(valid(p, "PNG")).isEqualTo("png");
        assertThat(reason(p, "保外就医")).isEqualTo(CellReason.NOT_A_CHOICE);
        assertThat(p.parse("保外就医").problem().orElseThrow().detail()).contains("入监/释放/png");
        assertThat(reason(p, "")).isEqualTo(CellReason.EMPTY);
        assertThatThrownBy(() -> CellParsers.choice(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};

    @Test
    void base64Images() {
        CellParser<ImageData> p = CellParsers.imageBase64(1024);
        String png = Base64.getEncoder().encodeToString(PNG);
        assertThat(valid(p, png).format()).isEqualTo(ImageData.Format.PNG);
        assertThat(valid(p, png).bytes()).isEqualTo(PNG);
        assertThat(valid(p, "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(JPEG)).format()).isEqualTo(ImageData.Format.JPEG);
        assertThat(valid(p, png.substring(0, 8) + "\n" + png.substring(8)).size()).as("line breaks").isEqualTo(PNG.length);
        assertThat(reason(p, "not base64!")).isEqualTo(CellReason.NOT_BASE64);
        assertThat(reason(p, "data:image/png," + png)).isEqualTo(CellReason.NOT_BASE64);
        assertThat(reason(p, Base64.getEncoder().encodeToString("just text".getBytes()))).isEqualTo(CellReason.NOT_AN_IMAGE);
        assertThat(reason(p, Base64.getEncoder().encodeToString(new byte[2048]))).isEqualTo(CellReason.IMAGE_TOO_LARGE);
    }

    // ---------------------------------------------------------------- whatever the cell holds

    @ParameterizedTest
    @EnumSource(ColumnType.class)
    void noCellMakesAParserThrow(ColumnType type) {
        ColumnDefinition column = new ColumnDefinition("c", "列", List.of(), type,
                type == ColumnType.CHOICE ? List.of("是", "否") : List.of(), true, false, type.defaultReview(), ColumnRole.NONE,
                false, type.isText() ? 50 : 0);
        CellParser<?> parser = CellParsers.forColumn(column, AS_OF);
        String pool = "0123456789-/.:年月日时分秒 Xx=+@,¥元E\u3000\uFEFF\u0000中国男女入监ａ１。data:;base64,";
        Random random = new Random(type.ordinal());
        for (int i = 0; i < 5_000; i++) {
            int length = random.nextInt(25);
            StringBuilder sb = new StringBuilder(length);
            for (int j = 0; j < length; j++) {
                sb.append(pool.charAt(random.nextInt(pool.length())));
            }
            Parsed<?> parsed = parser.parse(sb);
            assertThat(parsed).as("'" + sb + "'").isNotNull();
            if (parsed.isValid()) {
                assertThat(parsed.orElseThrow()).isInstanceOf(type.valueType());
            } else {
                assertThat(parsed.problem().orElseThrow().reason()).isNotNull();
            }
        }
        assertThat(parser.parse("").isValid()).as("an empty cell is refused; whether that matters is the column's").isFalse();
    }

    @Test
    void theParserOfAColumnFollowsItsTypeAndDates() {
        ColumnDefinition end = new ColumnDefinition("end", "刑期止日", List.of(), ColumnType.DATE, List.of(), true, true,
                ReviewLevel.MANUAL_REVIEW, ColumnRole.EVENT_END_DATE, true, 0);
        assertThat(CellParsers.forColumn(end, AS_OF, LocalDate.class).parse("2030-01-01").isValid()).isTrue();
        assertThatThrownBy(() -> CellParsers.forColumn(end, AS_OF, String.class)).isInstanceOf(IllegalArgumentException.class);
        FeedDefinition deaths = HeaderMappingTest.DEATHS;
        List<CellParser<?>> parsers = CellParsers.forFeed(deaths, AS_OF);
        assertThat(parsers).hasSameSizeAs(deaths.columns());
        assertThat(parsers.get(2).parse("2026-04-01").isValid()).as("a death date is never in the future").isFalse();
        assertThat(parsers.get(1).parse(ID).orElseThrow()).isInstanceOf(ResidentId.class);
    }

    @Test
    void regionCodesKeepTheirLevel() {
        assertThat(valid(CellParsers.regionCode(), "220202000000")).isEqualTo(RegionCode.parse("220202").orElseThrow());
    }
}
