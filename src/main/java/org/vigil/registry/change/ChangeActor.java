package org.vigil.registry.change;

import java.util.Objects;

import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.StaffRole;

/**
 * Who takes a step of a change request: the staff account's username, as the audit log and the
 * request name them, and its role, which decides the posts it may fill (DATA-8). The separation of
 * duties compares usernames.
 */
public record ChangeActor(String username, StaffRole role) {

    public static final int MAX_USERNAME = 64;

    public ChangeActor {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a change is made by a named staff account / 须注明操作人员");
        }
        username = username.strip();
        if (username.length() > MAX_USERNAME) {
            throw new IllegalArgumentException("a username is at most " + MAX_USERNAME + " characters");
        }
        Objects.requireNonNull(role, "role");
    }

    /** The logged-in account of a web request. */
    public static ChangeActor of(StaffPrincipal principal) {
        return new ChangeActor(principal.username(), principal.role());
    }
}
