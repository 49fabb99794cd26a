package org.vigil.sharing;

import java.util.List;
import java.util.Optional;

/**
 * The queue of delivered rows without an ID (SHARE-6). Matching is a person's decision, recorded
 * with who made it; only then does the row become a fact, keeping its provenance (delivery and row).
 */
public interface ReviewQueue {

    /** Open items, oldest delivery first. */
    List<ReviewItem> open(Optional<String> provider, int offset, int limit);

    long countOpen(Optional<String> provider);

    /**
     * The reviewer says the row is about the person with this ID: the row's fact is written (a
     * death becomes a death fact, a visit a life sign) and the item closed.
     *
     * @throws IllegalArgumentException when the ID is not valid
     * @throws IllegalStateException    when the item is not open
     */
    void match(long deliveryId, long row, String idNumber, String reviewer);

    /**
     * The reviewer finds none of the registry's persons is the one: the item is closed with the
     * note, and the row states nothing.
     *
     * @throws IllegalStateException when the item is not open
     */
    void dismiss(long deliveryId, long row, String reviewer, String note);
}
