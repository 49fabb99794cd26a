package org.vigil.registry;

/**
 * Gives other modules a read-only view of the registry's persons for linking department rows to
 * people (SHARE-6, REG-1). Modules never read the registry's tables; they take a snapshot here.
 *
 * <p>Linking is exact by citizen ID and nothing else: a benefit may be suspended on the strength of
 * a link, so a row is tied to a person only when its normalised 18-character ID is the person's
 * ({@link PersonIndex#indexOf}). A row without a usable ID gets {@linkplain PersonIndex#candidates
 * candidates} for a reviewer, never a link: two people with the same name and birthday are common
 * in a city of millions, and only a person can tell them apart with the file in front of them.
 */
public interface PersonDirectory {

    /**
     * Reads every person once, in one streaming query, into an immutable in-memory index. The index
     * reflects the registry when the query ran; later changes need a new snapshot. Taking one costs
     * seconds for a million persons, so an ingestion run takes one and uses it for all its rows.
     */
    PersonIndex snapshot();
}
