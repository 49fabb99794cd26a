package org.vigil.governance.lawenforcement;

import java.util.Objects;

/**
 * The register refused an act; nothing of it was applied. A refused release is still written to
 * the audit log, since an attempt to take more than was approved is what an auditor looks for.
 */
public class LawEnforcementException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final LawEnforcementProblem problem;
    private final String field;

    /**
     * @param field  the input the problem is about ({@code officers}, {@code window}…), or null
     * @param detail what exactly was wrong, without personal data; may be empty
     */
    public LawEnforcementException(LawEnforcementProblem problem, String field, String detail) {
        super(message(problem, detail));
        this.problem = Objects.requireNonNull(problem, "problem");
        this.field = field;
    }

    public LawEnforcementProblem problem() {
        return problem;
    }

    public LawEnforcementProblem.Kind kind() {
        return problem.kind();
    }

    /** The input the problem is about, or null. */
    public String field() {
        return field;
    }

    private static String message(LawEnforcementProblem problem, String detail) {
        String head = problem.english() + " / " + problem.chinese();
        return detail == null || detail.isBlank() ? head : head + " (" + detail + ")";
    }
}
