package org.vigil.identity;

import java.util.List;

/**
 * A file or request was refused as a whole because of the problems it lists; nothing of it was
 * applied.
 */
public class BadInputException extends RuntimeException {

    private final transient List<FileProblem> problems;

    public BadInputException(List<FileProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<FileProblem> problems() {
        return problems;
    }

    private static String summary(List<FileProblem> problems) {
        if (problems.isEmpty()) {
            return "input refused";
        }
        String first = problems.get(0).describe();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problem(s))";
    }
}
