package org.vigil.sharing.quality;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rectification requirement (《数据质量整改要求》, DATA-13, 004 第十五条): a provider must correct a
 * quality problem of a feed by a deadline, and the agency follows it up.
 *
 * @param id       its number
 * @param provider the provider code
 * @param feed     the feed code
 * @param issue    what it is about
 * @param month    the data month the finding concerns
 * @param finding  what was found, with the figures, in Chinese and English
 * @param openedBy {@code vigil} when the system found it, else the officer of a spot check
 * @param openedOn the day it was issued
 * @param deadline the last day to correct it
 * @param status   where it stands on the day it was read
 * @param closedOn the day it was closed, once done
 * @param notes    the follow-up, oldest first
 */
public record Rectification(long id, String provider, String feed, QualityIssue issue, YearMonth month, String finding,
        String openedBy, LocalDate openedOn, LocalDate deadline, RectificationStatus status, Optional<LocalDate> closedOn,
        List<FollowUp> notes) {

    /** Who opens the notices the system finds itself. */
    public static final String SYSTEM = "vigil";

    public Rectification {
        Objects.requireNonNull(issue, "issue");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(closedOn, "closedOn");
        notes = List.copyOf(notes);
    }
}
