package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("OrganizationCode: GB 11714 organisation codes (REG-11 quality-supervision data before the credit code)")
class OrganizationCodeTest {

    static OrganizationCodeReason reasonOf(String raw) {
        return (OrganizationCodeReason) OrganizationCode.parse(raw).problem().orElseThrow().reason();
    }

    static final Map<OrganizationCodeReason, String> EXAMPLES = Map.of(
            OrganizationCodeReason.EMPTY, " ",
            OrganizationCodeReason.LENGTH, "19220382",
            OrganizationCodeReason.CHARACTERS, "1922038*-1",
            OrganizationCodeReason.CHECK_CHARACTER, "19220382-2");

    @ParameterizedTest
    @EnumSource(OrganizationCodeReason.class)
    void everyReasonHasAnExample(OrganizationCodeReason reason) {
        assertThat(EXAMPLES).containsKey(reason);
        assertThat(reasonOf(EXAMPLES.get(reason))).isEqualTo(reason);
        assertThat(reason.chinese()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"19220382-1", "192203821", " 19220382 - 1 ", "１９２２０３８２－１", "19220382\u20141"})
    void aCodeIsReadWithOrWithoutItsHyphen(String raw) {
        OrganizationCode code = OrganizationCode.parse(raw).orElseThrow();
        assertThat(code.value()).isEqualTo("192203821");
        assertThat(code.body()).isEqualTo("19220382");
        assertThat(code.formatted()).isEqualTo("19220382-1");
        assertThat(code.toString()).isEqualTo("19220382-1");
    }

    @Test
    void theWeightedSumWorksAsTheStandardDefines() {
        // 1·3 + 9·7 + 2·9 + 2·10 + 0·5 + 3·8 + 8·4 + 2·2 = 164; 164 mod 11 = 10; 11 − 10 = 1.
        assertThat(OrganizationCode.checkCharacter("19220382")).isEqualTo('1');
        assertThat(OrganizationCode.parse("70846113-6").isValid()).isTrue();
        assertThat(OrganizationCode.parse("71610585-2").isValid()).isTrue();
    }

    @Test
    void tenIsWrittenXAndElevenIsWrittenZero() {
        boolean sawX = false;
        boolean sawZero = false;
        for (int n = 0; n < 2000 && !(sawX && sawZero); n++) {
            String body = String.format("%08d", n);
            char check = OrganizationCode.checkCharacter(body);
            if (check == 'X') {
                sawX = true;
                assertThat(OrganizationCode.parse(body + "-x").orElseThrow().value()).isEqualTo(body + "X");
            }
            if (check == '0') {
                sawZero = true;
                assertThat(OrganizationCode.parse(body + "0").isValid()).isTrue();
            }
        }
        assertThat(sawX).isTrue();
        assertThat(sawZero).isTrue();
        // 00000000: sum 0, 11 − 0 = 11, written '0'.
        assertThat(OrganizationCode.checkCharacter("00000000")).isEqualTo('0');
    }

    @Test
    void lettersInTheBodyCountFromTen() {
        // MA1BUFLT: M=22, A=10, 1, B=11, U=30, F=15, L=21, T=29.
        int sum = 22 * 3 + 10 * 7 + 9 + 11 * 10 + 30 * 5 + 15 * 8 + 21 * 4 + 29 * 2;
        int c = 11 - sum % 11;
        char expected = c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
        assertThat(OrganizationCode.checkCharacter("MA1BUFLT")).isEqualTo(expected);
        assertThat(OrganizationCode.parse("ma1buflt-" + expected).isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1922038-21", "-192203821", "19220382--1", "19220382-1-", "1922 0382/1"})
    void aHyphenAnywhereButBeforeTheCheckCharacterIsRejected(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(OrganizationCodeReason.CHARACTERS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1922038-1", "19220382-12"})
    void otherLengthsAreRejected(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(OrganizationCodeReason.LENGTH);
    }

    @Test
    void emptyInput() {
        assertThat(OrganizationCode.parse(null).problem().orElseThrow().reason()).isEqualTo(OrganizationCodeReason.EMPTY);
        assertThat(reasonOf("-")).isEqualTo(OrganizationCodeReason.EMPTY);
    }

    @Test
    void checkCharacterRefusesWhatItCannotCompute() {
        assertThat(OrganizationCode.checkCharacter("1922038")).isEqualTo(OrganizationCode.NOT_COMPUTABLE);
        assertThat(OrganizationCode.checkCharacter("1922038a")).isEqualTo(OrganizationCode.NOT_COMPUTABLE);
        assertThat(OrganizationCode.checkCharacter(null)).isEqualTo(OrganizationCode.NOT_COMPUTABLE);
    }
}
