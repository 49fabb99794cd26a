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

    /** Persons who may be the one a row without an ID describes, best first. */
    List<Candidate> candidates(String name, Gender gender, LocalDate birthDate, String regionCode, int limit);

    /** A possible match, with the reasons it was proposed. */
    record Candidate(String idNumber, String name, int score, List<String> reasons) {
    }
}
