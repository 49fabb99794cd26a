package org.vigil.governance.disclosure;

import java.time.Instant;

/**
 * One account looked up more people in a short time than anyone's work needs (DATA-9: bulk
 * queries strictly controlled): raised once per window, for the security administrator to follow up.
 *
 * @param accesses    the reveals and look-ups by the account from {@code windowStart} to {@code raisedAt}
 * @param threshold   how many a window allows before an alert
 */
public record DisclosureAlert(long id, long accountId, String username, String role, Instant raisedAt,
        Instant windowStart, int accesses, int threshold) {
}
