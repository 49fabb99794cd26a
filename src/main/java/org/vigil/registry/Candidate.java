package org.vigil.registry;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A person a row without a usable ID might be, for a reviewer to confirm or reject (SHARE-6).
 *
 * @param person  the person
 * @param score   the sum of the reasons' points; higher is more alike
 * @param reasons what matched, never empty, in the order of {@link MatchReason}
 */
public record Candidate(PersonSummary person, int score, Set<MatchReason> reasons) {

    public Candidate {
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a candidate needs at least one reason");
        }
        reasons = Collections.unmodifiableSet(EnumSet.copyOf(reasons));
    }
}
