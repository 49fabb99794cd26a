package org.vigil.governance.lawenforcement;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A law-enforcement request as the liaison registers it at the counter (DATA-11, 004 第十二条):
 * the case and the agency asking, why, on what legal basis and approval, the scope of data, at
 * least two officers with their credentials, the approval document's scan, the access window, the
 * supervisor to notify, and the officers' undertaking to keep the data confidential.
 *
 * @param approvalNumber the number of the approval document (审批文书编号) whose scan is {@code approval}
 */
public record LawEnforcementDraft(String caseNumber, String requestingAgency, String purpose, String legalBasis,
        String approvalNumber, AccessScope scope, List<Officer> officers, ApprovalDocument approval,
        AccessWindow window, Supervisor supervisor, boolean confidentialityUndertaken) {

    public static final int MIN_OFFICERS = 2;
    public static final int MAX_OFFICERS = 10;

    public LawEnforcementDraft {
        caseNumber = Checks.text(caseNumber, 64, LawEnforcementProblem.CASE_NUMBER, "caseNumber");
        requestingAgency = Checks.text(requestingAgency, 100, LawEnforcementProblem.AGENCY, "requestingAgency");
        purpose = Checks.text(purpose, 500, LawEnforcementProblem.PURPOSE, "purpose");
        legalBasis = Checks.text(legalBasis, 200, LawEnforcementProblem.LEGAL_BASIS, "legalBasis");
        approvalNumber = Checks.text(approvalNumber, 100, LawEnforcementProblem.APPROVAL_NUMBER, "approvalNumber");
        if (officers == null || officers.size() < MIN_OFFICERS) {
            throw new LawEnforcementException(LawEnforcementProblem.TOO_FEW_OFFICERS, "officers",
                    (officers == null ? 0 : officers.size()) + " registered");
        }
        if (officers.size() > MAX_OFFICERS) {
            throw new LawEnforcementException(LawEnforcementProblem.TOO_MANY_OFFICERS, "officers", "");
        }
        Set<String> credentials = new HashSet<>();
        for (Officer o : officers) {
            if (o == null) {
                throw new LawEnforcementException(LawEnforcementProblem.CREDENTIAL, "officers", "missing");
            }
            if (!credentials.add(o.credentialType() + ":" + o.credentialNumber())) {
                throw new LawEnforcementException(LawEnforcementProblem.SAME_OFFICER_TWICE, "officers", "");
            }
        }
        officers = List.copyOf(officers);
        if (scope == null) {
            throw new LawEnforcementException(LawEnforcementProblem.NO_CATEGORIES, "scope", "missing");
        }
        if (approval == null) {
            throw new LawEnforcementException(LawEnforcementProblem.DOCUMENT_EMPTY, "approval", "missing");
        }
        if (window == null) {
            throw new LawEnforcementException(LawEnforcementProblem.WINDOW_ORDER, "window", "missing");
        }
        if (supervisor == null) {
            throw new LawEnforcementException(LawEnforcementProblem.SUPERVISOR, "supervisor", "missing");
        }
        if (!confidentialityUndertaken) {
            throw new LawEnforcementException(LawEnforcementProblem.NO_CONFIDENTIALITY, "confidentialityUndertaken", "");
        }
    }
}
