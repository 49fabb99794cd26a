package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("CreditCode: GB 32100-2015 unified social credit codes (DATA-6 manual-review field, REG-11 employers)")
class CreditCodeTest {

    static CreditCodeReason reasonOf(String raw) {
        return (CreditCodeReason) CreditCode.parse(raw).problem().orElseThrow().reason();
    }

    static String withCheck(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    static final Map<CreditCodeReason, String> EXAMPLES = Map.of(
            CreditCodeReason.EMPTY, "",
            CreditCodeReason.LENGTH, "91350100M000100Y4",
            CreditCodeReason.CHARACTERS, "91350100M000100Y4Z",
            CreditCodeReason.AUTHORITY_UNKNOWN, withCheck("B1350100M000100Y4"),
            CreditCodeReason.TYPE_UNKNOWN_FOR_AUTHORITY, withCheck("94350100M000100Y4"),
            CreditCodeReason.CHECK_CHARACTER, "91350100M000100Y4X");

    @ParameterizedTest
    @EnumSource(CreditCodeReason.class)
    void everyReasonHasAnExample(CreditCodeReason reason) {
        assertThat(EXAMPLES).containsKey(reason);
        assertThat(reasonOf(EXAMPLES.get(reason))).isEqualTo(reason);
        assertThat(reason.chinese()).isNotBlank();
    }

    @Test
    void theStandardsWorkedExampleHasCheckCharacter3() {
        // GB 32100-2015's worked example: 91350100M000100Y4Z is refused, the check character being 3.
        assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        CreditCode code = CreditCode.parse("91350100M000100Y43").orElseThrow();
        assertThat(code.registrationAuthority()).isEqualTo(RegistrationAuthority.MARKET_REGULATION);
        assertThat(code.organisationType()).isEqualTo(OrganisationType.ENTERPRISE);
        assertThat(code.regionPrefix()).isEqualTo("350100");
        assertThat(code.organizationCode().value()).isEqualTo("M000100Y4");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "914403001922038216", // Huawei Technologies Co., Ltd., Shenzhen
            "91440300708461136T", // Shenzhen Tencent Computer Systems Co., Ltd.
            "91330100716105852F", // Alibaba (China) Co., Ltd., Hangzhou
            "91110000710925462X"  // PetroChina Company Limited, Beijing
    })
    void realCodesOfWellKnownCompaniesAreValid(String value) {
        CreditCode code = CreditCode.parse(value).orElseThrow();
        assertThat(code.value()).isEqualTo(value);
        assertThat(code.organizationCode().isValid()).as("built on an existing organisation code").isTrue();
    }

    @Test
    void theEmbeddedOrganisationCodeIsPositionsNineToSeventeen() {
        CreditCode huawei = CreditCode.parse("914403001922038216").orElseThrow();
        CreditCode.EmbeddedOrganizationCode embedded = huawei.organizationCode();
        assertThat(embedded.value()).isEqualTo("192203821");
        assertThat(embedded.parsed().orElseThrow().formatted()).isEqualTo("19220382-1");
        assertThat(embedded.parsed().orElseThrow()).isEqualTo(OrganizationCode.parse("19220382-1").orElseThrow());
    }

