package org.vigil.governance.disclosure;

import java.util.Objects;

/**
 * A disclosure or export that Vigil refused, with the reason in kind so that callers (the REST API,
 * the command line) can answer it properly, and in words (English and Chinese) for the person. A
 * refusal stores nothing.
 */
public final class DisclosureRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why it was refused. */
    public enum Reason {
        /** The account's role does not grant what the act needs. */
        NOT_PERMITTED,
        /** No purpose was stated, or the request is incomplete. */
        INVALID,
        /** The account's daily quota would be exceeded. */
        QUOTA_EXCEEDED,
        /** No such export request, or not one this account may see. */
        NOT_FOUND,
        /** The export request is not in a state that allows the step (not approved, already exported…). */
        CONFLICT
    }

    private final Reason reason;

    public DisclosureRefusedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
