package org.vigil.governance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditEntry;
import org.vigil.governance.AuditLog;
import org.vigil.governance.AuditProblem;
import org.vigil.governance.AuditTrail;
import org.vigil.governance.AuditVerification;
import org.vigil.governance.AuditedEvent;
import org.vigil.governance.KeyService;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit chain in PostgreSQL. Appends are serialised by one transaction-scoped advisory lock,
 * so sequence numbers are gapless and each event's predecessor is the event committed before it;
 * every {@code checkpointEvery}-th event is signed in the same transaction, and the schedule or
 * {@code vigil audit checkpoint} signs the tail in between.
 */
class JdbcAuditLog implements AuditTrail, AuditLog {

    private static final Logger log = LoggerFactory.getLogger(JdbcAuditLog.class);
    /** "VIGILAUD" in ASCII: the chain's lock, distinct from the other modules' advisory locks. */
    private static final long CHAIN_LOCK = 0x5649_4749_4C41_5544L;
    private static final HexFormat HEX = HexFormat.of();
    private static final TypeReference<TreeMap<String, String>> DETAIL = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final KeyService keys;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final int checkpointEvery;

    JdbcAuditLog(JdbcClient jdbc, JdbcTemplate template, KeyService keys, Clock clock, int checkpointEvery) {
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("vigil.audit.checkpoint-every must be at least 1");
        }
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(template.getDataSource());
        this.streaming.setFetchSize(2_000);
        this.keys = keys;
        this.clock = clock;
        this.checkpointEvery = checkpointEvery;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditedEvent record(AuditEntry entry) {
        lockChain();
        Head head = head();
        long seq = head.seq() + 1;
        Instant at = AuditChain.storable(clock.instant());
        String detail = json.writeValueAsString(new TreeMap<>(entry.detail()));
        String keyId = keys.currentMacKey();
        byte[] mac = keys.mac(keyId, AuditChain.event(head.mac(), seq, at, entry.actor(), entry.action(), entry.subject(),
                entry.purpose(), detail));
        jdbc.sql("""
                        insert into governance.audit_event (seq, occurred_at, actor, action, subject, purpose, detail,
                            prev_mac, mac, key_id)
                        values (:seq, :at, :actor, :action, :subject, :purpose, :detail, :prev, :mac, :key)""")
                .param("seq", seq).param("at", Timestamp.from(at)).param("actor", entry.actor())
                .param("action", entry.action().name()).param("subject", entry.subject())
                .param("purpose", entry.purpose()).param("detail", detail).param("prev", head.mac())
                .param("mac", mac).param("key", keyId).update();
        if (seq % checkpointEvery == 0) {
            sign(seq, mac);
        }
        return new AuditedEvent(seq, at, entry.actor(), entry.action(), entry.subject(), entry.purpose(), entry.detail(),
                HEX.formatHex(mac), keyId);
    }

    @Override
    @Transactional
    public Optional<Long> checkpoint() {
        lockChain();
        Head head = head();
        if (head.seq() == 0) {
            return Optional.empty();
        }
        Long signed = jdbc.sql("select max(seq) from governance.audit_checkpoint").query(Long.class).optional().orElse(null);
        if (signed != null && signed >= head.seq()) {
            return Optional.empty();
        }
        sign(head.seq(), head.mac());
        return Optional.of(head.seq());
    }

