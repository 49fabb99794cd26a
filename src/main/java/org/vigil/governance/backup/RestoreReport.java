package org.vigil.governance.backup;

import java.time.Duration;

/**
 * A restore that committed.
 *
 * @param database the target database's name
 * @param created  whether the restore created the database
 * @param elapsed  from opening the backup to the committed data: the recovery time
 */
public record RestoreReport(String backupId, String database, boolean created, int tables, long rows, Duration elapsed) {
}
