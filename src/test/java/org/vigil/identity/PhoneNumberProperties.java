package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class PhoneNumberProperties {

    /** Strings of {@code min} to {@code max} characters drawn from {@code alphabet}. */
    static Gen<String> stringsOf(String alphabet, int min, int max) {
        List<Character> chars = alphabet.chars().mapToObj(c -> (char) c).toList();
        return lists().of(Generate.pick(chars)).ofSizeBetween(min, max).map(cs -> {
            StringBuilder sb = new StringBuilder(cs.size());
            cs.forEach(sb::append);
            return sb.toString();
        });
    }

    /** Eleven digits, 1[3-9] and nine more. */
    static Gen<String> mobiles() {
        return stringsOf("3456789", 1, 1).zip(stringsOf("0123456789", 9, 9), (second, rest) -> "1" + second + rest);
    }

    static Gen<String> prefixes() {
        return Generate.pick(List.of("", "+86", "+86 ", "0086", "0086-", "86", "(+86) "));
    }

    /**
     * A three-digit area code (010, 02x) or a four-digit one (0[3-9]xx), a hyphen, and a 7- or
     * 8-digit local number not starting with 0 or 1.
     */
    static Gen<String> landlines() {
        Gen<String> area = Generate.pick(List.of("010", "020", "021", "022", "023", "024", "025", "027", "028", "029"))
                .mix(stringsOf("3456789", 1, 1).zip(stringsOf("0123456789", 2, 2), (a, b) -> "0" + a + b), 50);
        Gen<String> local = stringsOf("23456789", 1, 1).zip(stringsOf("0123456789", 6, 7), (a, b) -> a + b);
        return area.zip(local, (a, l) -> a + "-" + l);
    }

    static Gen<String> phoneLike() {
        return stringsOf("0123456789+-() 转#x", 0, 24);
    }

    @Test
    void data6_anyMobileNumberInAnyWrittenFormParsesToItsDigits() {
        qt().withExamples(1000).forAll(mobiles(), prefixes(), booleans().all()).checkAssert((mobile, prefix, spaced) -> {
            String body = spaced ? mobile.substring(0, 3) + " " + mobile.substring(3, 7) + "-" + mobile.substring(7) : mobile;
            PhoneNumber phone = PhoneNumber.parse(prefix + body).orElseThrow();
            assertThat(phone.value()).as(prefix + body).isEqualTo(mobile);
            assertThat(phone.kind()).isEqualTo(PhoneNumber.Kind.MOBILE);
            assertThat(phone.e164()).isEqualTo("+86" + mobile);
        });
    }

    @Test
    void data6_anyLandlineRoundTripsThroughItsValue() {
        qt().withExamples(1000).forAll(landlines()).checkAssert(landline -> {
            PhoneNumber phone = PhoneNumber.parse(landline).orElseThrow();
            assertThat(phone.value()).isEqualTo(landline);
            assertThat(phone.kind()).isEqualTo(PhoneNumber.Kind.LANDLINE);
            assertThat(phone.areaCode()).contains(landline.substring(0, landline.indexOf('-')));
            assertThat(PhoneNumber.parse(phone.value()).orElseThrow()).isEqualTo(phone);
            assertThat(PhoneNumber.parse(phone.e164()).orElseThrow()).isEqualTo(phone);
            assertThat(PhoneNumber.parse(phone.digits()).orElseThrow()).isEqualTo(phone);
        });
    }

    @Test
    void maskingNeverRevealsTheMiddleOfAMobile() {
        qt().withExamples(1000).forAll(mobiles()).checkAssert(mobile -> {
            String masked = PhoneNumber.parse(mobile).orElseThrow().masked();
            assertThat(masked).isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
        });
    }

    @Test
    void maskingShowsAtMostFourDigitsOfALocalNumber() {
        qt().withExamples(1000).forAll(landlines()).checkAssert(landline -> {
            PhoneNumber phone = PhoneNumber.parse(landline).orElseThrow();
            String masked = phone.masked();
            String local = masked.substring(masked.indexOf('-') + 1);
            String subscriber = landline.substring(landline.indexOf('-') + 1);
            assertThat(local.chars().filter(Character::isDigit).count()).isEqualTo(4);
            assertThat(local).hasSize(subscriber.length()).endsWith(subscriber.substring(subscriber.length() - 4));
            assertThat(phone.toString()).isEqualTo(masked);
        });
    }

    @Test
    void anyInputIsAnsweredWithoutAnException() {
        qt().withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 30)).checkAssert(raw -> {
            Parsed<PhoneNumber> phone = PhoneNumber.parse(raw);
            Parsed<EmailAddress> email = EmailAddress.parse(raw);
            assertThat(phone.isValid() || phone.problem().isPresent()).isTrue();
            assertThat(email.isValid() || email.problem().isPresent()).isTrue();
        });
    }

    @Test
    void anyDigitsAndSeparatorsAreAnsweredWithoutAnException() {
        qt().withExamples(2000).forAll(phoneLike()).checkAssert(raw -> {
            Parsed<PhoneNumber> parsed = PhoneNumber.parse(raw);
            assertThat(parsed.isValid() || parsed.problem().isPresent()).isTrue();
            // Whatever was read is stored in a form that reads back as the same number.
            parsed.toOptional()
                    .ifPresent(phone -> assertThat(PhoneNumber.parse(phone.value()).orElseThrow()).as(raw).isEqualTo(phone));
        });
    }
}
