package org.vigil.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A fixed clock that a test moves to the day a step happens on (a verification recorded in April,
 * say) and back; beans read it at each call, so they see the day the test set.
 */
public final class SettableClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    public SettableClock(Instant now, ZoneId zone) {
        this.now = Objects.requireNonNull(now, "now");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SettableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
