package org.vigil.certification;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One piece of evidence about a recipient: its kind as the policy's evidence catalogue names it
 * ({@code death_deregistration}, {@code bank_counter}…), the date it happened, for custody the
 * last day (inclusive, none while it lasts), and where it came from.
 */
public record Evidence(String kind, LocalDate date, LocalDate endDate, EvidenceRef ref) {

    public Evidence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(ref, "ref");
        if (endDate != null && endDate.isBefore(date)) {
            throw new IllegalArgumentException("evidence ends (" + endDate + ") before it starts (" + date + ")");
        }
    }

    public static Evidence on(String kind, LocalDate date, EvidenceRef ref) {
        return new Evidence(kind, date, null, ref);
    }
}
