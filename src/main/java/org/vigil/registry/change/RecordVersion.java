package org.vigil.registry.change;

import java.time.Instant;
import java.util.List;

/**
 * One version of a person or employer record in its history (DATA-8: what, when, how, who).
 *
 * @param version         1 for the record as the baseline load left it, then one more per change
 * @param validFrom       when it took effect; null for a version 1 loaded before load times were recorded
 * @param recordedBy      the staff account that made the change, {@code baseline} for version 1
 * @param reason          why: the change request's reason, or the rejection's for a reverted change
 * @param changeRequestId the request it came from; null for version 1
 * @param changes         what changed from the previous version; empty for version 1
 */
public record RecordVersion(int version, Instant validFrom, String recordedBy, String reason, Long changeRequestId,
        List<FieldChange> changes) {

    /** Who version 1 is recorded by: nobody changed it, the agency's baseline load brought it. */
    public static final String BASELINE = "baseline";

    public RecordVersion {
        changes = List.copyOf(changes);
    }
}
