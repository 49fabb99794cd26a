package org.vigil.registry.change;

import java.util.List;
import java.util.Optional;

/**
 * A request to change basic data and every step taken on it (DATA-8).
 *
 * @param level     the highest review level among its fields
 * @param batch     it touches more records than the configured threshold: a city-level approval is needed
 * @param immediate it was applied to the record when it was applied for (one record, no field under manual review)
 * @param approved  null until approved; for an immediate change never
 * @param crossCheck the department and document that confirmed the values, for a request under manual review
 * @param modified  null until applied to the record; for an immediate change the application itself
 * @param rejectedFrom the status the request had when it was rejected
 */
public record ChangeRequest(long id, RecordKind kind, ChangeStatus status, ReviewLevel level, boolean batch,
        boolean immediate, String reason, List<ChangeItem> items, ChangeStep applied, ChangeStep approved,
        CrossCheck crossCheck, ChangeStep modified, ChangeStep reviewed, String reviewNote, ChangeStep rejected,
        ChangeStatus rejectedFrom, String rejectionReason) {

    public ChangeRequest {
        items = List.copyOf(items);
    }

    /** How many distinct records the request touches. */
    public int records() {
        return (int) items.stream().mapToLong(ChangeItem::recordId).distinct().count();
    }

    /** The fields it touches, in catalogue order, each once. */
    public List<ChangeField> fields() {
        return items.stream().map(ChangeItem::field).distinct().sorted().toList();
    }

    public Optional<ChangeStep> approval() {
        return Optional.ofNullable(approved);
    }

    public Optional<ChangeStep> modification() {
        return Optional.ofNullable(modified);
    }

    public Optional<ChangeStep> review() {
        return Optional.ofNullable(reviewed);
    }

    public Optional<ChangeStep> rejection() {
        return Optional.ofNullable(rejected);
    }
}
