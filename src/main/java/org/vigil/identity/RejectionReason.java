package org.vigil.identity;

/**
 * Why a value was refused. Each kernel type lists its reasons as an enum implementing this, so
 * that a rejects file, a CLI line and a test can all name the same reason.
 */
public interface RejectionReason {

    /** A stable machine-readable code, such as {@code CHECK_DIGIT}. */
    String code();

    /** A short English description. */
    String english();

    /** A short Chinese description, what staff read in the console and rejects files. */
    String chinese();
}
