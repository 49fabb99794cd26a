package org.vigil.certification;

import java.time.YearMonth;
import java.util.Optional;

/**
 * Which verification tasks: optionally of one month, in one status, and within one district,
 * street or community (validated as {@link ListQuery} validates them).
 */
public record TaskQuery(Optional<YearMonth> month, Optional<TaskStatus> status, Optional<String> district,
        Optional<String> street, Optional<String> community) {

    public TaskQuery {
        // a list query checks divisions the same way; its month plays no part in that check
        ListQuery divisions = new ListQuery(month.orElse(YearMonth.of(2000, 1)), Optional.empty(), district, street,
                community);
        district = divisions.district();
        street = divisions.street();
        community = divisions.community();
    }

    public static TaskQuery all() {
        return new TaskQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
