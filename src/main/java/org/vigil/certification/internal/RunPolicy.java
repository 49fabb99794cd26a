package org.vigil.certification.internal;

import org.vigil.certification.CertificationPolicy;
import org.vigil.certification.PolicyBook;
import org.vigil.certification.VerificationRun;

/** The policy a stored run decided under, for reading its lists and ledgers with the same parameters. */
final class RunPolicy {

    private RunPolicy() {
    }

    /** The run's own version when the book still has it; otherwise the one in force on its as-of date. */
    static CertificationPolicy of(PolicyBook policies, VerificationRun run) {
        return policies.versions().stream().filter(p -> p.version().equals(run.policyVersion())).findFirst()
                .orElseGet(() -> policies.inForceOn(run.asOf()));
    }
}
