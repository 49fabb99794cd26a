package org.vigil.governance.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A backup as it was written.
 *
 * @param schemas     module schema → the migration version it was at
 * @param dataBytes   bytes of table data before sealing
 * @param storedBytes bytes the backup's folder holds
 */
public record BackupSummary(String id, Path folder, Instant takenAt, Map<String, String> schemas, int tables, long rows,
        long dataBytes, long storedBytes, String dataKey, String signingKey, Duration elapsed) {

    public BackupSummary {
        schemas = Map.copyOf(schemas);
    }
}
