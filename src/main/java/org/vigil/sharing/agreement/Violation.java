package org.vigil.sharing.agreement;

import java.util.Objects;

import org.vigil.identity.Rejection;

/**
 * One thing wrong with a request to the registry or the register: the field it concerns (as the
 * request names it, such as {@code regionCode} or {@code feeds[1]}) and why.
 */
public record Violation(String field, RegisterProblem problem, String detail) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
        detail = detail == null ? "" : detail;
    }

    /** A violation whose detail is a kernel type's own rejection, such as a bad region code's. */
    static Violation of(String field, RegisterProblem problem, Rejection rejection) {
        return new Violation(field, problem, rejection.code() + ": " + rejection.message());
    }

    public String code() {
        return problem.code();
    }

    public String message() {
        return detail.isEmpty() ? problem.english() : problem.english() + ": " + detail;
    }

    public String messageChinese() {
        return detail.isEmpty() ? problem.chinese() : problem.chinese() + "：" + detail;
    }
}
