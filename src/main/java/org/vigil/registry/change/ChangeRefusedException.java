package org.vigil.registry.change;

import java.util.Objects;

/**
 * A step of a change request that was not taken, and why, in English and Chinese. Nothing of the
 * step was kept: the record, its history and the audit log are as they were.
 */
public class ChangeRefusedException extends RuntimeException {

    /** Why, in the four ways a caller must tell apart. */
    public enum Kind {
        /** No such request or record. */
        NOT_FOUND,
        /** A new value the kernel refuses, a field of the wrong kind of record, a missing cross-department check. */
        INVALID,
        /** The actor's post may not take this step, or took an earlier step of the same request (DATA-8 separation). */
        NOT_PERMITTED,
        /** The request is not in the state for this step, or the record changed since the request was made. */
        CONFLICT
    }

    private final Kind kind;

    public ChangeRefusedException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** A refusal found through a lower-level failure (a date that does not parse, a unique key already taken). */
    public ChangeRefusedException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
