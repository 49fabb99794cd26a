package org.vigil.governance.lawenforcement;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.vigil.governance.StaffPrincipal;
import org.vigil.identity.ResidentId;

/**
 * The law-enforcement access register (DATA-11, 004 第十二条). A liaison registers a request with
 * at least two officers, their credentials and the approval document's scan; someone allowed to
 * approve, never the registrar, approves or rejects it; while it is approved and its window open,
 * items in its scope are released and every one is recorded; it is closed when done or expires by
 * itself. Every act is written to the audit log in its own transaction, and the supervisor is
 * sent a notice of the registration and of every decision.
 *
 * <p>Each act checks the actor's role ({@code LAW_ENFORCEMENT_REGISTER} to register, release and
 * close, {@code LAW_ENFORCEMENT_APPROVE} to approve, reject and close) besides the REST layer's
 * check, so a caller that is not a controller cannot skip it. A refused act throws
 * {@link LawEnforcementException} and keeps nothing of itself.
 */
public interface LawEnforcementRegister {

    LawEnforcementRequest register(LawEnforcementDraft draft, StaffPrincipal by);

    LawEnforcementRequest approve(long requestId, String note, StaffPrincipal by);

    LawEnforcementRequest reject(long requestId, String reason, StaffPrincipal by);

    /** Ends an approved request's access before its window does. */
    LawEnforcementRequest close(long requestId, String note, StaffPrincipal by);

    /**
     * Records a hand-over of data to the officers, all items or none. Refused unless the request
     * is approved, the window open and every item's category and person in scope; a refusal is
     * audited too.
     *
     * @param fileSha256 the SHA-256 of the file handed over, or null
     */
    Release release(long requestId, List<ReleaseItem> items, String fileSha256, StaffPrincipal by);

    Optional<LawEnforcementRequest> find(long requestId);

    /** The latest requests, newest first. */
    List<LawEnforcementRequest> recent(int limit);

    /** Every release of a request, oldest first. */
    List<Release> releases(long requestId);

    /** The approval document's scan; reading it is audited. */
    ApprovalDocument approvalDocument(long requestId, StaffPrincipal by);

    /**
     * The ids of every request whose scope names the person, found by blind index. Whether
     * someone was of interest to law enforcement is itself sensitive, so the look-up is audited.
     */
    List<Long> requestsConcerning(ResidentId person, StaffPrincipal by);

    /** The configured bounds a draft must keep. */
    Limits limits();

    /** The longest access window and the largest approval scan the register takes. */
    record Limits(Duration maxWindow, long maxDocumentBytes) {
    }
}
