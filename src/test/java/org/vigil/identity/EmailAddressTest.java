package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.vigil.identity.EmailAddress.EmailAddressReason;

@DisplayName("EmailAddress: DATA-6 system validation of e-mail addresses (completeness and legality)")
class EmailAddressTest {

    static EmailAddressReason reasonOf(String raw) {
        return (EmailAddressReason) EmailAddress.parse(raw).problem().orElseThrow().reason();
    }

    static final Map<EmailAddressReason, String> EXAMPLES = Map.of(
            EmailAddressReason.EMPTY, "",
            EmailAddressReason.TOO_LONG, "a".repeat(64) + "@" + "b".repeat(190) + ".com",
            EmailAddressReason.CHARACTERS, "zhang san@qq.com",
            EmailAddressReason.AT_SIGN, "zhangsan.qq.com",
            EmailAddressReason.LOCAL_PART, ".zhangsan@qq.com",
            EmailAddressReason.DOMAIN, "zhangsan@qq");

    @ParameterizedTest
    @EnumSource(EmailAddressReason.class)
    void data6_everyReasonHasAnExample(EmailAddressReason reason) {
        assertThat(EXAMPLES).containsKey(reason);
        assertThat(reasonOf(EXAMPLES.get(reason))).isEqualTo(reason);
        assertThat(reason.chinese()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zhangsan@qq.com|zhangsan@qq.com",
            "' Zhang.San@163.COM '|Zhang.San@163.com",
            "12345678@qq.com|12345678@qq.com",
            "zhangsan＠qq。com|zhangsan@qq.com",
            "ｚｈａｎｇｓａｎ@qq．com|zhangsan@qq.com",
            "first.last+tag@mail.jl.gov.cn|first.last+tag@mail.jl.gov.cn",
            "o_brien+x-y@sub-domain.example.org|o_brien+x-y@sub-domain.example.org",
            "a@xn--fiqs8s.xn--fiqs8s|a@xn--fiqs8s.xn--fiqs8s"})
    void data6_wellFormedAddressesAreAcceptedAndNormalised(String raw, String value) {
        assertThat(EmailAddress.parse(raw).orElseThrow().value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zhangsan", "zhang@san@qq.com"})
    void data6_exactlyOneAtSign(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(EmailAddressReason.AT_SIGN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@qq.com", "zhang..san@qq.com", "zhangsan.@qq.com", "zhang(san)@qq.com", "zhang,san@qq.com"})
    void data6_malformedLocalPartsAreRejected(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(EmailAddressReason.LOCAL_PART);
    }

    @Test
    void data6_anOverlongLocalPartIsRejected() {
        assertThat(reasonOf("a".repeat(65) + "@qq.com")).isEqualTo(EmailAddressReason.LOCAL_PART);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@", "a@qq", "a@qq.", "a@.qq.com", "a@qq..com", "a@-qq.com", "a@qq-.com", "a@qq.c", "a@qq.123",
            "a@q_q.com", "a@[127.0.0.1]"})
    void data6_malformedDomainsAreRejected(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(EmailAddressReason.DOMAIN);
    }

    @Test
    void data6_anOverlongDomainLabelIsRejected() {
        assertThat(reasonOf("a@" + "b".repeat(64) + ".com")).isEqualTo(EmailAddressReason.DOMAIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"张三@qq.com", "a@例子.中国", "a b@qq.com", "a@qq.com\u0000"})
    void data6_blanksAndNonAsciiAreRejected(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(EmailAddressReason.CHARACTERS);
    }

    @Test
    void data6_emptyInput() {
        assertThat(EmailAddress.parse(null).problem().orElseThrow().reason()).isEqualTo(EmailAddressReason.EMPTY);
        assertThat(reasonOf(" \u3000 ")).isEqualTo(EmailAddressReason.EMPTY);
    }

    @Test
    void partsAndMasking() {
        EmailAddress email = EmailAddress.parse("Zhang.San@163.COM").orElseThrow();
        assertThat(email.localPart()).isEqualTo("Zhang.San");
        assertThat(email.domain()).isEqualTo("163.com");
        assertThat(email.masked()).isEqualTo("Z***@163.com");
        assertThat(email.toString()).isEqualTo("Z***@163.com");
        assertThat(email).isEqualTo(EmailAddress.parse("Zhang.San@163.com").orElseThrow());
    }
}
