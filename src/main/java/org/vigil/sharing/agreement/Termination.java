package org.vigil.sharing.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An agreement ended before its validity ran out: revoked by either party, superseded, or
 * breached (a leak makes the user liable, 000 附件2 四).
 *
 * @param effectiveFrom the first day the agreement no longer covers deliveries
 * @param recordedAt    when staff recorded the termination
 */
public record Termination(LocalDate effectiveFrom, String reason, Instant recordedAt) {

    public Termination {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
