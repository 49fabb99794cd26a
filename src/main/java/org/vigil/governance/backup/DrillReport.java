package org.vigil.governance.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A drill as recorded in {@code governance.backup_drill}.
 *
 * @param recoveryTime how long the restore took, when it finished
 */
public record DrillReport(long id, String backupId, String scratchDatabase, Instant startedAt, Instant finishedAt,
        Optional<Duration> recoveryTime, List<DrillCheck.Outcome> checks) {

    public DrillReport {
        checks = List.copyOf(checks);
    }

    /** Whether every check passed; a drill without checks proves nothing and did not pass. */
    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(DrillCheck.Outcome::passed);
    }
}
