package org.vigil.governance;

import java.time.Instant;

/**
 * What a login attempt came to. A rejection never says whether the username, the password or the
 * code was wrong; a lockout says until when.
 *
 * @param account the account that logged in (only on success)
 */
public record LoginOutcome(Result result, StaffAccount account, Instant lockedUntil) {

    public enum Result {
        SUCCESS, REJECTED, LOCKED
    }

    public boolean succeeded() {
        return result == Result.SUCCESS;
    }
}
