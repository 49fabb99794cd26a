package org.vigil.governance;

import java.time.Instant;
import java.util.Map;

/** An audit event as stored: its place in the chain, when, and its MAC in hex. */
public record AuditedEvent(long seq, Instant occurredAt, String actor, AuditAction action, String subject,
        String purpose, Map<String, String> detail, String mac, String keyId) {

    public AuditedEvent {
        detail = Map.copyOf(detail);
    }
}
