package org.vigil.sharing.catalogue;

import java.util.List;

import org.vigil.identity.BadInputException;
import org.vigil.identity.FileProblem;

/**
 * What {@link HeaderMapping#resolve} made of a file's header row: either where each column of
 * the feed is ({@link ResolvedHeader}) or every problem that keeps the file from being read
 * ({@link HeaderProblems}).
 */
public sealed interface HeaderResolution permits ResolvedHeader, HeaderProblems {

    boolean isResolved();

    /** The problems, all on the header row; empty when the header was resolved. */
    List<FileProblem> problems();

    /**
     * The resolved header.
     *
     * @throws BadInputException listing the problems when the header was refused
     */
    ResolvedHeader orElseThrow();
}
