package org.vigil.governance;

import java.util.List;
import java.util.Optional;

/** Reading and proving the audit log (DATA-18): search, checkpoints and the chain's verification. */
public interface AuditLog {

    /** Recomputes every event's MAC and checks every checkpoint's signature; reads the whole log once. */
    AuditVerification verify();

    /**
     * Signs the chain's head when events were appended since the last checkpoint.
     *
     * @return the new checkpoint's sequence number, or empty when the head is already signed
     */
    Optional<Long> checkpoint();

    /** The latest events, newest first, optionally of one actor or subject. */
    List<AuditedEvent> recent(Optional<String> actor, Optional<String> subject, int limit);
}
