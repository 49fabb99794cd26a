package org.vigil.sharing.agreement;

import java.util.List;

/**
 * The registry or the register refused a request; nothing of it was applied. Every violation of
 * one exception is of the same {@link RegisterProblem.Kind}, so a caller can answer with one status.
 */
public class RegisterException extends RuntimeException {

    private final transient List<Violation> violations;

    public RegisterException(List<Violation> violations) {
        super(summary(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one violation");
        }
        RegisterProblem.Kind kind = violations.get(0).problem().kind();
        if (violations.stream().anyMatch(v -> v.problem().kind() != kind)) {
            throw new IllegalArgumentException("violations of one refusal share their kind: " + violations);
        }
        this.violations = List.copyOf(violations);
    }

    public RegisterException(Violation violation) {
        this(List.of(violation));
    }

    static RegisterException of(String field, RegisterProblem problem, String detail) {
        return new RegisterException(new Violation(field, problem, detail));
    }

    public List<Violation> violations() {
        return violations;
    }

    public RegisterProblem.Kind kind() {
        return violations.get(0).problem().kind();
    }

    /** Whether one of the violations has this reason. */
    public boolean has(RegisterProblem problem) {
        return violations.stream().anyMatch(v -> v.problem() == problem);
    }

    private static String summary(List<Violation> violations) {
        if (violations.isEmpty()) {
            return "request refused";
        }
        Violation first = violations.get(0);
        String line = first.field() + ": " + first.code() + " " + first.message();
        return violations.size() == 1 ? line : line + " (and " + (violations.size() - 1) + " more)";
    }
}
