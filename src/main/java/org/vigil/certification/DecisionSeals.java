package org.vigil.certification;

import java.time.YearMonth;
import java.util.List;

/**
 * Whether a month's stored decisions are still those its run recorded (DATA-18). Each run that
 * changes a month writes, in its audit event, a SHA-256 over the month's decisions as stored in
 * the run's own transaction; the audit chain protects the event, so a decision edited, added or
 * deleted in the table afterwards no longer gives the sealed digest.
 */
public interface DecisionSeals {

    /** Every verified month, oldest first, with what its decisions give against its latest seal. */
    List<Seal> verify();

    /** A month's check: the digest sealed by its latest run and the one its decisions give now. */
    record Seal(YearMonth month, String sealed, String stored, long decisions) {

        /** A month whose latest run predates the seals has nothing to compare with. */
        public boolean sealedAtAll() {
            return sealed != null;
        }

        public boolean intact() {
            return sealed == null || sealed.equals(stored);
        }
    }
}
