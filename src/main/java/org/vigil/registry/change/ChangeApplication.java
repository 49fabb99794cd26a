package org.vigil.registry.change;

import java.util.List;

/**
 * An application to change basic data (DATA-8): the fields of one or many records of one kind and
 * why. Touching more records than the configured threshold makes it a batch, which a city-level
 * approver must approve whatever its fields.
 */
public record ChangeApplication(String reason, List<ProposedChange> changes) {

    public static final int MAX_REASON = 500;
    public static final int MAX_CHANGES = 10_000;

    public ChangeApplication {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a change needs its reason / 须填写变更原因");
        }
        reason = reason.strip();
        if (reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("the reason is at most " + MAX_REASON + " characters");
        }
        if (changes == null || changes.isEmpty()) {
            throw new IllegalArgumentException("a change request changes at least one field / 至少变更一项");
        }
        if (changes.size() > MAX_CHANGES) {
            throw new IllegalArgumentException("one request changes at most " + MAX_CHANGES + " fields");
        }
        changes = List.copyOf(changes);
    }
}
