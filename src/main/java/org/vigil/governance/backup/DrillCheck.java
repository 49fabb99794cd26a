package org.vigil.governance.backup;

import java.util.Map;

/**
 * One proof a drill asks of a restored database, beyond the governance module's own. The command
 * line adds the replay of the latest verified month, which needs the whole application on the
 * restored database.
 */
public interface DrillCheck {

    /** A short name for the drill's record and its printout. */
    String name();

    /** Examines the restored database; an exception counts as a failed check with its message. */
    Outcome check(RestoredDatabase database);

    /** What a check found. */
    record Outcome(String check, boolean passed, String detail) {
    }

    /**
     * The scratch database a drill restored into.
     *
     * @param settings the {@code vigil.db.*} settings under which an application runs on it
     */
    record RestoredDatabase(String backupId, String database, Map<String, String> settings) {

        public RestoredDatabase {
            settings = Map.copyOf(settings);
        }
    }
}
