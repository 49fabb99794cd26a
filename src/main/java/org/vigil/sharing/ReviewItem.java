package org.vigil.sharing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A delivered row without an ID, waiting for a person to say who it is (SHARE-6): what the row
 * says, and the registry persons it might be, best first, with the reasons each was proposed.
 *
 * @param fact the fact the row states once matched: {@code DEATH}, {@code LIFE_SIGN}…
 */
public record ReviewItem(long deliveryId, long row, String provider, String feed, String fact, Optional<String> name,
        Optional<String> gender, Optional<LocalDate> birthDate, Optional<String> regionCode,
        Optional<LocalDate> eventDate, List<Candidate> candidates, ReviewStatus status) {

    /** A proposed person. */
    public record Candidate(String idNumber, String name, int score, List<String> reasons) {
    }
}
