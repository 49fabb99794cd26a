package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class ResidentIdProperties {

    static final LocalDate TODAY = ResidentIdTest.TODAY;
    static final String[] PROVINCES = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36",
            "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71"};

    /** Body of a valid number: province, four more region digits, a birth date, a sequence. */
    record Body(String province, String region, LocalDate birth, String sequence) {
        String first17() {
            return province + region + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                    + sequence;
        }

        String full() {
            return ResidentIdTest.withCheck(first17());
        }
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

    /** Dates from {@code first} to {@code last}, both ends and the leap days between included often. */
    static Gen<LocalDate> dates(LocalDate first, LocalDate last) {
        List<LocalDate> edges = List.of(first, last, LocalDate.of(1900, 2, 28), LocalDate.of(1904, 2, 29),
                LocalDate.of(1999, 12, 31), LocalDate.of(2000, 2, 29)).stream()
                .filter(d -> !d.isBefore(first) && !d.isAfter(last))
                .toList();
        return longs().between(first.toEpochDay(), last.toEpochDay()).map(LocalDate::ofEpochDay)
                .mix(Generate.pick(edges), 10);
    }

    static Gen<Body> bodies(LocalDate first, LocalDate last) {
        return Generate.pick(List.of(PROVINCES))
                .zip(stringsOf("0123456789", 4, 4), dates(first, last), stringsOf("0123456789", 3, 3), Body::new);
    }

    static Gen<Body> bodies() {
        return bodies(LocalDate.of(1880, 1, 1), TODAY);
    }

    static Gen<Body> twentiethCenturyBodies() {
        return bodies(LocalDate.of(1900, 1, 1), LocalDate.of(1999, 12, 31));
    }

    /**
     * Eighteen digits: half uniformly random (almost never a valid number), half a valid body with a
     * random last digit (valid about one time in eleven), so both outcomes are exercised.
     */
    static Gen<String> digits18() {
        Gen<String> nearlyValid = bodies().zip(stringsOf("0123456789", 1, 1), (body, last) -> body.first17() + last);
        return stringsOf("0123456789", 18, 18).mix(nearlyValid, 50);
    }

    @Test
    void seventeenValidDigitsWithTheComputedCheckDigitParse() {
        qt().withExamples(1000).forAll(bodies()).checkAssert(body -> {
            ResidentId id = ResidentId.parse(body.full(), TODAY).orElseThrow();
            assertThat(id.value()).isEqualTo(body.full());
            assertThat(id.birthDate()).isEqualTo(body.birth());
            assertThat(id.provinceCode()).isEqualTo(body.province());
            assertThat(id.gender()).isEqualTo((body.sequence().charAt(2) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE);
            assertThat(id.wasUpgradedFromLegacy()).isFalse();
        });
    }

    @Test
    void changingAnySingleDigitIsRejected() {
        qt().withExamples(2000).forAll(bodies(), integers().between(0, 17), integers().between(1, 10))
                // shift 10 on a digit is the digit itself; on the check character (mod 11) every shift changes it
                .assuming((body, position, shift) -> position == 17 || shift < 10)
                .checkAssert((body, position, shift) -> {
                    String valid = body.full();
                    char original = valid.charAt(position);
                    char replacement;
                    if (position == 17) {
                        String checks = "0123456789X";
                        replacement = checks.charAt((checks.indexOf(original) + shift) % 11);
                    } else {
                        replacement = (char) ('0' + (original - '0' + shift) % 10);
                    }
                    assertThat(replacement).isNotEqualTo(original);
                    String changed = valid.substring(0, position) + replacement + valid.substring(position + 1);
                    assertThat(ResidentId.parse(changed, TODAY).isValid()).as(changed).isFalse();
                });
    }

    @Test
    void swappingTwoDifferentAdjacentDigitsIsRejected() {
        AtomicInteger swaps = new AtomicInteger();
        qt().withExamples(2000).forAll(bodies(), integers().between(0, 15)).checkAssert((body, position) -> {
            String valid = body.full();
            char a = valid.charAt(position);
            char b = valid.charAt(position + 1);
            if (a == b) {
                return; // swapping equal digits changes nothing
            }
            swaps.incrementAndGet();
            String swapped = valid.substring(0, position) + b + a + valid.substring(position + 2);
            assertThat(ResidentId.parse(swapped, TODAY).isValid()).as(swapped).isFalse();
        });
        assertThat(swaps.get()).isGreaterThan(1000);
    }

    @Test
    void upgradingFifteenDigitsPreservesBirthDateAndGender() {
        qt().withExamples(1000).forAll(twentiethCenturyBodies()).checkAssert(body -> {
            String first17 = body.first17();
            String legacy = first17.substring(0, 6) + first17.substring(8, 17);
            ResidentId upgraded = ResidentId.parse(legacy, TODAY).orElseThrow();
            ResidentId modern = ResidentId.parse(body.full(), TODAY).orElseThrow();
            assertThat(upgraded.wasUpgradedFromLegacy()).isTrue();
            assertThat(upgraded.value()).isEqualTo(body.full());
            assertThat(upgraded.birthDate()).isEqualTo(modern.birthDate()).isEqualTo(body.birth());
            assertThat(upgraded.gender()).isEqualTo(modern.gender());
            assertThat(upgraded).isEqualTo(modern);
        });
    }

    @Test
    void maskingNeverRevealsTheMiddle() {
        qt().withExamples(1000).forAll(bodies()).checkAssert(body -> {
            ResidentId id = ResidentId.parse(body.full(), TODAY).orElseThrow();
            String masked = id.masked();
            assertThat(masked).hasSize(18);
            assertThat(masked.substring(6, 14)).isEqualTo("********");
            assertThat(masked.substring(0, 6) + masked.substring(14))
                    .isEqualTo(id.value().substring(0, 6) + id.value().substring(14));
            assertThat(id.toString()).isEqualTo(masked);
        });
    }

    @Test
    void blanksAndFullWidthDigitsDoNotChangeTheValue() {
        qt().withExamples(1000).forAll(bodies(), integers().between(0, 18), booleans().all())
                .checkAssert((body, blankAt, fullWidth) -> {
                    String valid = body.full();
                    StringBuilder messy = new StringBuilder();
                    for (int i = 0; i < valid.length(); i++) {
                        if (i == blankAt) {
                            messy.append(" \u3000");
                        }
                        char c = valid.charAt(i);
                        messy.append(fullWidth && c != 'X' ? (char) (c + 0xFEE0) : c == 'X' ? 'x' : c);
                    }
                    assertThat(ResidentId.parse(messy, TODAY).orElseThrow().value()).as(messy.toString()).isEqualTo(valid);
                });
    }

    @Test
    void anyInputIsAnsweredWithoutAnException() {
        Gen<String> input = strings().allPossible().ofLengthBetween(0, 30)
                .mix(stringsOf("0123456789Xx \u3000\uFF10\uFF11\uFF38", 0, 20), 40);
        qt().withExamples(2000).forAll(input).checkAssert(raw -> {
            Parsed<ResidentId> result = ResidentId.parse(raw, TODAY);
            assertThat(result.isValid() || result.problem().isPresent()).isTrue();
        });
    }

    @Test
    void anyEighteenDigitsAreAnsweredWithoutAnException() {
        AtomicInteger valid = new AtomicInteger();
        qt().withExamples(2000).forAll(digits18()).checkAssert(raw -> {
            Parsed<ResidentId> result = ResidentId.parse(raw, TODAY);
            assertThat(result.isValid() || result.problem().isPresent()).isTrue();
            result.toOptional().ifPresent(id -> {
                valid.incrementAndGet();
                assertThat(id.birthDate()).isBeforeOrEqualTo(TODAY);
                assertThat(ResidentId.checkDigit(raw)).isEqualTo(raw.charAt(17));
                assertThat(id.value()).isEqualTo(raw);
            });
        });
        // Both branches were taken: some of the numbers were valid.
        assertThat(valid.get()).isPositive();
    }
}
