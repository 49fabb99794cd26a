package org.vigil.governance;

import java.time.Instant;

import org.vigil.identity.RegionCode;

/**
 * A staff account as others may see it: no password, no second-factor secret, no ID number.
 *
 * @param region   the division the account works in (null for a data provider)
 * @param provider the provider a data provider's account reports for (null otherwise)
 */
public record StaffAccount(long id, String username, String displayName, StaffRole role, RegionCode region,
        String provider, Status status, boolean secondFactorEnrolled, Instant lockedUntil, Instant createdAt,
        String createdBy) {

    public enum Status {
        ACTIVE("在用"), DISABLED("停用");

        private final String chinese;

        Status(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }
}
