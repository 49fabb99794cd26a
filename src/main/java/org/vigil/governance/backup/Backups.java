package org.vigil.governance.backup;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Takes, restores and drills backups of Vigil's database (DATA-16). Each is recorded: a backup and
 * a drill in the governance schema, and all three in the audit log.
 */
public interface Backups {

    /** Where backups go unless told otherwise ({@code vigil.backup.dir}). */
    Path directory();

    /**
     * Takes a backup of every module schema into a new folder under {@code dir}, from one
     * consistent snapshot. The folder carries {@code .partial} in its name until the backup is
     * complete and signed.
     */
    BackupSummary backup(Path dir);

    /**
     * Verifies a backup and restores it into an empty database, all or nothing.
     *
     * @param into a JDBC URL of an existing empty database, or the name of a database on Vigil's own
     *             server, created when it does not exist
     * @throws BackupRefusedException when the backup does not verify or the target is not empty
     */
    RestoreReport restore(Path backup, String into);

    /** The newest complete backup in the folder, by its id; folders still marked partial are never taken. */
    Optional<Path> latest(Path dir);

    /**
     * Restores the backup into a scratch database on Vigil's server, proves it with the built-in
     * checks (row counts against the manifest, the restored audit chain) and the given ones, drops
     * the scratch database and records the drill. A backup that does not restore gives a failed drill,
     * not an exception.
     */
    DrillReport drill(Path backup, List<DrillCheck> checks);
}
