package org.vigil.governance.disclosure;

import java.time.Instant;
import java.util.Map;

/**
 * A request to export personal data in bulk (DATA-9) and what became of it.
 *
 * @param kind          what is exported, named by the module that produces it (e.g. {@code certification-list})
 * @param filter        which rows, as that module describes them (month, district, list…)
 * @param estimatedRows the rows the export holds when requested; what the approval and the quota weigh
 * @param unmasked      whether ID numbers, names and phones are to be exported in full
 * @param decidedBy     the approver or rejecter; {@code system:threshold} for a request approved at once
 * @param fileSha256    the SHA-256 of the file produced, in hex, once exported
 */
public record ExportRequest(long id, long requesterId, String requester, String requesterName, String requesterRole,
        String kind, Map<String, String> filter, long estimatedRows, Purpose purpose, String note, boolean unmasked,
        ExportStatus status, Instant requestedAt, String decidedBy, Instant decidedAt, String decisionNote,
        Instant exportedAt, Long exportedRows, String fileSha256) {

    /** What decides an export request approved at once, without a second person. */
    public static final String THRESHOLD_APPROVER = "system:threshold";

    public ExportRequest {
        filter = Map.copyOf(filter);
    }

    /** The subject of its audit events. */
    public String subject() {
        return subjectOf(id);
    }

    public static String subjectOf(long id) {
        return "export:" + id;
    }

    /** How people name it: on the watermark, in the console. */
    public String number() {
        return numberOf(id);
    }

    public static String numberOf(long id) {
        return String.format(java.util.Locale.ROOT, "EXP-%06d", id);
    }
}
