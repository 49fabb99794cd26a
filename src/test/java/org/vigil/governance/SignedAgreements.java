package org.vigil.governance;

import java.time.LocalDate;

/** The confidentiality agreement test accounts' holders signed (DATA-14). */
public final class SignedAgreements {

    /** Signed well before any test clock's today. */
    public static final ConfidentialityAgreement SIGNED = new ConfidentialityAgreement(LocalDate.of(2025, 1, 6),
            "BM-2025-0001");

    private SignedAgreements() {
    }
}
