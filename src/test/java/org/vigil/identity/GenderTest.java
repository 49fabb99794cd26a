package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.vigil.identity.Gender.GenderReason;

@DisplayName("Gender: sex from ID numbers and department files (SHARE-4 men 60+, women 50+ filters)")
class GenderTest {

    @ParameterizedTest
    @ValueSource(strings = {"男", "1", "M", "m", "male", "MALE", " 男 ", "男性", "１"})
    void maleForms(String raw) {
        assertThat(Gender.parse(raw).orElseThrow()).isEqualTo(Gender.MALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"女", "2", "F", "f", "female", "女性", "２"})
    void femaleForms(String raw) {
        assertThat(Gender.parse(raw).orElseThrow()).isEqualTo(Gender.FEMALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "9", "未知", "x", "男女"})
    void share4_unknownValuesAreRejectedRatherThanGuessed(String raw) {
        assertThat(Gender.parse(raw).problem().orElseThrow().reason()).isEqualTo(GenderReason.UNKNOWN_VALUE);
    }

    @Test
    void emptyInput() {
        assertThat(Gender.parse(null).problem().orElseThrow().reason()).isEqualTo(GenderReason.EMPTY);
        assertThat(Gender.parse(" ").problem().orElseThrow().reason()).isEqualTo(GenderReason.EMPTY);
    }

    @Test
    void codesFollowGbt2261() {
        assertThat(Gender.MALE.code()).isEqualTo("1");
        assertThat(Gender.FEMALE.code()).isEqualTo("2");
        assertThat(Gender.MALE.chinese()).isEqualTo("男");
        assertThat(Gender.ofSequenceDigit(7)).isEqualTo(Gender.MALE);
        assertThat(Gender.ofSequenceDigit(0)).isEqualTo(Gender.FEMALE);
        for (GenderReason reason : GenderReason.values()) {
            assertThat(reason.chinese()).isNotBlank();
        }
    }
}
