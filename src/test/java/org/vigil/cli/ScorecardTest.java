package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.certification.EligibilityStatus;
import org.vigil.identity.Money;
import org.vigil.simulator.GroundTruth;

/** The score of issue 4 §6 on a hand-made truth: acted-on deaths, living disqualified, overpayment. */
class ScorecardTest {

    @TempDir
    Path city;

    static final String DEAD = "220202194001010011";
    static final String LATE = "220202194001010022";
    static final String ALIVE = "220202194001010033";
    static final String JAILED = "220202194001010044";
    static final String HEADER = "id_number,name,benefit_kind,relation,deceased_worker_id,in_agency,alive,death_date,in_custody,"
            + "custody_since,eligible,reason,reason_since,region_code,over_80,disabled,fraud\n";

    void write(String path, String text) throws IOException {
        Files.createDirectories(city.resolve(path).getParent());
        Files.writeString(city.resolve(path), text);
    }

    static Scorecard.Decided decided(String id, EligibilityStatus status) {
        return new Scorecard.Decided(id, "ENTERPRISE_PENSION", status, false, Money.parse("3000").orElseThrow(), "x");
    }

    @Test
    void scoresDeathsActedOnInTheFirstRunLivingDisqualifiedAndMonthsPaidAfterTheLoss() throws IOException {
        write("truth/deaths.csv", "id_number,name,death_date,age,benefit_kind,in_agency,reported_by,first_report_month,unreported,"
                + "single_source,known_before_start,fraud\n"
                + DEAD + ",甲,2026-01-10,86,ENTERPRISE_PENSION,true,police,2026-01,false,false,false,\n"
                + LATE + ",乙,2025-12-05,86,ENTERPRISE_PENSION,true,police,2026-02,false,false,false,\n");
        write("truth/custody.csv", "id_number,name,custody_start,judgment_date,sentence_end,released_on,term_months,court_reports,"
                + "prison_reports,benefit_kind,known_before_start,fraud\n"
                + JAILED + ",丁,2026-01-05,,2026-02-10,2026-02-11,1,,,ENTERPRISE_PENSION,false,\n");
        String rows = DEAD + ",甲,ENTERPRISE_PENSION,,,true,false,2026-01-10,false,,false,DEATH,2026-01-10,220202001001,true,false,\n"
                + LATE + ",乙,ENTERPRISE_PENSION,,,true,false,2025-12-05,false,,false,DEATH,2025-12-05,220202001001,true,false,\n"
                + ALIVE + ",丙,ENTERPRISE_PENSION,,,true,true,,false,,true,,,220202001001,true,false,\n";
        write("truth/2026-01/recipients.csv", HEADER + rows
                + JAILED + ",丁,ENTERPRISE_PENSION,,,true,true,,true,2026-01-05,false,CUSTODY,2026-01-05,220202001001,false,false,\n");
        // released on 11 February: at the month's end the truth no longer says custody, but on the 24th it was over
        write("truth/2026-02/recipients.csv", HEADER + rows
                + JAILED + ",丁,ENTERPRISE_PENSION,,,true,true,,false,,true,,,220202001001,false,false,\n");
        Scorecard card = new Scorecard(GroundTruth.of(city));
        card.add(YearMonth.of(2026, 1), LocalDate.of(2026, 1, 24), List.of(decided(DEAD, EligibilityStatus.DISQUALIFIED),
                decided(LATE, EligibilityStatus.QUALIFIED), decided(ALIVE, EligibilityStatus.TO_BE_VERIFIED),
                decided(JAILED, EligibilityStatus.DISQUALIFIED)));
        card.add(YearMonth.of(2026, 2), LocalDate.of(2026, 2, 24), List.of(decided(DEAD, EligibilityStatus.DISQUALIFIED),
                decided(LATE, EligibilityStatus.TO_BE_VERIFIED), decided(ALIVE, EligibilityStatus.DISQUALIFIED),
                decided(JAILED, EligibilityStatus.DISQUALIFIED)));

        Scorecard.Month jan = card.score(YearMonth.of(2026, 1));
        assertThat(jan.lost()).isEqualTo(3);
        assertThat(jan.lostDisqualified()).isEqualTo(2);
        assertThat(jan.lostQualified()).isEqualTo(1);
        assertThat(jan.deathsReported()).isEqualTo(1);
        assertThat(jan.deathsActedFirstRun()).isEqualTo(1);
        assertThat(jan.livingToVerify()).isEqualTo(1);
        assertThat(jan.livingDisqualified()).isZero();
        // LATE died in December and is still paid for January: one month so far
        assertThat(jan.overpaidMonths()).isEqualTo(1);

        Scorecard.Month feb = card.score(YearMonth.of(2026, 2));
        assertThat(feb.deathsReported()).as("LATE's first report came in February").isEqualTo(2);
        assertThat(feb.deathsActedFirstRun()).isEqualTo(1);
        assertThat(feb.livingDisqualified()).as("ALIVE, and JAILED released before the 24th").isEqualTo(2);
        assertThat(feb.livingDisqualifiedCases()).hasSize(2);
        // LATE: January and February paid after a December death
        assertThat(feb.overpaidMonths()).isEqualTo(2);
        assertThat(feb.overpaid()).isEqualTo(Money.parse("6000").orElseThrow());
        assertThat(ScoreCommand.table(List.of(jan, feb))).contains("| 2026-02 | 2026-02-24 | 4 |").contains("1 (50.0 %)");
    }
}
