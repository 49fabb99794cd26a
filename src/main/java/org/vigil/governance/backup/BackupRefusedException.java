package org.vigil.governance.backup;

/**
 * A backup that does not verify (a changed, dropped, swapped or moved chunk, an edited manifest, a
 * missing file or key), or a restore target that is not empty. The message names the file, table and chunk.
 */
public final class BackupRefusedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public BackupRefusedException(String message) {
        super(message);
    }

    public BackupRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
