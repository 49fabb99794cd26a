package org.vigil.sharing.agreement;

import java.time.Instant;
import java.util.Objects;

/**
 * The signed agreement's scan as kept (SHARE-2: the signed scan is kept): its SHA-256, which is
 * also its name in the scan store, so a changed file is detected by hashing it again (DATA-18).
 *
 * @param fileName the uploader's file name, for people only
 */
public record AgreementScan(String sha256, long bytes, ScanFormat format, String fileName, Instant attachedAt) {

    public AgreementScan {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(attachedAt, "attachedAt");
    }
}
