package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class RegionCodeProperties {

    private static final List<String> PROVINCES = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31",
            "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65", "71", "81", "82");

    /** 0 a third of the time, otherwise anything from 1 to {@code max}: zero parts are what make levels and structure. */
    private static Gen<Integer> part(int max) {
        return integers().between(1, max).mix(Generate.constant(0), 33);
    }

    /** Well-formed codes at every level, zeros included often (each part is 0 a third of the time). */
    static Gen<RegionCode> codes() {
        Gen<String> province = Generate.pick(PROVINCES);
        Gen<String> upper = province.zip(part(99), part(99), (p, c, k) -> String.format("%s%02d%02d", p, c, k));
        Gen<String> digits = upper.zip(part(999), part(999), Generate.pick(List.of(6, 9, 12)),
                (u, t, v, n) -> String.format("%s%03d%03d", u, t, v).substring(0, n));
        return digits.map(RegionCode::parse)
                .assuming(Parsed::isValid)
                .map(Parsed::orElseThrow);
    }

    /**
     * Three codes, half the time taken from one code's lineage (so that one contains the next far
     * more often than independent codes would), otherwise independent.
     */
    static Gen<List<RegionCode>> triples() {
        Gen<Integer> index = integers().between(0, 4);
        Gen<List<RegionCode>> related = codes().zip(index, index, index, (code, i, j, k) -> {
            List<RegionCode> lineage = code.lineage();
            return List.of(lineage.get(i % lineage.size()), lineage.get(j % lineage.size()), lineage.get(k % lineage.size()));
        });
        return codes().zip(codes(), codes(), (a, b, c) -> List.of(a, b, c)).mix(related, 50);
    }

    /** Strings of {@code min} to {@code max} characters drawn from {@code alphabet}. */
    static Gen<String> stringsOf(String alphabet, int min, int max) {
        List<Character> chars = alphabet.chars().mapToObj(c -> (char) c).toList();
        return lists().of(Generate.pick(chars)).ofSizeBetween(min, max).map(cs -> {
            StringBuilder sb = new StringBuilder(cs.size());
            cs.forEach(sb::append);
            return sb.toString();
        });
    }

    static Gen<String> digits() {
        return stringsOf("0123456789", 0, 14);
    }

    @Test
    void parentContainsTheCodeAndIsOneLevelUp() {
        qt().withExamples(1000).forAll(codes()).checkAssert(code -> code.parent().ifPresentOrElse(parent -> {
            assertThat(parent.contains(code)).isTrue();
            assertThat(code.contains(parent)).isFalse();
            assertThat(parent.level().ordinal()).isLessThan(code.level().ordinal());
            assertThat(code.isWithin(parent)).isTrue();
        }, () -> assertThat(code.level()).isEqualTo(RegionLevel.PROVINCE)));
    }

    @Test
    void containmentIsTransitiveAlongALineage() {
        qt().withExamples(1000).forAll(codes(), integers().all(), integers().all()).checkAssert((code, i, j) -> {
            List<RegionCode> lineage = code.lineage();
            RegionCode a = lineage.get(Math.floorMod(i, lineage.size()));
            RegionCode b = lineage.get(Math.floorMod(j, lineage.size()));
            if (a.contains(b) && b.contains(code)) {
                assertThat(a.contains(code)).isTrue();
            }
            assertThat(a.contains(code)).isTrue();
            assertThat(b.contains(code)).isTrue();
        });
    }

    @Test
    void containmentIsTransitive() {
        AtomicInteger chains = new AtomicInteger();
        qt().withExamples(1000).forAll(triples()).checkAssert(abc -> {
            RegionCode a = abc.get(0);
            RegionCode b = abc.get(1);
            RegionCode c = abc.get(2);
            if (a.contains(b) && b.contains(c)) {
                chains.incrementAndGet();
                assertThat(a.contains(c)).isTrue();
            }
            assertThat(a.contains(a)).isTrue();
        });
        // The implication must have been put to the test, not only satisfied by a false premise.
        assertThat(chains.get()).isGreaterThan(50);
    }

    @Test
    void lineageRunsFromTheProvinceToTheCode() {
        qt().withExamples(1000).forAll(codes()).checkAssert(code -> {
            List<RegionCode> lineage = code.lineage();
            assertThat(lineage.get(0)).isEqualTo(code.province());
            assertThat(lineage.get(lineage.size() - 1)).isEqualTo(code);
            for (int k = 1; k < lineage.size(); k++) {
                assertThat(lineage.get(k).parent()).contains(lineage.get(k - 1));
            }
            code.prefecture().ifPresent(city -> assertThat(city.contains(code)).isTrue());
            code.county().ifPresent(county -> assertThat(county.contains(code)).isTrue());
            code.township().ifPresent(township -> assertThat(township.contains(code)).isTrue());
            assertThat(code.district().contains(code)).isTrue();
        });
    }

    @Test
    void parseOfValueRoundTrips() {
        qt().withExamples(1000).forAll(codes()).checkAssert(code -> {
            assertThat(RegionCode.parse(code.value()).orElseThrow()).isEqualTo(code);
            assertThat(RegionCode.parse(code.padded()).orElseThrow()).isEqualTo(code);
            assertThat(RegionCode.parse(code.toString()).orElseThrow().value()).isEqualTo(code.value());
        });
    }

    @Test
    void blanksAndFullWidthDigitsDoNotChangeTheCode() {
        qt().withExamples(1000).forAll(codes()).checkAssert(code -> {
            StringBuilder messy = new StringBuilder("\u3000");
            for (char c : code.value().toCharArray()) {
                messy.append((char) (c - '0' + '０')).append(c % 2 == 0 ? " " : "");
            }
            assertThat(RegionCode.parse(messy).orElseThrow()).isEqualTo(code);
        });
    }

    @Test
    void parseAnswersAnyInputWithoutThrowing() {
        Gen<String> input = strings().allPossible().ofLengthBetween(0, 30)
                .mix(stringsOf("0123456789０１２ \u3000\u00A0x-", 0, 16), 40);
        qt().withExamples(1000).forAll(input).checkAssert(raw -> {
            Parsed<RegionCode> parsed = RegionCode.parse(raw);
            assertThat(parsed).isNotNull();
            assertThat(parsed.isValid() || parsed.problem().isPresent()).isTrue();
            parsed.toOptional().ifPresent(code -> assertThat(code.value().length()).isIn(6, 9, 12));
            assertThat(RegionDirectory.standard().describeIdRegion(raw)).isNotNull();
        });
    }

    @Test
    void parseAnswersAnyDigitsWithoutThrowing() {
        qt().withExamples(2000).forAll(digits()).checkAssert(input -> {
            Parsed<RegionCode> parsed = RegionCode.parse(input);
            if (parsed.isValid()) {
                RegionCode code = parsed.orElseThrow();
                assertThat(code.padded()).isEqualTo((input + "000000000000").substring(0, 12));
            } else {
                assertThat(parsed.problem().orElseThrow().reason())
                        .isIn(RegionCodeReason.LENGTH, RegionCodeReason.STRUCTURE, RegionCodeReason.EMPTY);
            }
        });
    }
}
