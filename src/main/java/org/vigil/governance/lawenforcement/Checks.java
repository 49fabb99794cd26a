package org.vigil.governance.lawenforcement;

/** The text rules the register's records share. */
final class Checks {

    private Checks() {
    }

    /** The text stripped, or a refusal when it is missing or longer than {@code max}. */
    static String text(String value, int max, LawEnforcementProblem problem, String field) {
        if (value == null || value.isBlank()) {
            throw new LawEnforcementException(problem, field, "missing");
        }
        String v = value.strip();
        if (v.codePointCount(0, v.length()) > max) {
            throw new LawEnforcementException(problem, field, "longer than " + max);
        }
        return v;
    }

    /** As {@link #text}, but null or blank gives null. */
    static String optional(String value, int max, LawEnforcementProblem problem, String field) {
        return value == null || value.isBlank() ? null : text(value, max, problem, field);
    }
}
