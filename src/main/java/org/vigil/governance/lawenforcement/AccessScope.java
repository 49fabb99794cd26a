package org.vigil.governance.lawenforcement;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.vigil.identity.ResidentId;

/**
 * What a request may reach: which categories of data about which persons (data minimisation,
 * PIPL Art. 6). A release outside either is refused. The persons are kept sealed at rest and
 * found again by their blind index.
 */
public record AccessScope(Set<DataCategory> categories, Set<ResidentId> persons) {

    /** More than a case plausibly names; a bulk extraction goes another way (DATA-9). */
    public static final int MAX_PERSONS = 500;

    public AccessScope {
        if (categories == null || categories.isEmpty() || categories.contains(null)) {
            throw new LawEnforcementException(LawEnforcementProblem.NO_CATEGORIES, "categories", "");
        }
        if (persons == null || persons.isEmpty() || persons.contains(null)) {
            throw new LawEnforcementException(LawEnforcementProblem.NO_PERSONS, "persons", "");
        }
        if (persons.size() > MAX_PERSONS) {
            throw new LawEnforcementException(LawEnforcementProblem.TOO_MANY_PERSONS, "persons", persons.size() + "");
        }
        categories = Collections.unmodifiableSet(EnumSet.copyOf(categories));
        persons = Collections.unmodifiableSet(new LinkedHashSet<>(persons));
    }
}
