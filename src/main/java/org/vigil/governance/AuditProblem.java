package org.vigil.governance;

/** Something `audit verify` found wrong, and where: the sequence number of the event or checkpoint. */
public record AuditProblem(long seq, Kind kind, String description) {

    public enum Kind {
        /** The event's content does not give its MAC: changed after it was written, or forged. */
        ALTERED,
        /** Sequence numbers are missing: events were deleted. */
        MISSING,
        /** The event does not continue the chain of the event before it: one of them was replaced or inserted. */
        LINK_BROKEN,
        /** A checkpoint's MAC differs from the event it covers: the chain up to it was rewritten. */
        CHECKPOINT_MISMATCH,
        /** A checkpoint's signature is not valid for its key: the checkpoint itself was forged or changed. */
        CHECKPOINT_SIGNATURE_INVALID,
        /** A checkpoint covers an event that no longer exists: events were deleted from the end. */
        CHECKPOINT_BEYOND_END,
        /** An event or checkpoint names a key the key service does not hold. */
        UNKNOWN_KEY
    }
}
