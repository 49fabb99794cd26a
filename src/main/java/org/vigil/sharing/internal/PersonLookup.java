package org.vigil.sharing.internal;

import java.time.LocalDate;
import java.util.List;

import org.vigil.identity.Gender;
import org.vigil.identity.ResidentId;

/**
 * The registry's persons as ingestion sees them: linking is exact, by normalised ID, and a row
 * without an ID only ever gets a list of candidates for a person to choose from.
 */
interface PersonLookup {

    /** Whether the ID is a person of the registry. Called for every row, from several threads. */
    boolean contains(ResidentId id);

    /**
     * For a block of rows: {@code out[i]} is not negative when {@code ids[i]} is a person of the
     * registry, and negative when it is not or is null. The lookups go to memory together rather
     * than one after the other.
     */
    default void indexAll(ResidentId[] ids, int[] out) {
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i] != null && contains(ids[i]) ? 0 : -1;
        }
    }

    /** Persons who may be the one a row without an ID describes, best first. */
    List<Candidate> candidates(String name, Gender gender, LocalDate birthDate, String regionCode, int limit);

    /** A possible match, with the reasons it was proposed. */
    record Candidate(String idNumber, String name, int score, List<String> reasons) {
    }
}
