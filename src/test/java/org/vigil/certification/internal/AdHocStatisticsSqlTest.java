package org.vigil.certification.internal;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.certification.AdHocStatistics.Dimension;
import org.vigil.certification.AdHocStatistics.Measure;
import org.vigil.certification.AdHocStatistics.Question;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.EligibilityStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SQL of an ad-hoc statistic holds only the vocabulary's columns; every chosen value is a parameter (DATA-10). */
class AdHocStatisticsSqlTest {

    @Test
    void data10_theSqlIsBuiltFromTheVocabularyAndBindsEveryValue() {
        Question q = new Question(Measure.AMOUNT, YearMonth.of(2026, 9), YearMonth.of(2026, 10),
                List.of(Dimension.STREET, Dimension.REASON_CODE, Dimension.MONTH), "220202",
                EligibilityStatus.TO_BE_VERIFIED, BenefitKind.DEPENDENT);
        StatisticsSql built = StatisticsSql.of(q);
        assertThat(built.sql()).contains("rtrim(d.street::text) as g0", "rtrim(d.reason_code::text) as g1",
                "to_char(d.month, 'YYYY-MM')", "d.district = :district", "d.status = :status",
                "d.benefit_kind = :benefit", "group by 1, 2, 3").doesNotContain("220202", "TO_BE_VERIFIED", "DEPENDENT");
        assertThat(built.params()).containsEntry("district", "220202").containsEntry("status", "TO_BE_VERIFIED")
                .containsEntry("benefit", "DEPENDENT").containsKeys("from", "to");
        for (Dimension d : Dimension.values()) {
            assertThat(StatisticsSql.column(d)).as(d.name()).matches("d\\.[a-z_]+|to_char\\(d\\.month, 'YYYY-MM'\\)");
        }
    }

    @Test
    void data10_aQuestionOutsideTheVocabularyIsRefused() {
        assertThatThrownBy(() -> new Question(Measure.RECIPIENTS, YearMonth.of(2026, 10), null, List.of(),
                "2202' or '1'='1", null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("or '1'");
        assertThatThrownBy(() -> new Question(Measure.RECIPIENTS, YearMonth.of(2024, 1), YearMonth.of(2026, 1),
                List.of(), null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Question(Measure.RECIPIENTS, YearMonth.of(2026, 1), null,
                List.of(Dimension.MONTH, Dimension.MONTH), null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