    @Test
    void anEmbeddedBodyThatIsNoOrganisationCodeIsReportedSo() {
        // Individual businesses get a body that need not satisfy GB 11714.
        String body = "12345678" + (OrganizationCode.checkCharacter("12345678") == '0' ? '1' : '0');
        CreditCode code = CreditCode.parse(withCheck("92220202" + body)).orElseThrow();
        assertThat(code.organisationType()).isEqualTo(OrganisationType.INDIVIDUAL_BUSINESS);
        assertThat(code.organizationCode().isValid()).isFalse();
        assertThat(code.organizationCode().parsed().problem().orElseThrow().reason())
                .isEqualTo(OrganizationCodeReason.CHECK_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100m000100y43", " 9135 0100 M000 100Y 43 ", "９１３５０１００Ｍ０００１００Ｙ４３", "91350100\u00A0M000100Y43\t"})
    void blanksFullWidthAndLowerCaseAreNormalised(String raw) {
        assertThat(CreditCode.parse(raw).orElseThrow().value()).isEqualTo("91350100M000100Y43");
    }

    @Test
    void emptyMeansNothingButBlanks() {
        assertThat(reasonOf("   ")).isEqualTo(CreditCodeReason.EMPTY);
        assertThat(CreditCode.parse(null).problem().orElseThrow().reason()).isEqualTo(CreditCodeReason.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9135010", "91350100M000100Y431", "M000100Y4"})
    void otherLengthsAreRejected(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(CreditCodeReason.LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100I43", "91350100M000100O43", "91350100M000100S43", "91350100M000100V43",
            "9135A100M000100Y43", "91350100M000100Y4-", "华为技术有限公司"})
    void lettersOutsideTheSetAndLettersInTheDivisionCodeAreRejected(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(CreditCodeReason.CHARACTERS);
    }

    @Test
    void everyAuthorityAndItsTypesAreRecognised() {
        for (OrganisationType type : OrganisationType.values()) {
            String first17 = "" + type.authority().code() + type.code() + "220202" + "MA0000001";
            CreditCode code = CreditCode.parse(withCheck(first17)).orElseThrow();
            assertThat(code.registrationAuthority()).isEqualTo(type.authority());
            assertThat(code.organisationType()).isEqualTo(type);
            assertThat(type.chinese()).isNotBlank();
            assertThat(type.english()).isNotBlank();
        }
        Set<RegistrationAuthority> withTypes = EnumSet.noneOf(RegistrationAuthority.class);
        for (OrganisationType type : OrganisationType.values()) {
            withTypes.add(type.authority());
        }
        assertThat(withTypes).containsExactlyInAnyOrder(RegistrationAuthority.values());
    }

    @Test
    void theAuthoritiesCarryTheirChineseNames() {
        assertThat(RegistrationAuthority.INSTITUTIONAL_STAFFING.chinese()).isEqualTo("机构编制");
        assertThat(RegistrationAuthority.CIVIL_AFFAIRS.chinese()).isEqualTo("民政");
        assertThat(RegistrationAuthority.MARKET_REGULATION.chinese()).startsWith("工商");
        assertThat(RegistrationAuthority.OTHER.chinese()).isEqualTo("其他");
        assertThat(RegistrationAuthority.OTHER.code()).isEqualTo('Y');
    }

    @ParameterizedTest
    @ValueSource(strings = {"B", "C", "0", "X"})
    void anUnknownAuthorityIsRejected(String authority) {
        assertThat(reasonOf(withCheck(authority + "1350100M000100Y4"))).isEqualTo(CreditCodeReason.AUTHORITY_UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"94", "99", "Y2", "Y9", "15", "2A", "N4", "36"})
    void aTypeTheAuthorityDoesNotHaveIsRejected(String prefix) {
        assertThat(reasonOf(withCheck(prefix + "350100M000100Y4"))).isEqualTo(CreditCodeReason.TYPE_UNKNOWN_FOR_AUTHORITY);
    }

    @Test
    void aWrongCheckCharacterSaysWhatWasExpected() {
        Rejection r = CreditCode.parse("91350100M000100Y4X").problem().orElseThrow();
        assertThat(r.reason()).isEqualTo(CreditCodeReason.CHECK_CHARACTER);
        assertThat(r.detail()).isEqualTo("expected check character 3, found X");
    }

    @Test
    void aCheckValueOf31IsWrittenAsZero() {
        // Find a body whose weighted sum is a multiple of 31: the standard writes C18 = 31 as '0'.
        String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int i = 0; i < charset.length(); i++) {
            String first17 = "91220202MA000000" + charset.charAt(i);
            if (CreditCode.checkCharacter(first17) == '0') {
                assertThat(CreditCode.parse(first17 + "0").isValid()).isTrue();
                return;
            }
        }
        throw new AssertionError("some last body character gives check character 0");
    }

    @Test
    void checkCharacterRefusesWhatItCannotCompute() {
        assertThat(CreditCode.checkCharacter("91350100M000100")).isEqualTo(CreditCode.NOT_COMPUTABLE);
        assertThat(CreditCode.checkCharacter("91350100M000100YO")).isEqualTo(CreditCode.NOT_COMPUTABLE);
        assertThat(CreditCode.checkCharacter("91350100m000100Y4")).isEqualTo(CreditCode.NOT_COMPUTABLE);
        assertThat(CreditCode.checkCharacter(null)).isEqualTo(CreditCode.NOT_COMPUTABLE);
        assertThat(CreditCode.checkCharacter("91350100M000100Y4\u4E2D")).isEqualTo('3');
    }
}
