package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ResidentId: GB 11643-1999 citizen ID numbers (DATA-6 manual-review field, REG-2 one identity per person)")
class ResidentIdTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    static String withCheck(String first17) {
        return first17 + ResidentId.checkDigit(first17);
    }

    static Parsed<ResidentId> parse(CharSequence raw) {
        return ResidentId.parse(raw, TODAY);
    }

    static ResidentIdReason reasonOf(CharSequence raw) {
        return (ResidentIdReason) parse(raw).problem().orElseThrow().reason();
    }

    /** One input per rejection reason; a reason added without an example fails {@link #everyReasonHasAnExample}. */
    static final Map<ResidentIdReason, String> EXAMPLES = Map.of(
            ResidentIdReason.EMPTY, "  ",
            ResidentIdReason.LENGTH, "11010519491231002",
            ResidentIdReason.CHARACTERS, "11010519491231002Y",
            ResidentIdReason.CHECK_DIGIT, "110105194912310021",
            ResidentIdReason.BIRTH_DATE_INVALID, withCheck("11010519000229002"),
            ResidentIdReason.BIRTH_DATE_IN_FUTURE, withCheck("11010520250701002"),
            ResidentIdReason.BIRTH_DATE_TOO_EARLY, withCheck("11010518791231002"),
            ResidentIdReason.PROVINCE_UNKNOWN, withCheck("99010519491231002"));

    @ParameterizedTest
    @EnumSource(ResidentIdReason.class)
    void everyReasonHasAnExample(ResidentIdReason reason) {
        assertThat(EXAMPLES).containsKey(reason);
        assertThat(reasonOf(EXAMPLES.get(reason))).isEqualTo(reason);
        assertThat(reason.code()).isEqualTo(reason.name());
        assertThat(reason.english()).isNotBlank();
        assertThat(reason.chinese()).isNotBlank();
    }

    @Test
    void theStandardsPublishedExampleIsValid() {
        ResidentId id = parse("11010519491231002X").orElseThrow();
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo(Gender.FEMALE);
        assertThat(id.regionPrefix()).isEqualTo("110105");
        assertThat(id.provinceCode()).isEqualTo("11");
        assertThat(id.kind()).isEqualTo(ResidentId.Kind.RESIDENT);
        assertThat(id.wasUpgradedFromLegacy()).isFalse();
        assertThat(ResidentId.checkDigit("11010519491231002")).isEqualTo('X');
    }

    @Test
    void aCanonicalStringIsKeptWithoutCopying() {
        String raw = "11010519491231002X";
        assertThat(parse(raw).orElseThrow().value()).isSameAs(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002x", " 110105 19491231 002X ", "１１０１０５１９４９１２３１００２Ｘ",
            "11010519491231002ｘ", "\uFEFF11010519491231002X\u00A0", "110105\u300019491231\t002X"})
    void blanksFullWidthDigitsAndLowerCaseXAreNormalised(String raw) {
        assertThat(parse(raw).orElseThrow().value()).isEqualTo("11010519491231002X");
    }

    @Test
    void aLegacyFifteenDigitNumberIsUpgraded() {
        ResidentId id = parse("110105491231002").orElseThrow();
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.wasUpgradedFromLegacy()).isTrue();

        ResidentId other = parse("130503670401001").orElseThrow();
        assertThat(other.value()).isEqualTo("130503196704010016");
        assertThat(other.birthDate()).isEqualTo(LocalDate.of(1967, 4, 1));
        assertThat(other.gender()).isEqualTo(Gender.MALE);
        assertThat(other).isEqualTo(parse("130503196704010016").orElseThrow());
    }

    @Test
    void aLegacyNumberWithAnImpossibleDateIsRejected() {
        assertThat(reasonOf("110105000229002")).isEqualTo(ResidentIdReason.BIRTH_DATE_INVALID);
        assertThat(reasonOf("81000090010100")).isEqualTo(ResidentIdReason.LENGTH);
        assertThat(reasonOf("810000900101001")).isEqualTo(ResidentIdReason.PROVINCE_UNKNOWN);
    }

    @Test
    void emptyInputIsEmpty() {
        assertThat(reasonOf("")).isEqualTo(ResidentIdReason.EMPTY);
        assertThat(ResidentId.parse(null, TODAY).problem().orElseThrow().reason()).isEqualTo(ResidentIdReason.EMPTY);
        assertThat(reasonOf("\u3000 \t")).isEqualTo(ResidentIdReason.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1101051949123100", "1101051949123100212", "1101051949123100211234"})
    void aNumberOfOtherLengthIsRejected(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(ResidentIdReason.LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X10105194912310021", "1101051949123100X1", "110105-19491231-002X", "张三", "11010519491231002*",
            "11010549123100X"})
    void charactersOtherThanDigitsAndAFinalXAreRejected(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(ResidentIdReason.CHARACTERS);
    }

    @Test
    void aWrongCheckDigitSaysWhatWasExpected() {
        Rejection r = parse("110105194912310021").problem().orElseThrow();
        assertThat(r.reason()).isEqualTo(ResidentIdReason.CHECK_DIGIT);
        assertThat(r.detail()).isEqualTo("expected check digit X, found 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519000229002", "11010520230229002", "11010519490230002", "11010519491301002",
            "11010519490001002", "11010519491200002", "11010519490431002"})
    void aBirthDateThatDoesNotExistIsRejected(String first17) {
        assertThat(reasonOf(withCheck(first17))).isEqualTo(ResidentIdReason.BIRTH_DATE_INVALID);
    }

    @Test
    void leapDaysOfLeapYearsAreRealDates() {
        assertThat(parse(withCheck("11010520000229002")).isValid()).isTrue();
        assertThat(parse(withCheck("11010519960229002")).isValid()).isTrue();
        assertThat(parse(withCheck("11010520240229002")).isValid()).isTrue();
    }

    @Test
    void aBirthDateAfterTodayIsInTheFuture() {
        assertThat(reasonOf(withCheck("11010520250701002"))).isEqualTo(ResidentIdReason.BIRTH_DATE_IN_FUTURE);
        assertThat(parse(withCheck("11010520250630002")).isValid()).as("born today").isTrue();
    }

    @Test
    void theFutureIsJudgedAgainstTheSuppliedClock() {
        String id = withCheck("11010520250701002");
        Clock before = Clock.fixed(LocalDate.of(2025, 6, 30).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        Clock after = Clock.fixed(LocalDate.of(2025, 7, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        assertThat(ResidentId.parse(id, before).problem().orElseThrow().reason()).isEqualTo(ResidentIdReason.BIRTH_DATE_IN_FUTURE);
        assertThat(ResidentId.parse(id, after).isValid()).isTrue();
    }

    @Test
    void aBirthBefore1880IsTooEarly() {
        assertThat(reasonOf(withCheck("11010518791231002"))).isEqualTo(ResidentIdReason.BIRTH_DATE_TOO_EARLY);
        assertThat(reasonOf(withCheck("11010507000101002"))).isEqualTo(ResidentIdReason.BIRTH_DATE_TOO_EARLY);
        assertThat(parse(withCheck("11010518800101002")).isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "10", "16", "20", "24", "30", "38", "40", "47", "55", "60", "66", "70", "72", "80", "84", "89"})
    void aFirstTwoDigitsThatAreNoProvinceAreRejected(String province) {
        assertThat(reasonOf(withCheck(province + "010519491231002"))).isEqualTo(ResidentIdReason.PROVINCE_UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71"})
    void everyProvinceOfGbt2260IsAccepted(String province) {
        ResidentId id = parse(withCheck(province + "010519491231002")).orElseThrow();
        assertThat(id.provinceCode()).isEqualTo(province);
        assertThat(id.kind()).isEqualTo(ResidentId.Kind.RESIDENT);
    }

    @Test
    void anAbolishedRegionCodeIsNeverRejectedOnThatAlone() {
        // 110103 (Chongwen) and 110104 (Xuanwu) were merged away in 2010; their IDs stay valid for life.
        assertThat(parse(withCheck("11010319650312001")).isValid()).isTrue();
        assertThat(parse(withCheck("11010419650312001")).isValid()).isTrue();
        // A region part that never existed inside a real province is still the province's business, not ours.
        assertThat(parse(withCheck("22999919650312001")).isValid()).isTrue();
    }

    @Test
    void residencePermitsForHongKongMacaoAndTaiwanAreAccepted() {
        ResidentId hk = parse(withCheck("81000019900101123")).orElseThrow();
        assertThat(hk.kind()).isEqualTo(ResidentId.Kind.HK_MACAO_PERMIT);
        assertThat(hk.regionPrefix()).isEqualTo("810000");
        assertThat(hk.provinceCode()).isEqualTo("81");
        ResidentId macao = parse(withCheck("82000019900101124")).orElseThrow();
        assertThat(macao.kind()).isEqualTo(ResidentId.Kind.HK_MACAO_PERMIT);
        assertThat(macao.gender()).isEqualTo(Gender.FEMALE);
        ResidentId taiwan = parse(withCheck("83000019900101123")).orElseThrow();
        assertThat(taiwan.kind()).isEqualTo(ResidentId.Kind.TAIWAN_PERMIT);
        assertThat(taiwan.provinceCode()).isEqualTo("83");
        assertThat(taiwan.nationalityCode()).isEmpty();
    }

    @Test
    void theForeignersPermanentResidenceIdIsAccepted() {
        // 9, accepting province 31 (Shanghai), nationality 840, born 1985-07-20, sequence 123.
        ResidentId id = parse(withCheck("93184019850720123")).orElseThrow();
        assertThat(id.kind()).isEqualTo(ResidentId.Kind.FOREIGN_PERMANENT);
        assertThat(id.provinceCode()).isEqualTo("31");
        assertThat(id.regionPrefix()).isEqualTo("931840");
        assertThat(id.nationalityCode()).contains("840");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1985, 7, 20));
        assertThat(id.gender()).isEqualTo(Gender.MALE);
        assertThat(reasonOf(withCheck("97184019850720123"))).isEqualTo(ResidentIdReason.PROVINCE_UNKNOWN);
        assertThat(reasonOf(withCheck("98184019850720123"))).isEqualTo(ResidentIdReason.PROVINCE_UNKNOWN);
        assertThat(reasonOf(withCheck("93184019850720123").substring(0, 17) + "Y")).isEqualTo(ResidentIdReason.CHARACTERS);
    }

    @Test
    void theSeventeenthDigitGivesTheGender() {
        assertThat(parse(withCheck("22020219800101121")).orElseThrow().gender()).isEqualTo(Gender.MALE);
        assertThat(parse(withCheck("22020219800101122")).orElseThrow().gender()).isEqualTo(Gender.FEMALE);
        assertThat(parse(withCheck("22020219800101120")).orElseThrow().gender()).isEqualTo(Gender.FEMALE);
    }

    @Test
    void theMaskedFormHidesTheBirthDate() {
        ResidentId id = parse("22020219800101123X").orElseThrow();
        assertThat(id.masked()).isEqualTo("220202********123X");
        assertThat(id.toString()).isEqualTo("220202********123X");
    }

    @Test
    void ageCountsCompletedYears() {
        ResidentId id = parse("11010519491231002X").orElseThrow();
        assertThat(id.ageOn(LocalDate.of(2009, 12, 30))).isEqualTo(59);
        assertThat(id.ageOn(LocalDate.of(2009, 12, 31))).isEqualTo(60);
        assertThat(id.ageOn(LocalDate.of(1949, 12, 31))).isZero();

        ResidentId leapling = parse(withCheck("11010520000229002")).orElseThrow();
        assertThat(leapling.ageOn(LocalDate.of(2001, 2, 28))).isZero();
        assertThat(leapling.ageOn(LocalDate.of(2001, 3, 1))).isEqualTo(1);
        assertThat(leapling.ageOn(LocalDate.of(2004, 2, 29))).isEqualTo(4);
    }

    @Test
    void checkDigitRefusesWhatItCannotCompute() {
        assertThat(ResidentId.checkDigit(null)).isEqualTo(ResidentId.NOT_COMPUTABLE);
        assertThat(ResidentId.checkDigit("1101051949")).isEqualTo(ResidentId.NOT_COMPUTABLE);
        assertThat(ResidentId.checkDigit("1101051949123100A")).isEqualTo(ResidentId.NOT_COMPUTABLE);
        assertThat(ResidentId.checkDigit("11010519491231002X")).as("reads only the first 17").isEqualTo('X');
    }

    @Test
    void equalityIsByValue() {
        assertThat(parse("11010519491231002x").orElseThrow()).isEqualTo(parse("11010519491231002X").orElseThrow())
                .hasSameHashCodeAs(parse("110105491231002").orElseThrow());
    }

    @Test
    void maskAllShowsEveryNumberOfTheShapeAsMaskedDoes_whetherItsCheckDigitIsRightOrNot() {
        String valid = withCheck("22020219610708923");
        String mistyped = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        assertThat(ResidentId.maskAll("not '" + valid + "' nor " + mistyped)).isEqualTo("not '"
                + parse(valid).orElseThrow().masked() + "' nor " + mistyped.substring(0, 6) + "********"
                + mistyped.substring(14));
        assertThat(ResidentId.maskAll("/api/certification/decisions/11010519491231002x"))
                .isEqualTo("/api/certification/decisions/110105********002x");
        assertThat(ResidentId.maskAll("x" + valid + " 1" + valid)).as("inside a longer run it is no ID number")
                .isEqualTo("x" + valid + " 1" + valid);
        assertThat(ResidentId.maskAll(null)).isNull();
    }
}
