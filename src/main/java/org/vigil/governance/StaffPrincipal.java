package org.vigil.governance;

import java.io.Serializable;

import org.vigil.identity.RegionCode;
import org.vigil.runtime.DataScope;

/**
 * Who is acting in a web request: the logged-in staff account as the other modules may know it,
 * to name it in the audit log and to scope what it sees by its role and division.
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

    /**
     * The rows this account may reach (ADR 0026): its division and everything within it, or its
     * department's own deliveries.
     */
    public DataScope scope() {
        if (provider != null) {
            return DataScope.provider(provider);
        }
        RegionCode code = RegionCode.parse(region).toOptional().orElseThrow(
                () -> new IllegalStateException("staff account " + accountId + " has no valid division"));
        return DataScope.region(code.value().substring(0, code.level().significantDigits()));
    }
}
