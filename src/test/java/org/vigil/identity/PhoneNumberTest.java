package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.vigil.identity.PhoneNumber.PhoneNumberReason;

@DisplayName("PhoneNumber: DATA-6 system validation of phone numbers (completeness and legality)")
class PhoneNumberTest {

    static PhoneNumberReason reasonOf(String raw) {
        return (PhoneNumberReason) PhoneNumber.parse(raw).problem().orElseThrow().reason();
    }

    static PhoneNumber valid(String raw) {
        return PhoneNumber.parse(raw).orElseThrow();
    }

    static final Map<PhoneNumberReason, String> EXAMPLES = Map.of(
            PhoneNumberReason.EMPTY, " ",
            PhoneNumberReason.CHARACTERS, "138-1234-567a",
            PhoneNumberReason.COUNTRY_CODE, "+1 202 555 0100",
            PhoneNumberReason.LENGTH, "1381234567",
            PhoneNumberReason.MOBILE_PREFIX, "12812345678",
            PhoneNumberReason.AREA_CODE_MISSING, "62345678",
            PhoneNumberReason.SUBSCRIBER_NUMBER, "0432-02345678",
            PhoneNumberReason.EXTENSION, "13812345678 转 12");

    @ParameterizedTest
    @EnumSource(PhoneNumberReason.class)
    void data6_everyReasonHasAnExample(PhoneNumberReason reason) {
        assertThat(EXAMPLES).containsKey(reason);
        assertThat(reasonOf(EXAMPLES.get(reason))).isEqualTo(reason);
        assertThat(reason.chinese()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "+8613812345678",
            "0086 13812345678", "8613812345678", "86-138-1234-5678", "１３８１２３４５６７８", "(+86) 138.1234.5678",
            "013812345678", "\uFEFF13812345678\u00A0"})
    void data6_aMobileNumberIsReadInEveryCommonForm(String raw) {
        PhoneNumber phone = valid(raw);
        assertThat(phone.kind()).isEqualTo(PhoneNumber.Kind.MOBILE);
        assertThat(phone.value()).isEqualTo("13812345678");
        assertThat(phone.digits()).isEqualTo("13812345678");
        assertThat(phone.e164()).isEqualTo("+8613812345678");
        assertThat(phone.areaCode()).isEmpty();
        assertThat(phone.extension()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"13012345678", "14512345678", "15012345678", "16612345678", "17712345678", "18912345678", "19912345678"})
    void data6_mobileNumbersBeginThirteenToNineteen(String raw) {
        assertThat(PhoneNumber.parse(raw).isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10012345678", "11012345678", "12812345678"})
    void data6_otherMobilePrefixesAreRejected(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(PhoneNumberReason.MOBILE_PREFIX);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0432-62345678|0432-62345678|0432|62345678|",
            "0432 6234567|0432-6234567|0432|6234567|",
            "(0432)62345678|0432-62345678|0432|62345678|",
            "043262345678|0432-62345678|0432|62345678|",
            "010-62345678|010-62345678|010|62345678|",
            "021 5123 4567|021-51234567|021|51234567|",
            "+86 432 62345678|0432-62345678|0432|62345678|",
            "0086-10-62345678|010-62345678|010|62345678|",
            "0432-62345678-123|0432-62345678-123|0432|62345678|123",
            "0432-62345678转123|0432-62345678-123|0432|62345678|123",
            "0432-62345678 分机 8001|0432-62345678-8001|0432|62345678|8001",
            "010-62345678 ext. 99|010-62345678-99|010|62345678|99",
            "010 62345678 x12|010-62345678-12|010|62345678|12",
            "010 62345678#5|010-62345678-5|010|62345678|5",
            "010-2000000-0|010-2000000-0|010|2000000|0",
            "0432-6234567-89|0432-6234567-89|0432|6234567|89"})
    void data6_aLandlineNeedsItsAreaCodeAndMayHaveAnExtension(String raw, String value, String area, String local, String ext) {
        PhoneNumber phone = valid(raw);
        assertThat(phone.kind()).isEqualTo(PhoneNumber.Kind.LANDLINE);
        assertThat(phone.value()).isEqualTo(value);
        assertThat(phone.areaCode()).contains(area);
        assertThat(phone.subscriberNumber()).isEqualTo(local);
        assertThat(phone.extension().orElse(null)).isEqualTo(ext);
    }

    @Test
    void data6_theInternationalFormDropsTheTrunkZero() {
        assertThat(valid("0432-62345678").e164()).isEqualTo("+8643262345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6234567", "62345678", "6234-5678"})
    void data6_aLocalNumberWithoutAreaCodeIsIncomplete(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(PhoneNumberReason.AREA_CODE_MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"138123456789", "1381234567", "0432-623456", "0432-623456789", "010", "+86", "0123-4567890", "95588"})
    void data6_wrongDigitCountsAreRejected(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(PhoneNumberReason.LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0432-12345678", "010-02345678"})
    void data6_aLocalNumberCannotBeginWithZeroOrOne(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(PhoneNumberReason.SUBSCRIBER_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 2025550100", "+852 2123 4567", "001-202-555-0100"})
    void data6_foreignNumbersAreRejected(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(PhoneNumberReason.COUNTRY_CODE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"13812345678 转 123", "0432-62345678转", "0432-62345678 ext 1234567", "转123"})
    void data6_malformedExtensionsAreRejected(String raw) {
        PhoneNumberReason reason = reasonOf(raw);
        if (raw.equals("转123")) {
            assertThat(reason).isEqualTo(PhoneNumberReason.CHARACTERS);
        } else {
            assertThat(reason).isEqualTo(PhoneNumberReason.EXTENSION);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"138/1234/5678", "13812345678,13987654321", "tel:13812345678", "138一二三四5678"})
    void data6_textThatIsNoPhoneNumberIsRejected(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(PhoneNumberReason.CHARACTERS);
    }

    @Test
    void data6_emptyInput() {
        assertThat(PhoneNumber.parse(null).problem().orElseThrow().reason()).isEqualTo(PhoneNumberReason.EMPTY);
        assertThat(reasonOf("")).isEqualTo(PhoneNumberReason.EMPTY);
        assertThat(reasonOf(" - ")).isEqualTo(PhoneNumberReason.EMPTY);
        assertThat(reasonOf("+")).isEqualTo(PhoneNumberReason.EMPTY);
    }

    @Test
    void theMaskedFormHidesTheMiddle() {
        assertThat(valid("13812341234").masked()).isEqualTo("138****1234");
        assertThat(valid("13812341234").toString()).isEqualTo("138****1234");
        assertThat(valid("0432-62345678-123").masked()).isEqualTo("0432-****5678");
        assertThat(valid("0432-6234567").masked()).isEqualTo("0432-***4567");
    }

    @Test
    void equalityIgnoresTheWrittenForm() {
        assertThat(valid("+86 138 1234 5678")).isEqualTo(valid("13812345678")).hasSameHashCodeAs(valid("13812345678"));
        assertThat(valid("0432-62345678-1")).isNotEqualTo(valid("0432-62345678"));
    }
}
