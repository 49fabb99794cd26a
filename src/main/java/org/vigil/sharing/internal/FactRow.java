package org.vigil.sharing.internal;

import java.time.LocalDate;
import java.util.Map;

import org.vigil.sharing.catalogue.FactKind;

/** An accepted row that becomes a fact (every kind but life signs, which are folded per month). */
record FactRow(long row, FactKind kind, String idNumber, boolean linked, LocalDate eventDate, LocalDate endDate,
        Map<String, String> attributes) {
}
