package org.vigil.sharing.catalogue;

import java.util.OptionalInt;

/**
 * How often a feed is expected. SHARE-5 allows monthly or quarterly delivery and never more than
 * six months between two; registry extracts of REG-11 follow their own business year (a school
 * year, a scheme year), and a one-off batch is delivered once.
 */
public enum Cadence {

    MONTHLY("每月", 1),
    QUARTERLY("每季度", 3),
    /** The longest interval SHARE-5 allows for shared data. */
    HALF_YEARLY("每半年", 6),
    /** Registry data renewed once a year (the NCMS participation year, the school year). */
    YEARLY("每年", 12),
    /** A one-off batch: a closed register, or photos for building face templates. */
    ONCE("一次性", 0);

    /** SHARE-5: the longest a provider of shared data may go between two deliveries. */
    public static final int SHARE5_MAX_MONTHS = 6;

    private final String chinese;
    private final int months;

    Cadence(String chinese, int months) {
        this.chinese = chinese;
        this.months = months;
    }

    public String chinese() {
        return chinese;
    }

    /** The expected months between two deliveries; empty for a one-off batch. */
    public OptionalInt monthsBetweenDeliveries() {
        return months == 0 ? OptionalInt.empty() : OptionalInt.of(months);
    }

    /** Whether a recurring delivery at this cadence keeps within SHARE-5's six months. */
    public boolean withinShare5() {
        return months > 0 && months <= SHARE5_MAX_MONTHS;
    }
}
