package org.vigil.governance.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.governance.Sm3OtpCodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SM3 dynamic password of GM/T 0021-2012 (DATA-3, 密评). The expected codes were computed
 * apart from Vigil, with OpenSSL's SM3 (Python's hashlib) from the standard's formula; the same
 * formula in the test sources ({@link Sm3OtpCodes}) checks many more keys and times.
 */
class Sm3OtpTest {

    private static final byte[] KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_1_TO_16 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    @Test
    void data3_theDigestIsSm3_gbt32905sVectorForAbc() {
        SM3Digest sm3 = new SM3Digest();
        sm3.update("abc".getBytes(StandardCharsets.US_ASCII), 0, 3);
        byte[] out = new byte[32];
        sm3.doFinal(out, 0);
        assertThat(HexFormat.of().formatHex(out))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @ParameterizedTest(name = "t = {0} s (T = {1}) gives {2}")
    @CsvSource({"59, 0, 496664", "1111111109, 18518518, 401188", "1111111111, 18518518, 401188",
            "1234567890, 20576131, 843455", "2000000000, 33333333, 625846", "20000000000, 333333333, 549302"})
    void data3_sm3OtpGivesIndependentlyComputedVectors(long seconds, long timeFactor, String expected) {
        assertThat(Sm3Otp.timeFactor(Instant.ofEpochSecond(seconds))).isEqualTo(timeFactor);
        assertThat(Sm3Otp.code(KEY, timeFactor, 6)).isEqualTo(expected);
    }

    @Test
    void data3_theEventCounterAndChallengeJoinTheTimeFactor_andTheSumIsUnsigned() {
        assertThat(Sm3Otp.code(KEY_1_TO_16, 0, 6)).isEqualTo("835598");
        assertThat(Sm3Otp.code(KEY_1_TO_16, 20576131, 1, "1234".getBytes(StandardCharsets.US_ASCII), 6))
                .isEqualTo("808598");
        assertThat(Sm3Otp.code(KEY_1_TO_16, 20576131, 7, null, 8)).isEqualTo("30267779");
        // this digest's words add up to 3576496664, above 2^31: read as a signed int it would be negative
        byte[] s = HexFormat.of().parseHex("e47b846923902c4a46e57a1183e43a82f952c9fd04e3bfc4d61f8c552e0186bc");
        assertThat(Sm3Otp.truncate(s)).isEqualTo(3_576_496_664L);
    }

    @Test
    void data3_vigilsCodesEqualTheTestsOwnComputation_forManyKeysAndTimes() {
        Random random = new Random(20261202);
        for (int i = 0; i < 500; i++) {
            byte[] key = new byte[16 + random.nextInt(17)];
            random.nextBytes(key);
            long t = random.nextLong() >>> 30;
            assertThat(Sm3Otp.code(key, t, 6)).as("key %s, T %d", HexFormat.of().formatHex(key), t)
                    .isEqualTo(Sm3OtpCodes.code(key, t, null, null, 6));
            int counter = random.nextInt();
            assertThat(Sm3Otp.code(key, t, counter, "8823".getBytes(StandardCharsets.US_ASCII), 6))
                    .isEqualTo(Sm3OtpCodes.code(key, t, counter, "8823".getBytes(StandardCharsets.US_ASCII), 6));
        }
    }

    @Test
    void data3_aCodeIsAcceptedWithinOnePeriodOfDrift_andOnlyOnce() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long t = Sm3Otp.timeFactor(now);
        String current = Sm3Otp.code(KEY, t, 6);

        assertThat(Sm3Otp.match(KEY, current, now, Long.MIN_VALUE)).isEqualTo(t);
        assertThat(Sm3Otp.match(KEY, Sm3Otp.code(KEY, t - 1, 6), now, Long.MIN_VALUE)).isEqualTo(t - 1);
        assertThat(Sm3Otp.match(KEY, Sm3Otp.code(KEY, t + 1, 6), now, Long.MIN_VALUE)).isEqualTo(t + 1);
        assertThat(Sm3Otp.match(KEY, Sm3Otp.code(KEY, t - 2, 6), now, Long.MIN_VALUE)).as("too old").isEqualTo(-1);
        assertThat(Sm3Otp.match(KEY, current, now, t)).as("already used").isEqualTo(-1);
        assertThat(Sm3Otp.match(KEY, Totp.code(KEY, Totp.step(now), 6), now, Long.MIN_VALUE))
                .as("a TOTP code is no SM3 code").isEqualTo(-1);
        assertThat(Sm3Otp.match(KEY, "12345", now, Long.MIN_VALUE)).isEqualTo(-1);
        assertThat(Sm3Otp.match(KEY, null, now, Long.MIN_VALUE)).isEqualTo(-1);
    }

    @Test
    void data3_theAlgorithmIsChosenByName_andTheSeedHasAtLeast128Bits() {
        assertThat(SecondFactor.named("totp").name()).isEqualTo("totp");
        assertThat(SecondFactor.named(" SM3-OTP ").name()).isEqualTo("sm3-otp");
        assertThatThrownBy(() -> SecondFactor.named("sms")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("totp or sm3-otp");
        assertThatThrownBy(() -> Sm3Otp.code(new byte[15], 0, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("128 bits");
        assertThat(SecondFactor.named("sm3-otp").provisioningUri("Vigil", "wang.li", KEY)).isEqualTo(
                "otpauth://totp/Vigil:wang.li?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Vigil"
                        + "&algorithm=SM3&digits=6&period=60");
    }
}
