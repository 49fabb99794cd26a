package org.vigil.simulator;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Objects;

/**
 * What city to generate: how many residents, how many months of department feeds from which
 * month, with which seed, into which folder. The same spec always gives byte-identical files.
 *
 * @param residents  residents on the first day of the warm-up (three months before {@code startMonth}),
 *                   at least {@value #MIN_RESIDENTS}, at most {@value #MAX_RESIDENTS}
 * @param months     months of feeds, 1 to {@value #MAX_MONTHS}
 * @param seed       any value; different seeds give different but equally plausible cities
 * @param startMonth the first month of feeds; the agency's files describe the day before it
 * @param out        the output folder: absent, empty, or a city generated earlier (which is replaced)
 */
public record CitySpec(int residents, int months, long seed, YearMonth startMonth, Path out) {

    public static final int MIN_RESIDENTS = 200;
    public static final int MAX_RESIDENTS = 20_000_000;
    public static final int MAX_MONTHS = 120;
    /** Earliest start: the pension-age reform and resident schemes are modelled as in force from 2012. */
    public static final YearMonth EARLIEST_START = YearMonth.of(2012, 1);
    public static final YearMonth LATEST_START = YearMonth.of(2100, 1);

    public CitySpec {
        Objects.requireNonNull(startMonth, "startMonth");
        Objects.requireNonNull(out, "out");
        if (residents < MIN_RESIDENTS || residents > MAX_RESIDENTS) {
            throw new IllegalArgumentException("residents must be between " + MIN_RESIDENTS + " and " + MAX_RESIDENTS
                    + ", was " + residents);
        }
        if (months < 1 || months > MAX_MONTHS) {
            throw new IllegalArgumentException("months must be between 1 and " + MAX_MONTHS + ", was " + months);
        }
        if (startMonth.isBefore(EARLIEST_START) || startMonth.isAfter(LATEST_START)) {
            throw new IllegalArgumentException("startMonth must be between " + EARLIEST_START + " and " + LATEST_START
                    + ", was " + startMonth);
        }
    }

    /** The last month of feeds. */
    public YearMonth endMonth() {
        return startMonth.plusMonths(months - 1L);
    }
}
