package org.vigil.certification;

import java.nio.file.Path;

import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.disclosure.ExportRequest;
import org.vigil.governance.disclosure.Purpose;

/**
 * Controlled exports of the lists and ledgers (DATA-9, DATA-10): a request counted in rows from the
 * stored month, approved at once or by a second person as governance's {@code Exports} decides, and
 * the approved request's file, watermarked, masked unless the approved request asked otherwise, and
 * recorded with its SHA-256 before anyone receives it.
 */
public interface CertificationExports {

    /**
     * @throws IllegalArgumentException when the month has not been verified
     * @throws org.vigil.governance.disclosure.DisclosureRefusedException when the request is refused
     */
    ExportRequest request(StaffPrincipal who, ExportScope scope, Purpose why, String note, boolean unmasked);

    /**
     * Writes the approved request's file and records it; a file that cannot be recorded is deleted.
     *
     * @param file where to write; the caller hands it out and removes it
     * @throws org.vigil.governance.disclosure.DisclosureRefusedException when the request is not the caller's
     *                                                                    approved one
     */
    ExportFile produce(StaffPrincipal who, long requestId, Path file);

    /** A produced, recorded export file. */
    record ExportFile(Path file, String fileName, String sha256, long rows, ExportRequest request) {
    }
}
