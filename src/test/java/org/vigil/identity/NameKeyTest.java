package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.vigil.identity.internal.Pinyin4jRomanizer;

@DisplayName("NameKey: names that sound the same compare equal (REG-4 duplicates, SHARE-3 matching feeds by name and ID)")
class NameKeyTest {

    static NameKey key(String name) {
        return NameKey.of(PersonName.parse(name).orElseThrow());
    }

    @Test
    void aKeyIsTheTonelessSyllablesJoined() {
        assertThat(key("张小明").value()).isEqualTo("zhang xiao ming");
        assertThat(key("张小明").compact()).isEqualTo("zhangxiaoming");
        assertThat(key("張小明")).isEqualTo(key("张小明"));
    }

    @Test
    void homophoneNamesShareAKey() {
        assertThat(key("张晓明")).isEqualTo(key("张小明"));
        assertThat(key("张晓明").value()).isEqualTo(key("张小明").value());
        assertThat(key("张晓明").matches(key("张小明"))).isTrue();
        assertThat(key("李丽").matches(key("李莉"))).isTrue();
    }

    @Test
    void differentSoundsDoNotMatch() {
        assertThat(key("张小明").matches(key("章小敏"))).isFalse();
        assertThat(key("吕明").matches(key("卢明"))).as("lv and lu are different syllables").isFalse();
        assertThat(key("张小明").matches(key("张小"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"曾小明,zeng xiao ming", "单田芳,shan tian fang", "解缙,xie jin", "仇英,qiu ying", "区小龙,ou xiao long",
            "朴树,piao shu", "查良镛,zha liang yong", "盖聂,ge nie", "尉迟恭,yu chi gong", "万俟卨,mo qi xie", "长孙无忌,zhang sun wu ji"})
    void surnamesTakeTheirSurnameReading(String name, String expected) {
        assertThat(key(name).value()).isEqualTo(expected);
    }

    @Test
    void aSurnameReadingAppliesOnlyToTheFirstCharacter() {
        // 曾 in a given name keeps both readings; as a surname it is only zeng.
        NameKey key = key("王曾");
        assertThat(key.syllables().get(0)).containsExactly("wang");
        assertThat(key.syllables().get(1)).contains("ceng", "zeng");
        assertThat(key("曾国藩").syllables().get(0)).containsExactly("zeng");
    }

    @Test
    void polyphonicCharactersMatchOnAnyReading() {
        // 乐 as a given name is le or yue; a record with 月 (yue) matches one with 乐.
        NameKey withLe = key("王乐");
        assertThat(withLe.syllables().get(1)).contains("le", "yue");
        assertThat(withLe.matches(key("王月"))).isTrue();
        assertThat(withLe.matches(key("王勒"))).isTrue();
        assertThat(key("王月").matches(withLe)).as("symmetric").isTrue();
        assertThat(withLe.variants(10)).contains("wang le", "wang yue");
    }

    @Test
    void minorityNamesIgnoreTheMiddleDot() {
        assertThat(key("阿依古丽·买买提").value()).isEqualTo("a yi gu li mai mai ti");
        assertThat(key("阿依古丽·买买提").matches(key("阿依古丽买买提"))).isTrue();
    }

    @Test
    void latinNamesAreLowerCaseWords() {
        assertThat(key("JOHN  Smith").value()).isEqualTo("john smith");
        assertThat(key("O'Brien").value()).isEqualTo("obrien");
        assertThat(key("Zhang Xiaoming").matches(key("张晓明"))).as("pinyin spelling against characters").isTrue();
    }

    @Test
    void aCharacterWithoutAKnownReadingStillMatchesItself() {
        NameKey rare = key("王\uD840\uDDD4");
        assertThat(rare.syllables().get(1)).containsExactly("\uD840\uDDD4");
        assertThat(rare.matches(key("王\uD840\uDDD4"))).isTrue();
        assertThat(rare.matches(key("王明"))).isFalse();
    }

    @Test
    void variantsAreBoundedAndPreferredFirst() {
        NameKey key = key("王乐乐");
        assertThat(key.variants(2)).hasSize(2);
        assertThat(key.variants(100).iterator().next()).isEqualTo(key.value());
        assertThat(key.variants(0)).isEmpty();
    }

    @Test
    void anyRomanizerCanBePluggedIn() {
        PinyinRomanizer fake = cp -> cp == '张' ? List.of("chang") : List.of("x");
        assertThat(NameKey.of(PersonName.parse("张三").orElseThrow(), fake).value()).isEqualTo("chang x");
    }

    @Test
    void theDefaultRomanizerIsSharedAndDeduplicatesReadings() {
        PinyinRomanizer r = NameKey.defaultRomanizer();
        assertThat(r).isSameAs(NameKey.defaultRomanizer());
        assertThat(r.readings('和')).doesNotHaveDuplicates().startsWith("he");
        assertThat(r.readings('a')).isEmpty();
        assertThat(r.readings('欸')).allMatch(s -> s.chars().allMatch(c -> c >= 'a' && c <= 'z'));
        assertThat(Pinyin4jRomanizer.surnameOverrides()).containsKeys("曾", "单", "解", "仇", "区", "朴", "查", "盖", "尉迟");
    }

    @Test
    void theKeyIsNotPrinted() {
        assertThat(key("张小明").toString()).doesNotContain("zhang");
    }
}
