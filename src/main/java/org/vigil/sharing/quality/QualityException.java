package org.vigil.sharing.quality;

import java.util.Objects;

/**
 * A request of the quality API that cannot be carried out; the message says why in Chinese and
 * English.
 */
public class QualityException extends RuntimeException {

    /** What kind of refusal, so the web layer can answer with the right status. */
    public enum Kind {
        /** A value is missing or not allowed. */
        INVALID,
        /** What the request names does not exist. */
        NOT_FOUND,
        /** It contradicts what is recorded. */
        CONFLICT
    }

    private final Kind kind;

    public QualityException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
