package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.vigil.identity.PersonName.PersonNameReason;

@DisplayName("PersonName: one normalised form for the ways departments write a name (REG-4 duplicate removal)")
class PersonNameTest {

    static String normalised(String raw) {
        return PersonName.parse(raw).orElseThrow().value();
    }

    static PersonNameReason reasonOf(String raw) {
        return (PersonNameReason) PersonName.parse(raw).problem().orElseThrow().reason();
    }

    static final Map<PersonNameReason, String> EXAMPLES = Map.of(
            PersonNameReason.EMPTY, " \u3000 ",
            PersonNameReason.TOO_LONG, "张".repeat(PersonName.MAX_LENGTH + 1),
            PersonNameReason.CHARACTERS, "张三2");

    @ParameterizedTest
    @EnumSource(PersonNameReason.class)
    void everyReasonHasAnExample(PersonNameReason reason) {
        assertThat(EXAMPLES).containsKey(reason);
        assertThat(reasonOf(EXAMPLES.get(reason))).isEqualTo(reason);
        assertThat(reason.chinese()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'  张小明  '|张小明",
            "'张  三'|张三",
            "'张\u3000\u3000三'|张三",
            "'John   Smith'|John Smith",
            "' Mary\tAnn  Lee '|Mary Ann Lee"})
    void blanksAreTrimmedCollapsedAndDroppedBetweenChineseCharacters(String raw, String expected) {
        assertThat(normalised(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"阿依古丽·买买提", "阿依古丽・买买提", "阿依古丽•买买提", "阿依古丽．买买提", "阿依古丽‧买买提",
            "阿依古丽･买买提", "阿依古丽∙买买提", "阿依古丽.买买提", "阿依古丽 · 买买提", "阿依古丽⋅买买提", "阿依古丽··买买提"})
    void everyMiddleDotVariantBecomesU00B7(String raw) {
        assertThat(normalised(raw)).isEqualTo("阿依古丽\u00B7买买提");
    }

    @Test
    void aDotInALatinNameStaysAFullStop() {
        assertThat(normalised("John F. Kennedy")).isEqualTo("John F. Kennedy");
    }

    @Test
    void fullWidthLatinLettersBecomeHalfWidth() {
        assertThat(normalised("ＪＯＨＮ　Ｓｍｉｔｈ")).isEqualTo("JOHN Smith");
    }

    @ParameterizedTest
    @CsvSource({"張曉明,张晓明", "鍾麗華,钟丽华", "歐陽修,欧阳修", "蕭峰,萧峰", "阿依古麗·買買提,阿依古丽·买买提", "张小明,张小明"})
    void traditionalCharactersBecomeSimplified(String raw, String expected) {
        assertThat(normalised(raw)).isEqualTo(expected);
    }

    @Test
    void normalisingIsIdempotent() {
        for (String raw : new String[] {"張  曉明", "阿依古丽 ・ 买买提", "ＪＯＨＮ Smith"}) {
            String once = normalised(raw);
            assertThat(normalised(once)).isEqualTo(once);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"张三2", "张三!", "张@三", "张三\u0000", "👍张三", "(张三)"})
    void digitsSymbolsAndControlCharactersAreRejected(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(PersonNameReason.CHARACTERS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"·买买提", "阿依古丽·", "...", "-"})
    void aNameMustHaveLettersAndNoDotAtEitherEnd(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(PersonNameReason.CHARACTERS);
    }

    @Test
    void rareCharactersOutsideTheBasicPlaneAreNames() {
        // 𠇔 (U+201D4) appears in real given names and needs a surrogate pair.
        PersonName name = PersonName.parse("王\uD840\uDDD4").orElseThrow();
        assertThat(name.length()).isEqualTo(2);
        assertThat(name.masked()).isEqualTo("王*");
    }

    @Test
    void apostrophesAndHyphensBelongToLatinNames() {
        assertThat(normalised("Mary-Jane O'Brien")).isEqualTo("Mary-Jane O'Brien");
    }

    @Test
    void emptyAndOverlongInput() {
        assertThat(PersonName.parse(null).problem().orElseThrow().reason()).isEqualTo(PersonNameReason.EMPTY);
        assertThat(reasonOf("")).isEqualTo(PersonNameReason.EMPTY);
        assertThat(reasonOf("x".repeat(10_000))).isEqualTo(PersonNameReason.TOO_LONG);
        assertThat(PersonName.parse("张".repeat(PersonName.MAX_LENGTH)).isValid()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"张小明,张*明", "张三,张*", "欧阳小明,欧**明", "阿依古丽·买买提,阿******提", "王,*"})
    void theMaskedFormKeepsOnlyTheFirstAndLastCharacters(String raw, String masked) {
        PersonName name = PersonName.parse(raw).orElseThrow();
        assertThat(name.masked()).isEqualTo(masked);
        assertThat(name.toString()).isEqualTo(masked);
    }

    @Test
    void equalityIsByTheNormalisedValue() {
        assertThat(PersonName.parse("張 曉明").orElseThrow()).isEqualTo(PersonName.parse("张晓明").orElseThrow())
                .hasSameHashCodeAs(PersonName.parse("张晓明").orElseThrow());
        assertThat(PersonName.parse("张晓明").orElseThrow().hasChineseCharacters()).isTrue();
        assertThat(PersonName.parse("John").orElseThrow().hasChineseCharacters()).isFalse();
    }
}
