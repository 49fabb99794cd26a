package org.vigil.sharing.catalogue;

import java.util.List;

import org.vigil.identity.BadInputException;
import org.vigil.identity.FileProblem;

/** A refused header row: every problem found in it, none of the file read. */
public record HeaderProblems(List<FileProblem> problems) implements HeaderResolution {

    public HeaderProblems {
        problems = List.copyOf(problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refused header has at least one problem");
        }
    }

    @Override
    public boolean isResolved() {
        return false;
    }

    @Override
    public ResolvedHeader orElseThrow() {
        throw new BadInputException(problems);
    }
}
