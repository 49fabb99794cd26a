package org.vigil.certification;

import java.util.Objects;

/**
 * What an operator records on a verification task: how it was verified, what was found, who
 * recorded it and a note (CERT-19: the trace of a verification, with its reason). The time is the
 * application clock's when it is recorded, never the caller's.
 *
 * @param note free text, none when blank; it becomes the noted reason of a failed certification
 */
public record VerificationOutcome(VerificationMethod method, VerificationResult result, String operator, String note) {

    /** Longest note kept; a longer one is refused rather than cut. */
    public static final int MAX_NOTE = 2000;

    public VerificationOutcome {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(result, "result");
        operator = Operators.require(operator);
        note = note == null || note.isBlank() ? null : note.strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("a note is at most " + MAX_NOTE + " characters / 备注过长");
        }
    }
}
