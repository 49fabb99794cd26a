package org.vigil.certification;

import java.util.List;

/** One page of a list, the run it belongs to, and how many entries the whole query has. */
public record ListPage(VerificationRun run, List<ListEntry> entries, long total, int page, int size) {

    public ListPage {
        entries = List.copyOf(entries);
    }
}
