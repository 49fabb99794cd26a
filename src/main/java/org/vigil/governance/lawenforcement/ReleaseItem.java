package org.vigil.governance.lawenforcement;

import org.vigil.identity.ResidentId;

/** One item handed to the officers: one category of one person's data. */
public record ReleaseItem(DataCategory category, ResidentId person) {

    public ReleaseItem {
        if (category == null) {
            throw new LawEnforcementException(LawEnforcementProblem.NO_CATEGORIES, "items", "missing category");
        }
        if (person == null) {
            throw new LawEnforcementException(LawEnforcementProblem.PERSON_ID, "items", "missing person");
        }
    }
}
