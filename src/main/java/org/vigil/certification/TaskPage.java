package org.vigil.certification;

import java.util.List;

/** One page of verification tasks, and how many the whole query has. */
public record TaskPage(List<VerificationTask> tasks, long total, int page, int size) {

    public TaskPage {
        tasks = List.copyOf(tasks);
    }
}
