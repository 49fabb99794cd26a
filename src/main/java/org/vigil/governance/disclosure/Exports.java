package org.vigil.governance.disclosure;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vigil.governance.StaffPrincipal;

/**
 * Bulk exports of personal data under control (DATA-9, DATA-10): a request states what, how many
 * rows and why; up to the approval threshold it is approved at once, above it (or when it asks for
 * data in full) it waits for someone else who may approve exports; each account's rows per day are
 * bounded by its role's quota; the file produced is watermarked and its SHA-256 recorded. Every step
 * is in the audit log.
 */
public interface Exports {

    /**
     * @param kind          what is exported, as the producing module names it
     * @param filter        which rows, as the producing module describes them; it reads them back to produce the file
     * @param estimatedRows the rows the export will hold
     * @param unmasked      export ID numbers, names and phones in full: needs the right to unmask, and always an approval
     * @throws DisclosureRefusedException when the role may not export (or unmask), no purpose is given or the
     *                                    account's rows for today would exceed its quota
     */
    ExportRequest requestExport(StaffPrincipal who, String kind, Map<String, String> filter, long estimatedRows,
            Purpose why, String note, boolean unmasked);

    /**
     * Approves a pending request.
     *
     * @throws DisclosureRefusedException when the approver may not approve exports, is the requester (or the
     *                                    same person under another account), or the request is not pending
     */
    ExportRequest approve(StaffPrincipal approver, long requestId, String note);

    /** Rejects a pending request; the same rules as {@link #approve}. */
    ExportRequest reject(StaffPrincipal approver, long requestId, String note);

    /** The account's own requests, newest first. */
    List<ExportRequest> mine(StaffPrincipal who, int limit);

    /** Requests waiting for approval, oldest first. */
    List<ExportRequest> pending(int limit);

    Optional<ExportRequest> find(long requestId);

    /**
     * The watermark for producing the request's file now: only the requester, only an approved
     * request not yet exported.
     *
     * @throws DisclosureRefusedException otherwise
     */
    Watermark watermark(StaffPrincipal who, long requestId);

    /**
     * Records the produced file: its SHA-256, rows and watermark, in the request and in the audit
     * log. Once recorded the request is spent.
     *
     * @param mark   the watermark the file carries, from {@link #watermark}
     * @param sha256 the file's SHA-256 in lower-case hex
     * @throws DisclosureRefusedException when the request is not the account's, not approved or already exported
     */
    ExportRequest recordExport(StaffPrincipal who, Watermark mark, String sha256, long rows);
}
