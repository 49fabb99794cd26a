package org.vigil.governance.lawenforcement;

import java.util.regex.Pattern;

/**
 * Whom the register tells of a request and of its decision (issue 5 §4: the supervisor notified):
 * a name and post, and the staff account when the supervisor has one, so the notice can reach
 * them in Vigil.
 *
 * @param account a staff username, or null
 */
public record Supervisor(String name, String post, String account) {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

    public Supervisor {
        name = Checks.text(name, 64, LawEnforcementProblem.SUPERVISOR, "supervisor");
        post = Checks.text(post, 100, LawEnforcementProblem.SUPERVISOR, "supervisor");
        account = account == null || account.isBlank() ? null : account.strip();
        if (account != null && !USERNAME.matcher(account).matches()) {
            throw new LawEnforcementException(LawEnforcementProblem.SUPERVISOR_ACCOUNT, "supervisor", "not a username");
        }
    }
}
