package org.vigil.governance.lawenforcement;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A registered law-enforcement request as the register shows it: the persons only by their count
 * and the officers' credentials masked, since whoever reads the register need not see them.
 *
 * @param status     as of the moment it was read: a registered or approved request whose window ended is {@code EXPIRED}
 * @param decidedBy  who approved or rejected it, or null while it waits
 * @param notices    every notice written to the supervisor, oldest first
 */
public record LawEnforcementRequest(long id, String caseNumber, String requestingAgency, String purpose,
        String legalBasis, String approvalNumber, Set<DataCategory> categories, int persons,
        List<RegisteredOfficer> officers, DocumentInfo approval, AccessWindow window, Supervisor supervisor,
        RequestStatus status, String registeredBy, Instant registeredAt, String decidedBy, Instant decidedAt,
        String decisionNote, String closedBy, Instant closedAt, String closingNote, int releases, int releasedItems,
        List<Notice> notices) {

    public LawEnforcementRequest {
        categories = Set.copyOf(categories);
        officers = List.copyOf(officers);
        notices = List.copyOf(notices);
    }

    /** An officer as registered, the credential masked. */
    public record RegisteredOfficer(String name, CredentialType credentialType, String maskedCredential) {
    }

    /** The approval document's scan as kept: what it is, not its content. */
    public record DocumentInfo(String fileName, ApprovalDocument.Format format, long bytes, String sha256) {
    }

    /** A notice written to the supervisor's inbox. */
    public record Notice(long id, RequestStatus event, Instant at) {
    }
}
