package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class PersonNameProperties {

    /** Two to six characters of the CJK Unified Ideographs block, traditional forms included. */
    static Gen<String> chineseNames() {
        return strings().betweenCodePoints(0x4E00, 0x9FA5).ofLengthBetween(2, 6);
    }

    static Gen<String> separators() {
        return Generate.pick(List.of("", " ", "\u3000", "  "));
    }

    /** Any text, mixed with names padded and dotted the way department files write them. */
    static Gen<String> anyText() {
        Gen<String> inserts = Generate.pick(List.of(" ", "\u3000", "·", "・", ".", "•", "-", "Ａ", "a b", "1"));
        Gen<String> nameLike = chineseNames().zip(inserts, (name, insert) -> name.charAt(0) + insert + name.substring(1));
        return strings().allPossible().ofLengthBetween(0, 30).mix(nameLike, 30);
    }

    @Test
    void normalisingTwiceChangesNothing() {
        qt().withExamples(500).forAll(chineseNames(), separators()).checkAssert((name, blank) -> {
            String padded = blank + name.charAt(0) + blank + name.substring(1) + blank;
            PersonName once = PersonName.parse(padded).orElseThrow();
            assertThat(PersonName.parse(once.value()).orElseThrow()).isEqualTo(once);
            assertThat(once.value()).doesNotContain(" ").doesNotContain("\u3000");
            // Blanks in a Chinese name carry no meaning: the padded form is the same name.
            assertThat(once).isEqualTo(PersonName.parse(name).orElseThrow());
        });
    }

    @Test
    void maskingNeverRevealsTheMiddle() {
        qt().withExamples(500).forAll(chineseNames()).checkAssert(name -> {
            PersonName parsed = PersonName.parse(name).orElseThrow();
            String masked = parsed.masked();
            int n = parsed.length();
            assertThat(masked.codePointCount(0, masked.length())).isEqualTo(n);
            assertThat(masked.codePointAt(0)).isEqualTo(parsed.value().codePointAt(0));
            String middle = n == 2 ? masked.substring(1) : masked.substring(1, masked.length() - 1);
            assertThat(middle).matches("\\*+");
            assertThat(parsed.toString()).isEqualTo(masked);
        });
    }

    @Test
    void aKeyAlwaysMatchesItselfAndIsSymmetric() {
        qt().withExamples(300).forAll(chineseNames(), chineseNames()).checkAssert((a, b) -> {
            NameKey ka = NameKey.of(PersonName.parse(a).orElseThrow());
            NameKey kb = NameKey.of(PersonName.parse(b).orElseThrow());
            assertThat(ka.matches(ka)).isTrue();
            assertThat(ka.matches(NameKey.of(PersonName.parse(a).orElseThrow()))).isTrue();
            assertThat(ka.matches(kb)).isEqualTo(kb.matches(ka));
            assertThat(ka.syllables()).hasSize(PersonName.parse(a).orElseThrow().length());
        });
    }

    @Test
    void anyInputIsAnsweredWithoutAnException() {
        qt().withExamples(1000).forAll(anyText()).checkAssert(raw -> {
            Parsed<PersonName> parsed = PersonName.parse(raw);
            assertThat(parsed.isValid() || parsed.problem().isPresent()).isTrue();
            parsed.toOptional().ifPresent(name -> {
                assertThat(NameKey.of(name)).isNotNull();
                assertThat(NameKey.of(name).syllables()).isNotEmpty();
                assertThat(name.length()).isBetween(1, PersonName.MAX_LENGTH);
                // Whatever was accepted is already normal: reading the stored form again changes nothing.
                assertThat(PersonName.parse(name.value()).orElseThrow()).as(raw).isEqualTo(name);
            });
        });
    }
}
