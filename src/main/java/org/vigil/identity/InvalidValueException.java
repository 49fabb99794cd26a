package org.vigil.identity;

/**
 * Raised only by {@link Parsed#orElseThrow()}, when code asserts a value it already trusts is
 * valid and it is not: a programming error, not bad input.
 */
public class InvalidValueException extends IllegalStateException {

    private final transient Rejection rejection;

    public InvalidValueException(Rejection rejection) {
        super(rejection.code() + ": " + rejection.message());
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
