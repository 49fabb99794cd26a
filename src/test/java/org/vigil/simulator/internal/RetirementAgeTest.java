package org.vigil.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The legal pension ages with the reform in force from January 2025. */
class RetirementAgeTest {

    private static LocalDate retirement(LocalDate birth, boolean male, boolean cadre) {
        return Dates.date(Careers.retirementDay(Dates.day(birth), male, cadre, false));
    }

    @Test
    void arduousJobsRetireFiveYearsEarlierWithoutDelay() {
        assertThat(Dates.date(Careers.retirementDay(Dates.day(LocalDate.of(1975, 6, 1)), true, false, true)))
                .isEqualTo(LocalDate.of(2030, 7, 1));
    }

    @Test
    void menBornBefore1965RetireAtSixty() {
        assertThat(retirement(LocalDate.of(1964, 12, 15), true, false)).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void menBornFrom1965RetireOneMonthLaterForEveryFourMonthsOfBirth() {
        // Born January–April 1965: 60 years and 1 month.
        assertThat(retirement(LocalDate.of(1965, 1, 10), true, false)).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(retirement(LocalDate.of(1965, 4, 10), true, false)).isEqualTo(LocalDate.of(2025, 6, 1));
        // Born May 1965: 60 years and 2 months.
        assertThat(retirement(LocalDate.of(1965, 5, 10), true, false)).isEqualTo(LocalDate.of(2025, 8, 1));
        // From September 1976 on: 63.
        assertThat(retirement(LocalDate.of(1976, 9, 10), true, false)).isEqualTo(LocalDate.of(2039, 10, 1));
        assertThat(retirement(LocalDate.of(1990, 3, 10), true, false)).isEqualTo(LocalDate.of(2053, 4, 1));
    }

    @Test
    void womenWorkersRiseFromFiftyToFiftyFiveOneMonthEveryTwoMonths() {
        assertThat(retirement(LocalDate.of(1974, 12, 10), false, false)).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(retirement(LocalDate.of(1975, 1, 10), false, false)).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(retirement(LocalDate.of(1975, 3, 10), false, false)).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(retirement(LocalDate.of(1990, 1, 10), false, false)).isEqualTo(LocalDate.of(2045, 2, 1));
    }

    @Test
    void womenInInstitutionsRiseFromFiftyFiveToFiftyEight() {
        assertThat(retirement(LocalDate.of(1969, 12, 10), false, true)).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(retirement(LocalDate.of(1970, 1, 10), false, true)).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(retirement(LocalDate.of(1985, 6, 10), false, true)).isEqualTo(LocalDate.of(2043, 7, 1));
    }
}
