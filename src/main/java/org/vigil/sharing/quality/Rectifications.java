package org.vigil.sharing.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Rectification requirements and their follow-up (DATA-13). The system issues them itself when the
 * gate holds a delivery, when a provider's month misses a threshold and when a delivery is overdue;
 * officers issue them after spot checks. At most one notice is open per provider, feed, issue and
 * month: finding the same again adds a note to it. The deadline is the issuing day plus
 * {@code vigil.quality.rectification-days} (30 by default). Statuses are as of the day asked about.
 */
public interface Rectifications {

    /**
     * Issues a notice by hand.
     *
     * @throws QualityException {@code INVALID} for an unknown provider or feed or a blank finding or
     *         officer; {@code CONFLICT} when one is already open for the same provider, feed, issue and month
     */
    Rectification issue(NewRectification notice);

    Optional<Rectification> find(long id, LocalDate asOf);

    /**
     * Notices by provider (empty for all) and status (empty for all), newest first.
     */
    List<Rectification> list(Optional<String> provider, Optional<RectificationStatus> status, LocalDate asOf);

    /** The notices still open after their deadline on that day, oldest deadline first. */
    default List<Rectification> overdue(LocalDate asOf) {
        return list(Optional.empty(), Optional.of(RectificationStatus.OVERDUE), asOf).stream()
                .sorted(java.util.Comparator.comparing(Rectification::deadline).thenComparing(Rectification::id))
                .toList();
    }

    /**
     * Adds a follow-up note to an open notice.
     *
     * @throws QualityException {@code NOT_FOUND}, {@code CONFLICT} when it is already done,
     *         {@code INVALID} for a blank officer or note
     */
    Rectification followUp(long id, String officer, String note);

    /**
     * Closes a notice as corrected, with the closing note.
     *
     * @throws QualityException as {@link #followUp}
     */
    Rectification close(long id, String officer, String note);
}
