package org.vigil.certification;

import java.time.Duration;
import java.util.Map;

/**
 * What one execution of a month's verification did: the run as stored afterwards, how many rows
 * it changed (none for a repeat with the same as-of date and evidence), the to-be-verified list by
 * ledger bucket (CERT-11), and how much evidence it weighed.
 *
 * @param decisionsChanged decision rows inserted, updated or deleted, with the noted reasons of failed
 *                         certifications (CERT-15) that changed
 * @param evidenceItems   department evidence and recorded verifications weighed
 * @param evidenceIgnored evidence of a kind the policy does not know, or an interval ending before
 *                        it starts: left out of every decision, and counted so that nobody misses it
 */
public record MonthlyRunResult(VerificationRun run, long decisionsChanged, long certificationsChanged,
        boolean runChanged, Map<DueBucket, Long> buckets, long evidenceItems, long evidenceIgnored, Duration elapsed) {

    public MonthlyRunResult {
        buckets = Map.copyOf(buckets);
    }

    /** Every row this execution inserted, updated or deleted. */
    public long changed() {
        return decisionsChanged + certificationsChanged + (runChanged ? 1 : 0);
    }
}
