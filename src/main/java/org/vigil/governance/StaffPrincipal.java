package org.vigil.governance;

import java.io.Serializable;

/**
 * Who is acting in a web request: the logged-in staff account as the other modules may know it,
 * to name it in the audit log and, next, to scope what it sees by its role and division.
 *
 * @param region the division code the account works in (null for a data provider)
 */
public record StaffPrincipal(long accountId, String username, String displayName, StaffRole role, String region,
        String provider) implements Serializable {

    /** The principal of an account, for the login that just succeeded. */
    public static StaffPrincipal from(StaffAccount a) {
        return new StaffPrincipal(a.id(), a.username(), a.displayName(), a.role(),
                a.region() == null ? null : a.region().value(), a.provider());
    }
}
