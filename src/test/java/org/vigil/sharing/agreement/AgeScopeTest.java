package org.vigil.sharing.agreement;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.vigil.identity.Gender;
import org.vigil.identity.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;

/** SHARE-4: a provider may deliver only men aged 60 and over and women aged 50 and over. */
class AgeScopeTest {

    private static final LocalDate ON = LocalDate.of(2026, 6, 15);

    @Test
    void share4_menAreCoveredFromTheir60thBirthday() {
        AgeScope scope = AgeScope.MEN_60_WOMEN_50;
        assertThat(scope.covers(Gender.MALE, LocalDate.of(1966, 6, 15), ON)).isTrue();
        assertThat(scope.covers(Gender.MALE, LocalDate.of(1966, 6, 16), ON)).isFalse();
        assertThat(scope.covers(Gender.MALE, LocalDate.of(1930, 1, 1), ON)).isTrue();
    }

    @Test
    void share4_womenAreCoveredFromTheir50thBirthday() {
        AgeScope scope = AgeScope.MEN_60_WOMEN_50;
        assertThat(scope.covers(Gender.FEMALE, LocalDate.of(1976, 6, 15), ON)).isTrue();
        assertThat(scope.covers(Gender.FEMALE, LocalDate.of(1976, 6, 16), ON)).isFalse();
        // a woman of 55 is covered, a man of 55 is not
        assertThat(scope.covers(Gender.FEMALE, LocalDate.of(1971, 1, 1), ON)).isTrue();
        assertThat(scope.covers(Gender.MALE, LocalDate.of(1971, 1, 1), ON)).isFalse();
    }

    @Test
    void share4_someoneBornOnALeapDayTurns60OnTheLeapDay() {
        // born 1964-02-29, 60 in 2024, itself a leap year: not on the 28th, on the 29th
        assertThat(AgeScope.MEN_60_WOMEN_50.covers(Gender.MALE, LocalDate.of(1964, 2, 29), LocalDate.of(2024, 2, 28))).isFalse();
        assertThat(AgeScope.MEN_60_WOMEN_50.covers(Gender.MALE, LocalDate.of(1964, 2, 29), LocalDate.of(2024, 2, 29))).isTrue();
    }

    @Test
    void share4_anIdNumberSaysSexAndBirthDate() {
        // the standard's example: a woman born 1949-12-31
        ResidentId woman = ResidentId.parse("11010519491231002X", ON).orElseThrow();
        assertThat(AgeScope.MEN_60_WOMEN_50.covers(woman, LocalDate.of(1999, 12, 30))).isFalse();
        assertThat(AgeScope.MEN_60_WOMEN_50.covers(woman, LocalDate.of(1999, 12, 31))).isTrue();
        String first17 = "22020219660615001";
        // sequence 001: an odd 17th digit is a man, born 1966-06-15
        ResidentId man = ResidentId.parse(first17 + ResidentId.checkDigit(first17), ON).orElseThrow();
        assertThat(man.gender()).isEqualTo(Gender.MALE);
        assertThat(AgeScope.MEN_60_WOMEN_50.covers(man, LocalDate.of(2026, 6, 14))).isFalse();
        assertThat(AgeScope.MEN_60_WOMEN_50.covers(man, LocalDate.of(2026, 6, 15))).isTrue();
    }

    @Test
    void everyoneCoversEveryAgeAndTheUnborn() {
        assertThat(AgeScope.EVERYONE.covers(Gender.MALE, LocalDate.of(2020, 1, 1), ON)).isTrue();
        assertThat(AgeScope.MEN_60_WOMEN_50.covers(Gender.FEMALE, ON.plusDays(1), ON)).isFalse();
    }
}
