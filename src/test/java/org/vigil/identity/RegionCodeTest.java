package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTest {

    private static RegionCode code(String digits) {
        return RegionCode.parse(digits).orElseThrow();
    }

    private static Rejection rejection(String input) {
        Parsed<RegionCode> parsed = RegionCode.parse(input);
        assertThat(parsed.isValid()).as("'%s' should be refused", input).isFalse();
        return parsed.problem().orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({
        "220000, PROVINCE",
        "110000, PROVINCE",
        "220200, CITY",
        "429000, CITY",
        "220202, COUNTY",
        "220202001, TOWNSHIP",
        "441900003, TOWNSHIP",
        "220202001001, VILLAGE",
    })
    void levelFollowsFromLengthAndZeros(String digits, RegionLevel level) {
        RegionCode code = code(digits);
        assertThat(code.level()).isEqualTo(level);
        assertThat(code.value()).isEqualTo(digits);
        assertThat(code.value()).hasSize(level.digits());
    }

    @ParameterizedTest
    @CsvSource({
        "220202000000, 220202, COUNTY",
        "220202001000, 220202001, TOWNSHIP",
        "220200000000, 220200, CITY",
        "220000000000, 220000, PROVINCE",
        "220202000, 220202, COUNTY",
        "441900003000, 441900003, TOWNSHIP",
    })
    void zeroPaddedFormsAreNormalisedToTheirTrueLevel(String padded, String normal, RegionLevel level) {
        RegionCode code = code(padded);
        assertThat(code.value()).isEqualTo(normal);
        assertThat(code.level()).isEqualTo(level);
        assertThat(code).isEqualTo(code(normal));
        assertThat(code.padded()).isEqualTo((normal + "000000").substring(0, 12));
    }

    @Test
    void blanksAndFullWidthDigitsAreNormalised() {
        assertThat(code(" 220202 ").value()).isEqualTo("220202");
        assertThat(code("220 202 001").value()).isEqualTo("220202001");
        assertThat(code("\u3000２２０２０２\u00A0").value()).isEqualTo("220202");
        assertThat(code("\uFEFF220202\t").value()).isEqualTo("220202");
        assertThat(code("２２０２０２００１００１").value()).isEqualTo("220202001001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u3000", "\t\n"})
    void emptyInputIsRefused(String input) {
        assertThat(rejection(input).reason()).isEqualTo(RegionCodeReason.EMPTY);
    }

    @Test
    void nullIsRefusedAsEmpty() {
        assertThat(rejection(null).reason()).isEqualTo(RegionCodeReason.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"22020", "2202021", "2202020", "22020200100", "2202020010011", "22"})
    void wrongLengthIsRefused(String input) {
        Rejection rejection = rejection(input);
        assertThat(rejection.reason()).isEqualTo(RegionCodeReason.LENGTH);
        assertThat(rejection.detail()).contains("found " + input.length() + " digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"22020A", "220-202", "22020２X", "２２０２０Ｘ", "昌邑区", "220202.0"})
    void nonDigitsAreRefused(String input) {
        assertThat(rejection(input).reason()).isEqualTo(RegionCodeReason.CHARACTERS);
    }

    @Test
    void characterRejectionSaysWhichAndWhere() {
        assertThat(rejection("2202O2").detail()).isEqualTo("unexpected 'O' at position 5");
        assertThat(rejection("22020\u200C2").detail()).contains("U+200C").contains("position 6");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "000000 | all digits are zero",
        "000000000000 | all digits are zero",
        "990101 | '99' is not a province-level code",
        "100000 | '10' is not a province-level code",
        "830000 | '83' is not a province-level code",
        "220202000001 | digits 7-9 are 000",
        "220000001 | digits 3-6 are 0000",
        "220000001001 | digits 3-6 are 0000",
    })
    void digitsThatCannotBeADivisionAreRefused(String input, String detail) {
        Rejection rejection = rejection(input);
        assertThat(rejection.reason()).isEqualTo(RegionCodeReason.STRUCTURE);
        assertThat(rejection.detail()).contains(detail);
    }

    @Test
    void everyRejectionReasonIsReachableAndDescribed() {
        Set<RejectionReason> seen = new HashSet<>();
        for (String input : List.of("", "123", "12a456", "000000")) {
            seen.add(rejection(input).reason());
        }
        assertThat(seen).containsExactlyInAnyOrder((RejectionReason[]) RegionCodeReason.values());
        for (RegionCodeReason reason : RegionCodeReason.values()) {
            assertThat(reason.code()).isEqualTo(reason.name());
            assertThat(reason.english()).isNotBlank();
            assertThat(reason.chinese()).isNotBlank();
        }
        assertThat(rejection("990101").messageChinese()).startsWith("区划代码结构不对：");
    }

    @Test
    void onlyTheProvinceIsHardChecked() {
        // county and city digits that no table lists are still a code: the directory says whether it exists
        assertThat(RegionCode.parse("229999").isValid()).isTrue();
        assertThat(RegionCode.parse("110001").isValid()).isTrue();
        assertThat(code("110001").level()).isEqualTo(RegionLevel.COUNTY);
        for (String province : List.of("11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65", "71",
                "81", "82")) {
            assertThat(RegionCode.isProvince(province)).as(province).isTrue();
            assertThat(RegionCode.parse(province + "0000").isValid()).as(province).isTrue();
        }
        for (String other : List.of("00", "10", "16", "20", "24", "30", "38", "40", "47", "49", "55", "60", "66",
                "70", "72", "80", "83", "90", "99", "1", "110", "1a")) {
            assertThat(RegionCode.isProvince(other)).as(other).isFalse();
        }
        assertThat(RegionCode.isProvince(null)).isFalse();
        assertThat(RegionCode.isProvince("２２")).isTrue();
    }

    @Test
    void parentWalksUpOneLevelAtATime() {
        RegionCode village = code("220202001001");
        List<String> chain = new ArrayList<>();
        for (RegionCode c = village; c != null; c = c.parent().orElse(null)) {
            chain.add(c.value());
        }
        assertThat(chain).containsExactly("220202001001", "220202001", "220202", "220200", "220000");
        assertThat(code("220000").parent()).isEmpty();
        assertThat(village.lineage()).extracting(RegionCode::value)
                .containsExactly("220000", "220200", "220202", "220202001", "220202001001");
    }

    @Test
    void parentHandlesMunicipalitiesAndCitiesWithoutCounties() {
        assertThat(code("110101").parent()).contains(code("110100"));
        assertThat(code("110001").parent()).contains(code("110000"));
        assertThat(code("441900003").parent()).contains(code("441900"));
        assertThat(code("429004").parent()).contains(code("429000"));
    }

    @Test
    void ancestorsByLevel() {
        RegionCode village = code("220202001001");
        assertThat(village.province()).isEqualTo(code("220000"));
        assertThat(village.prefecture()).contains(code("220200"));
        assertThat(village.county()).contains(code("220202"));
        assertThat(village.township()).contains(code("220202001"));
        assertThat(village.district()).isEqualTo(code("220202"));

        RegionCode province = code("220000");
        assertThat(province.province()).isSameAs(province);
        assertThat(province.prefecture()).isEmpty();
        assertThat(province.county()).isEmpty();
        assertThat(province.township()).isEmpty();
        assertThat(province.district()).isSameAs(province);

        RegionCode city = code("220200");
        assertThat(city.prefecture()).contains(city);
        assertThat(city.county()).isEmpty();

        RegionCode county = code("220202");
        assertThat(county.county()).contains(county);
        assertThat(county.township()).isEmpty();

        RegionCode dongguanTown = code("441900003");
        assertThat(dongguanTown.county()).as("Dongguan has no counties").isEmpty();
        assertThat(dongguanTown.prefecture()).contains(code("441900"));
        assertThat(dongguanTown.district()).isEqualTo(code("441900"));

        assertThat(code("110001").prefecture()).isEmpty();
    }

    @Test
    void aDistrictContainsItsStreetsAndTheirCommunities() {
        RegionCode district = code("220202");
        assertThat(district.contains(code("220202001"))).isTrue();
        assertThat(district.contains(code("220202001001"))).isTrue();
        assertThat(district.contains(district)).as("reflexive").isTrue();
        assertThat(district.contains(code("220203001001"))).isFalse();
        assertThat(district.contains(code("220200"))).isFalse();
        assertThat(district.contains(null)).isFalse();

        assertThat(code("220200").contains(code("220284112"))).isTrue();
        assertThat(code("220200").contains(code("220300"))).isFalse();
        assertThat(code("220000").contains(code("220284112001"))).isTrue();
        assertThat(code("220000").contains(code("210000"))).isFalse();
        assertThat(code("220202001").contains(code("220202001201"))).isTrue();
        assertThat(code("220202001").contains(code("220202002201"))).isFalse();
        assertThat(code("220202001001").contains(code("220202001002"))).isFalse();
        assertThat(code("441900").contains(code("441900003"))).isTrue();

        assertThat(code("220202001001").isWithin(district)).isTrue();
        assertThat(district.isWithin(code("220202001001"))).isFalse();
    }

    @Test
    void childrenAreBuiltFromTheirOwnDigits() {
        assertThat(code("220000").child("02").orElseThrow()).isEqualTo(code("220200"));
        assertThat(code("220200").child("02").orElseThrow()).isEqualTo(code("220202"));
        assertThat(code("220202").child("001").orElseThrow()).isEqualTo(code("220202001"));
        assertThat(code("220202001").child("００１").orElseThrow()).isEqualTo(code("220202001001"));
        assertThat(code("441900").child("003").orElseThrow()).isEqualTo(code("441900003"));

        assertThat(code("220202001001").child("001").problem()).map(Rejection::reason)
                .contains(RegionCodeReason.STRUCTURE);
        assertThat(code("220202").child("000").problem()).map(Rejection::reason).contains(RegionCodeReason.STRUCTURE);
        assertThat(code("220202").child("01").problem()).map(Rejection::reason).contains(RegionCodeReason.LENGTH);
        assertThat(code("220000").child("001").problem()).map(Rejection::reason).contains(RegionCodeReason.LENGTH);
        assertThat(code("220202").child("0a1").problem()).map(Rejection::reason)
                .contains(RegionCodeReason.CHARACTERS);
        assertThat(code("220202").child(" ").problem()).map(Rejection::reason).contains(RegionCodeReason.EMPTY);
        assertThat(code("220202").child(null).problem()).map(Rejection::reason).contains(RegionCodeReason.EMPTY);
    }

    @Test
    void equalityOrderAndText() {
        assertThat(code("220202")).isEqualTo(code("220202000000")).hasSameHashCodeAs(code("220202000000"));
        assertThat(code("220202")).isNotEqualTo(code("220203")).isNotEqualTo("220202");
        assertThat(code("220202").toString()).isEqualTo("220202");
        List<RegionCode> codes = new ArrayList<>(List.of(code("220203"), code("220202001"), code("220200"),
                code("220202"), code("220000")));
        codes.sort(null);
        assertThat(codes).extracting(RegionCode::value)
                .containsExactly("220000", "220200", "220202", "220202001", "220203");
    }

    @Test
    void levelsDescribeThemselves() {
        assertThat(RegionLevel.PROVINCE.chinese()).isEqualTo("省级");
        assertThat(RegionLevel.VILLAGE.chinese()).isEqualTo("村级");
        assertThat(RegionLevel.TOWNSHIP.digits()).isEqualTo(9);
        assertThat(RegionLevel.CITY.significantDigits()).isEqualTo(4);
        assertThat(RegionLevel.COUNTY.english()).isEqualTo("county");
    }
}
