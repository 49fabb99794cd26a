package org.vigil.governance.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.vigil.governance.AuditAction;

/**
 * The bytes a MAC or a signature covers. Every field is written with its length first, so no
 * two different events can give the same bytes by moving text from one field into the next.
 */
final class AuditChain {

    static final byte[] GENESIS = new byte[32];
    private static final byte[] EVENT_TAG = "vigil-audit-event/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECKPOINT_TAG = "vigil-audit-checkpoint/1".getBytes(StandardCharsets.US_ASCII);

    private AuditChain() {
    }

    /** PostgreSQL keeps microseconds: an instant is cut to them before it is covered, so it reads back the same. */
    static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static byte[] event(byte[] prevMac, long seq, Instant at, String actor, AuditAction action, String subject,
            String purpose, String detailJson) {
        Fields f = new Fields(EVENT_TAG);
        f.bytes(prevMac).number(seq).number(micros(at)).text(actor).text(action.name()).text(subject)
                .text(purpose).text(detailJson);
        return f.out.toByteArray();
    }

    static byte[] checkpoint(long seq, byte[] mac, Instant signedAt) {
        Fields f = new Fields(CHECKPOINT_TAG);
        f.number(seq).bytes(mac).number(micros(signedAt));
        return f.out.toByteArray();
    }

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    private static final class Fields {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        Fields(byte[] tag) {
            bytes(tag);
        }

        Fields bytes(byte[] b) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
            out.writeBytes(b);
            return this;
        }

        Fields number(long n) {
            out.writeBytes(ByteBuffer.allocate(8).putLong(n).array());
            return this;
        }

        /** A missing text is length -1, unlike an empty one. */
        Fields text(String s) {
            if (s == null) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
                return this;
            }
            return bytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
