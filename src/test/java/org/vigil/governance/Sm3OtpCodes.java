package org.vigil.governance;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * What a GM/T 0021 token shows: the SM3 dynamic password computed here from the printed base32
 * seed, apart from the application's own code (another SM3 entry point, arithmetic on big
 * integers), so a test logs in as the holder of a token would.
 */
public final class Sm3OtpCodes {

    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private Sm3OtpCodes() {
    }

    public static String at(String base32Seed, Instant at) {
        return code(decode(base32Seed), Math.floorDiv(at.getEpochSecond(), 60), null, null, 6);
    }

    /** SM3(K ‖ T ‖ C ‖ Q, zero-padded to 16 bytes); the eight words summed modulo 2^32; modulo 10^digits. */
    public static String code(byte[] key, long t, Integer counter, byte[] challenge, int digits) {
        ByteArrayOutputStream id = new ByteArrayOutputStream();
        for (int shift = 56; shift >= 0; shift -= 8) {
            id.write((int) (t >>> shift));
        }
        if (counter != null) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                id.write(counter >>> shift);
            }
        }
        if (challenge != null) {
            id.writeBytes(challenge);
        }
        while (id.size() < 16) {
            id.write(0);
        }
        byte[] s;
        try {
            MessageDigest sm3 = MessageDigest.getInstance("SM3", PROVIDER);
            sm3.update(key);
            s = sm3.digest(id.toByteArray());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < s.length; i += 4) {
            sum = sum.add(new BigInteger(1, java.util.Arrays.copyOfRange(s, i, i + 4)));
        }
        BigInteger od = sum.mod(BigInteger.ONE.shiftLeft(32));
        String p = od.mod(BigInteger.TEN.pow(digits)).toString();
        return "0".repeat(digits - p.length()) + p;
    }

    private static byte[] decode(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        BigInteger bits = BigInteger.ZERO;
        for (char c : text.toCharArray()) {
            bits = bits.shiftLeft(5).or(BigInteger.valueOf(alphabet.indexOf(c)));
        }
        int bytes = text.length() * 5 / 8;
        bits = bits.shiftRight(text.length() * 5 - bytes * 8);
        byte[] raw = bits.toByteArray();
        byte[] out = new byte[bytes];
        int copy = Math.min(raw.length, bytes);
        System.arraycopy(raw, raw.length - copy, out, bytes - copy, copy);
        return out;
    }
}
