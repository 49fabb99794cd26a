package org.vigil.governance.lawenforcement;

import java.time.Duration;
import java.time.Instant;

/**
 * When the officers may be given data: from {@code from} (inclusive) to {@code to} (exclusive).
 * The longest window is the register's configuration ({@code vigil.law-enforcement.max-window}).
 */
public record AccessWindow(Instant from, Instant to) {

    public AccessWindow {
        if (from == null || to == null || !to.isAfter(from)) {
            throw new LawEnforcementException(LawEnforcementProblem.WINDOW_ORDER, "window", "");
        }
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
