package org.vigil.governance.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The SM3 dynamic password of GM/T 0021-2012 (动态口令密码应用技术规范), the second factor for sites
 * that must pass 密评: the time factor T is the count of 60-second periods since the epoch, the
 * input ID is T as eight big-endian bytes followed by the optional event counter C (four bytes)
 * and challenge Q, padded with zero bytes to the standard's minimum of 128 bits; S = SM3(K ‖ ID);
 * the standard's truncation adds S's eight big-endian 32-bit words modulo 2^32, and the password is
 * that number modulo 10^6. As with TOTP a code is accepted once, within one period of drift.
 */
final class Sm3Otp {

    /** The standard allows periods of up to 60 seconds; tokens built for it mostly use 60. */
    static final int STEP_SECONDS = 60;
    /** GM/T 0021 asks for a seed key of at least 128 bits. */
    static final int MIN_KEY_BYTES = 16;
    private static final int MIN_ID_BYTES = 16;
    private static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L};

    static final SecondFactor SECOND_FACTOR = new SecondFactor() {

        @Override
        public String name() {
            return "sm3-otp";
        }

        @Override
        public long match(byte[] secret, String code, Instant at, long lastUsedStep) {
            return Sm3Otp.match(secret, code, at, lastUsedStep);
        }

        @Override
        public String provisioningUri(String issuer, String account, byte[] secret) {
            return Sm3Otp.provisioningUri(issuer, account, secret);
        }
    };

    private Sm3Otp() {
    }

    /** The time factor T at an instant. */
    static long timeFactor(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The password of a time factor alone, as time-based tokens show it. */
    static String code(byte[] key, long timeFactor, int digits) {
        return code(key, timeFactor, null, null, digits);
    }

    /**
     * The password for a time factor, an optional event counter and an optional challenge.
     *
     * @param counter   the event factor C, or null when the token does not count events
     * @param challenge the challenge factor Q as the bytes of its ASCII text, or null
     */
    static String code(byte[] key, long timeFactor, Integer counter, byte[] challenge, int digits) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("an SM3 OTP seed key has at least 128 bits");
        }
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("an SM3 OTP code has 6 to 8 digits");
        }
        int length = Long.BYTES + (counter == null ? 0 : Integer.BYTES) + (challenge == null ? 0 : challenge.length);
        ByteBuffer id = ByteBuffer.allocate(Math.max(length, MIN_ID_BYTES)).putLong(timeFactor);
        if (counter != null) {
            id.putInt(counter);
        }
        if (challenge != null) {
            id.put(challenge);
        }
        // what is left of the buffer is already zero: the padding to 128 bits
        SM3Digest sm3 = new SM3Digest();
        sm3.update(key, 0, key.length);
        sm3.update(id.array(), 0, id.capacity());
        byte[] s = new byte[sm3.getDigestSize()];
        sm3.doFinal(s, 0);
        String code = Long.toString(truncate(s) % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /** GM/T 0021's truncation for SM3: the sum of the digest's 32-bit big-endian words, as an unsigned 32-bit number. */
    static long truncate(byte[] digest) {
        ByteBuffer words = ByteBuffer.wrap(digest);
        int sum = 0;
        while (words.remaining() >= Integer.BYTES) {
            // int addition wraps around: that is the modulo 2^32
            sum += words.getInt();
        }
        return Integer.toUnsignedLong(sum);
    }

    /**
     * The time factor a six-digit code matches at this time, within one period either way and
     * after {@code lastUsedStep}; -1 when it matches none.
     */
    static long match(byte[] secret, String code, Instant at, long lastUsedStep) {
        if (code == null || !code.matches("[0-9]{6}")) {
            return -1;
        }
        long now = timeFactor(at);
        long found = -1;
        byte[] typed = code.getBytes(StandardCharsets.US_ASCII);
        for (long t = now - 1; t <= now + 1; t++) {
            // every candidate is computed and compared in full, so timing says nothing about which matched
            boolean equal = MessageDigest.isEqual(code(secret, t, 6).getBytes(StandardCharsets.US_ASCII), typed);
            if (equal && t > lastUsedStep) {
                found = t;
            }
        }
        return found;
    }

    /**
     * The seed as an otpauth URI naming SM3 and the 60-second period. Common authenticator apps do
     * not know SM3 and would show wrong codes; the URI is for tokens and apps made for GM/T 0021.
     */
    static String provisioningUri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + Totp.base32(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SM3&digits=6&period=" + STEP_SECONDS;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