    @Override
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        Map<Long, Checkpoint> checkpoints = new LinkedHashMap<>();
        jdbc.sql("select seq, mac, signed_at, signature, key_id from governance.audit_checkpoint order by seq")
                .query((ResultSet rs) -> {
                    checkpoints.put(rs.getLong("seq"), new Checkpoint(rs.getLong("seq"), rs.getBytes("mac"),
                            rs.getTimestamp("signed_at").toInstant(), rs.getBytes("signature"), rs.getString("key_id")));
                });
        List<AuditProblem> problems = new ArrayList<>();
        Map<String, Boolean> knownKeys = new HashMap<>();
        Walk walk = new Walk();
        streaming.query("""
                select seq, occurred_at, actor, action, subject, purpose, detail, prev_mac, mac, key_id
                  from governance.audit_event order by seq""", (ResultSet rs) -> {
            long seq = rs.getLong("seq");
            byte[] prev = rs.getBytes("prev_mac");
            byte[] mac = rs.getBytes("mac");
            String keyId = rs.getString("key_id");
            walk.events++;
            long expected = walk.lastSeq + 1;
            if (seq != expected) {
                problems.add(new AuditProblem(expected, AuditProblem.Kind.MISSING, seq - expected == 1
                        ? "event " + expected + " is missing: deleted"
                        : "events " + expected + " to " + (seq - 1) + " are missing: deleted"));
            }
            else if (!Arrays.equals(prev, walk.lastMac)) {
                problems.add(new AuditProblem(seq, AuditProblem.Kind.LINK_BROKEN, "event " + seq
                        + " does not continue the chain of event " + walk.lastSeq + ": one of the two was replaced,"
                        + " or this one was inserted"));
            }
            AuditAction action = action(rs.getString("action"));
            if (action == null) {
                problems.add(new AuditProblem(seq, AuditProblem.Kind.ALTERED, "event " + seq + " has an action Vigil never"
                        + " writes (" + rs.getString("action") + "): changed or forged"));
            }
            else if (knownKeys.computeIfAbsent(keyId, keys::holds)) {
                byte[] expectedMac = keys.mac(keyId, AuditChain.event(prev, seq, rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), action, rs.getString("subject"), rs.getString("purpose"),
                        rs.getString("detail")));
                if (!Arrays.equals(expectedMac, mac)) {
                    problems.add(new AuditProblem(seq, AuditProblem.Kind.ALTERED, "event " + seq + " of "
                            + rs.getTimestamp("occurred_at").toInstant() + " does not match its MAC: its content was"
                            + " changed after it was written, or the event was forged"));
                }
            }
            else {
                problems.add(new AuditProblem(seq, AuditProblem.Kind.UNKNOWN_KEY, "event " + seq + " names MAC key "
                        + keyId + ", which the key service does not hold"));
            }
            Checkpoint c = checkpoints.get(seq);
            if (c != null) {
                if (!Arrays.equals(c.mac(), mac)) {
                    problems.add(new AuditProblem(seq, AuditProblem.Kind.CHECKPOINT_MISMATCH, "the checkpoint at event "
                            + seq + " signed a different chain: the events up to " + seq + " were rewritten"));
                }
                else if (signatureValid(c, problems)) {
                    walk.lastCheckpoint = seq;
                }
            }
            walk.lastSeq = seq;
            walk.lastMac = mac;
        });
        for (Checkpoint c : checkpoints.values()) {
            if (c.seq() > walk.lastSeq) {
                problems.add(new AuditProblem(c.seq(), AuditProblem.Kind.CHECKPOINT_BEYOND_END, "a checkpoint covers event "
                        + c.seq() + " but the log ends at " + walk.lastSeq + ": events were deleted from the end"));
            }
        }
        problems.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        AuditVerification result = new AuditVerification(walk.events, checkpoints.size(), walk.lastSeq, walk.lastCheckpoint,
                problems);
        if (!result.intact()) {
            log.warn("The audit chain has {} problem(s); the first at event {}: {}", problems.size(), problems.get(0).seq(),
                    problems.get(0).kind());
        }
        return result;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditedEvent> recent(Optional<String> actor, Optional<String> subject, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be from 1 to 10000");
        }
        return jdbc.sql("""
                        select seq, occurred_at, actor, action, subject, purpose, detail, mac, key_id
                          from governance.audit_event
                         where (cast(:actor as text) is null or actor = :actor)
                           and (cast(:subject as text) is null or subject = :subject)
                         order by seq desc
                         limit :limit""")
                .param("actor", actor.orElse(null)).param("subject", subject.orElse(null)).param("limit", limit)
                .query((rs, n) -> read(rs)).list();
    }

    private AuditedEvent read(ResultSet rs) throws SQLException {
        String action = rs.getString("action");
        AuditAction known = action(action);
        if (known == null) {
            throw new IllegalStateException("audit event " + rs.getLong("seq") + " has an unknown action; run vigil audit verify");
        }
        return new AuditedEvent(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), known,
                rs.getString("subject"), rs.getString("purpose"), json.readValue(rs.getString("detail"), DETAIL),
                HEX.formatHex(rs.getBytes("mac")), rs.getString("key_id"));
    }

    private void sign(long seq, byte[] mac) {
        Instant at = AuditChain.storable(clock.instant());
        KeyService.Signature signature = keys.sign(AuditChain.checkpoint(seq, mac, at));
        jdbc.sql("""
                        insert into governance.audit_checkpoint (seq, mac, signed_at, signature, key_id)
                        values (:seq, :mac, :at, :signature, :key)""")
                .param("seq", seq).param("mac", mac).param("at", Timestamp.from(at))
                .param("signature", signature.value()).param("key", signature.keyId()).update();
    }

    private boolean signatureValid(Checkpoint c, List<AuditProblem> problems) {
        if (!keys.holds(c.keyId())) {
            problems.add(new AuditProblem(c.seq(), AuditProblem.Kind.UNKNOWN_KEY, "the checkpoint at event " + c.seq()
                    + " names SM2 key " + c.keyId() + ", which the key service does not hold"));
            return false;
        }
        if (!keys.verify(c.keyId(), AuditChain.checkpoint(c.seq(), c.mac(), c.signedAt()), c.signature())) {
            problems.add(new AuditProblem(c.seq(), AuditProblem.Kind.CHECKPOINT_SIGNATURE_INVALID, "the checkpoint at event "
                    + c.seq() + " does not carry a valid signature of key " + c.keyId() + ": it was changed or forged"));
            return false;
        }
        return true;
    }

    private static AuditAction action(String name) {
        for (AuditAction a : AuditAction.values()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }

    private void lockChain() {
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query((ResultSet rs) -> {
        });
    }

    private Head head() {
        return jdbc.sql("select seq, mac from governance.audit_event order by seq desc limit 1")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getBytes("mac"))).optional()
                .orElse(new Head(0, AuditChain.GENESIS));
    }

    private record Head(long seq, byte[] mac) {
    }

    private record Checkpoint(long seq, byte[] mac, Instant signedAt, byte[] signature, String keyId) {
    }

    private static final class Walk {
        long events;
        long lastSeq;
        long lastCheckpoint;
        byte[] lastMac = AuditChain.GENESIS;
    }
}
