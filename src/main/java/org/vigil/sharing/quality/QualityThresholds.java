package org.vigil.sharing.quality;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The thresholds of the quality rules as effective-dated data. A delivery is judged by the values
 * in force for its feed and its data month: for each rule, the feed's latest override effective
 * from that month or earlier, else the latest default effective from that month or earlier. A
 * later value therefore applies from its month on, and every earlier month keeps being judged as
 * it was.
 */
public interface QualityThresholds {

    /**
     * Every rule's value for the feed's deliveries of that month.
     *
     * @throws QualityException {@code NOT_FOUND} for a feed the catalogue does not have
     */
    ThresholdSet inForce(String feed, YearMonth month);

    /** The defaults alone for that month: what applies to a feed without overrides, and to a provider as a whole. */
    ThresholdSet defaults(YearMonth month);

    /**
     * Records a new value.
     *
     * @throws QualityException {@code INVALID} for an unknown feed, a value the rule does not allow,
     *         a month before the current one or a missing officer or note; {@code CONFLICT} when the
     *         same rule already has a value for that feed from that month
     */
    ThresholdEntry change(ThresholdChange change);

    /** The recorded values, of one feed's overrides or (empty) the defaults, by rule and month. */
    List<ThresholdEntry> entries(Optional<String> feed);
}
