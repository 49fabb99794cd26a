package org.vigil.governance.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The second factor (DATA-3, 等保 level 3): RFC 6238's own test vectors, drift, replay and the provisioning URI. */
class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0} s gives {1}")
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void data3_totpGivesRfc6238sSha1TestVectors(long seconds, String expected) {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(seconds)), 8)).isEqualTo(expected);
    }

    @Test
    void data3_aCodeIsAcceptedWithinOneStepOfDrift_andOnlyOnce() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);
        String current = Totp.code(RFC_SECRET, step, 6);

        assertThat(Totp.match(RFC_SECRET, current, now, Long.MIN_VALUE)).isEqualTo(step);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 1, 6), now, Long.MIN_VALUE)).isEqualTo(step - 1);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step + 1, 6), now, Long.MIN_VALUE)).isEqualTo(step + 1);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 2, 6), now, Long.MIN_VALUE)).as("too old")
                .isEqualTo(-1);
        assertThat(Totp.match(RFC_SECRET, current, now, step)).as("already used").isEqualTo(-1);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 1, 6), now, step))
                .as("an older code after a newer one was used").isEqualTo(-1);
        assertThat(Totp.match(RFC_SECRET, "12345", now, Long.MIN_VALUE)).isEqualTo(-1);
        assertThat(Totp.match(RFC_SECRET, null, now, Long.MIN_VALUE)).isEqualTo(-1);
    }

    @Test
    void data3_theProvisioningUriIsWhatAuthenticatorAppsRead() {
        assertThat(Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.provisioningUri("Vigil 守望", "wang.li", RFC_SECRET)).isEqualTo(
                "otpauth://totp/Vigil%20%E5%AE%88%E6%9C%9B:wang.li?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Vigil%20%E5%AE%88%E6%9C%9B&algorithm=SHA1&digits=6&period=30");
    }
}
