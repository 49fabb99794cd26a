package org.vigil.certification;

import java.util.List;

/** One page of a ledger, the run it comes from, and how many lines the whole query has. */
public record LedgerPage(VerificationRun run, LedgerKind kind, List<LedgerLine> lines, long total, int page, int size) {

    public LedgerPage {
        lines = List.copyOf(lines);
    }
}
