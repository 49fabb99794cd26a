package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class CreditCodeProperties {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** Strings of {@code min} to {@code max} characters drawn from {@code alphabet}. */
    static Gen<String> stringsOf(String alphabet, int min, int max) {
        List<Character> chars = alphabet.chars().mapToObj(c -> (char) c).toList();
        return lists().of(Generate.pick(chars)).ofSizeBetween(min, max).map(cs -> {
            StringBuilder sb = new StringBuilder(cs.size());
            cs.forEach(sb::append);
            return sb.toString();
        });
    }

    /** The first 17 characters of a valid code: a defined authority and type, a division code, a body from the set. */
    static Gen<String> first17() {
        return Generate.enumValues(OrganisationType.class)
                .zip(stringsOf("0123456789", 6, 6), stringsOf(CHARSET, 9, 9),
                        (type, region, body) -> "" + type.authority().code() + type.code() + region + body);
    }

    static Gen<String> organisationBodies() {
        return stringsOf(ALPHANUMERIC, 8, 8);
    }

    /** Any text, from any plane, mixed with text of the code's own characters so that near-misses are tried too. */
    static Gen<String> anyText() {
        return strings().allPossible().ofLengthBetween(0, 30)
                .mix(stringsOf(ALPHANUMERIC + "abcxyz- \u3000\uFF10\uFF21", 0, 24), 40);
    }

    @Test
    void theComputedCheckCharacterMakesAValidCode() {
        qt().withExamples(1000).forAll(first17()).checkAssert(first17 -> {
            String code = first17 + CreditCode.checkCharacter(first17);
            CreditCode parsed = CreditCode.parse(code).orElseThrow();
            assertThat(parsed.value()).isEqualTo(code);
            assertThat(CreditCode.checkCharacter(parsed.value())).isEqualTo(parsed.value().charAt(17));
            assertThat(parsed.regionPrefix()).isEqualTo(first17.substring(2, 8));
            assertThat(parsed.organizationCode().value()).isEqualTo(first17.substring(8, 17));
            assertThat(parsed.registrationAuthority().code()).isEqualTo(first17.charAt(0));
            assertThat(parsed.organisationType().code()).isEqualTo(first17.charAt(1));
        });
    }

    @Test
    void lowerCaseAndBlanksRoundTrip() {
        qt().withExamples(1000).forAll(first17()).checkAssert(first17 -> {
            String code = first17 + CreditCode.checkCharacter(first17);
            String messy = " " + code.substring(0, 9).toLowerCase(Locale.ROOT) + " " + code.substring(9) + "\u3000";
            assertThat(CreditCode.parse(messy).orElseThrow().value()).isEqualTo(code);
        });
    }

    @Test
    void changingAnySingleCharacterIsRejected() {
        qt().withExamples(2000).forAll(first17(), integers().between(0, 17), integers().between(1, 30))
                .checkAssert((first17, position, shift) -> {
                    String code = first17 + CreditCode.checkCharacter(first17);
                    char replacement = CHARSET.charAt((CHARSET.indexOf(code.charAt(position)) + shift) % 31);
                    String changed = code.substring(0, position) + replacement + code.substring(position + 1);
                    assertThat(CreditCode.parse(changed).isValid()).as(changed).isFalse();
                });
    }

    @Test
    void organisationCodeCheckRoundTrips() {
        qt().withExamples(1000).forAll(organisationBodies()).checkAssert(body -> {
            char check = OrganizationCode.checkCharacter(body);
            OrganizationCode code = OrganizationCode.parse(body + "-" + check).orElseThrow();
            assertThat(code.value()).isEqualTo(body + check);
            assertThat(code.body()).isEqualTo(body);
            assertThat(OrganizationCode.parse(code.value()).orElseThrow()).isEqualTo(code);
            assertThat(OrganizationCode.parse(code.formatted()).orElseThrow()).isEqualTo(code);
        });
    }

    @Test
    void changingOneDigitOfAnOrganisationCodeIsRejected() {
        // MOD 11 cannot tell letters 11 apart (0 and B weigh the same), so the property is over digit changes:
        // the body is given a digit at the changed position.
        Gen<Character> digits = Generate.pick("0123456789".chars().mapToObj(c -> (char) c).toList());
        qt().withExamples(2000)
                .forAll(organisationBodies(), integers().between(0, 7), digits, integers().between(1, 9))
                .checkAssert((generated, position, original, shift) -> {
                    String body = generated.substring(0, position) + original + generated.substring(position + 1);
                    String changed = body.substring(0, position) + (char) ('0' + (original - '0' + shift) % 10)
                            + body.substring(position + 1);
                    String code = body + OrganizationCode.checkCharacter(body);
                    String tampered = changed + code.charAt(8);
                    assertThat(OrganizationCode.parse(code).isValid()).isTrue();
                    assertThat(OrganizationCode.parse(tampered).isValid()).as(tampered).isFalse();
                });
    }

    @Test
    void anyInputIsAnsweredWithoutAnException() {
        qt().withExamples(2000).forAll(anyText()).checkAssert(raw -> {
            Parsed<CreditCode> credit = CreditCode.parse(raw);
            Parsed<OrganizationCode> organisation = OrganizationCode.parse(raw);
            assertThat(credit.isValid() || credit.problem().isPresent()).isTrue();
            assertThat(organisation.isValid() || organisation.problem().isPresent()).isTrue();
            credit.toOptional().ifPresent(
                    code -> assertThat(CreditCode.checkCharacter(code.value())).isEqualTo(code.value().charAt(17)));
            organisation.toOptional().ifPresent(
                    code -> assertThat(OrganizationCode.checkCharacter(code.value())).isEqualTo(code.value().charAt(8)));
            assertThat(CreditCode.NOT_COMPUTABLE + CHARSET).contains(String.valueOf(CreditCode.checkCharacter(raw)));
            assertThat(OrganizationCode.NOT_COMPUTABLE + "0123456789X")
                    .contains(String.valueOf(OrganizationCode.checkCharacter(raw)));
        });
    }
}
