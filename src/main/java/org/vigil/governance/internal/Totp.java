package org.vigil.governance.internal;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP with HMAC-SHA1), the second
 * factor every authenticator app speaks: 30-second steps, six digits, one step of clock drift
 * either way. A code is accepted once: the step it matched is returned so the caller can refuse
 * that step and the ones before it next time.
 */
final class Totp {

    static final int STEP_SECONDS = 30;

    /** TOTP as the second factor's algorithm, {@code vigil.staff.second-factor: totp} (the default). */
    static final SecondFactor SECOND_FACTOR = new SecondFactor() {

        @Override
        public String name() {
            return "totp";
        }

        @Override
        public long match(byte[] secret, String code, Instant at, long lastUsedStep) {
            return Totp.match(secret, code, at, lastUsedStep);
        }

        @Override
        public String provisioningUri(String issuer, String account, byte[] secret) {
            return Totp.provisioningUri(issuer, account, secret);
        }
    };

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of one step, with the given number of digits (6 for staff; 8 in RFC 6238's test vectors). */
    static String code(byte[] secret, long step, int digits) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("a TOTP code has 6 to 8 digits");
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available: " + e.getMessage(), e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16 | (hash[offset + 2] & 0xff) << 8
                | hash[offset + 3] & 0xff;
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The step a six-digit code matches at this time, within one step of drift and after
     * {@code lastUsedStep}; -1 when it matches none.
     */
    static long match(byte[] secret, String code, Instant at, long lastUsedStep) {
        if (code == null || !code.matches("[0-9]{6}")) {
            return -1;
        }
        long now = step(at);
        long found = -1;
        for (long s = now - 1; s <= now + 1; s++) {
            // every candidate is computed and compared in full, so timing says nothing about which matched
            if (constantTimeEquals(code(secret, s, 6), code) && s > lastUsedStep) {
                found = s;
            }
        }
        return found;
    }

    /** The RFC 4648 base32 form authenticator apps take, and the otpauth URI their QR codes carry. */
    static String provisioningUri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=" + STEP_SECONDS;
    }

    static String base32(byte[] data) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = buffer << 8 | b & 0xff;
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt(buffer >>> bits - 5 & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt(buffer << 5 - bits & 31));
        }
        return out.toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                b.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
