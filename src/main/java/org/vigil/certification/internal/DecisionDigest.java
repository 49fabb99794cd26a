package org.vigil.certification.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HexFormat;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A SHA-256 over a month's decisions as stored, in recipient order, every field length-prefixed
 * so text cannot move between fields. Read in the database's own text forms (dates, JSON), so a
 * run and a later check compute it the same way. Streamed: a month of a million decisions never
 * sits in memory.
 *
 * <p>Since the decisions name persons by vault number (DATA-15, ADR 0035) the digest covers the
 * person number where it covered the ID number, and the home-visit age the run noted: a seal
 * written by an earlier version does not match the same month decided again by this one.
 */
final class DecisionDigest {

    private static final String ROWS = """
            select recipient_id::text, person::text, benefit_kind, status, reason_code, reasons::text,
                   loss_from::text, certified_on::text, period_end::text, bucket, investigate::text, evidence::text,
                   policy_version, region_code, home_visit_age::text
              from certification.decision
             where month = :month
             order by recipient_id""";
    private static final int COLUMNS = 15;

    private DecisionDigest() {
    }

    /** The month's digest and how many decisions it covers. */
    static Result of(JdbcClient jdbc, YearMonth month) {
        MessageDigest sha = sha256();
        long[] rows = {0};
        jdbc.sql(ROWS).param("month", month.atDay(1)).query((RowCallbackHandler) rs -> {
            for (int c = 1; c <= COLUMNS; c++) {
                String value = rs.getString(c);
                byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
                // -1 marks a null apart from an empty text
                int length = value == null ? -1 : bytes.length;
                sha.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                        (byte) length});
                sha.update(bytes);
            }
            rows[0]++;
        });
        return new Result(HexFormat.of().formatHex(sha.digest()), rows[0]);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    record Result(String digest, long decisions) {
    }
}
