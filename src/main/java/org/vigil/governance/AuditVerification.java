package org.vigil.governance;

import java.util.List;

/**
 * What `audit verify` found: how many events and checkpoints it checked, how far the last valid
 * checkpoint reaches, and every problem in sequence order.
 *
 * @param lastSeq           the highest sequence number present (0 for an empty log)
 * @param lastCheckpointSeq the last event covered by a valid checkpoint (0 for none)
 */
public record AuditVerification(long events, long checkpoints, long lastSeq, long lastCheckpointSeq,
        List<AuditProblem> problems) {

    public AuditVerification {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }

    /** Events after the last valid checkpoint: chained, but not yet under a signature. */
    public long unsignedTail() {
        return lastSeq - lastCheckpointSeq;
    }
}
