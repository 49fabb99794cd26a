package org.vigil.governance.internal;

import java.time.Instant;
import java.util.Locale;

/**
 * The one-time-password algorithm of the staff's second factor, chosen by
 * {@code vigil.staff.second-factor} (ADR 0028): {@code totp}, RFC 6238, which every authenticator
 * app speaks, or {@code sm3-otp}, GM/T 0021-2012's SM3 dynamic password, for sites that must pass
 * 密评. The login flow is the same for both; only the codes differ, so another algorithm (a token
 * server, an HSM) can take this interface's place.
 */
interface SecondFactor {

    /** The configuration value that selects it. */
    String name();

    /**
     * The time step a six-digit code matches at this time, within one step of drift and after
     * {@code lastUsedStep}; -1 when it matches none. Steps are counted in the algorithm's own unit.
     */
    long match(byte[] secret, String code, Instant at, long lastUsedStep);

    /** What the holder's app or token is given to set itself up: an otpauth URI with the secret. */
    String provisioningUri(String issuer, String account, byte[] secret);

    /**
     * The algorithm the configuration names.
     *
     * @throws IllegalArgumentException for a name that is neither {@code totp} nor {@code sm3-otp}
     */
    static SecondFactor named(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "totp" -> Totp.SECOND_FACTOR;
            case "sm3-otp" -> Sm3Otp.SECOND_FACTOR;
            default -> throw new IllegalArgumentException(
                    "vigil.staff.second-factor is totp or sm3-otp, found '" + name + "'");
        };
    }
}
