package org.vigil.certification.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vigil.certification.ReasonCode;
import org.vigil.certification.SuspensionPolicies;
import org.vigil.certification.SuspensionPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The suspension policy file and the months a batch restoration leaves out of the back pay (CERT-16, CERT-17). */
class SuspensionRulesTest {

    @Test
    void cert16_theShippedPolicyHoldsTheBreakersLimitsAsExactDecimals_andTheDeathMonthIsOwed() {
        SuspensionPolicy p = SuspensionPolicies.classpath(SuspensionPolicies.DEFAULT).inForceOn(LocalDate.of(2026, 8, 1));
        assertThat(p.breaker().maxShare()).isEqualByComparingTo(new BigDecimal("0.01"));
        assertThat(p.breaker().maxSourceShare()).isEqualTo(new BigDecimal("0.005"));
        assertThat(p.breaker().usualFloor()).isEqualTo(20);
        assertThat(p.usualMonths()).isEqualTo(6);
        assertThat(p.minSuspensions()).isEqualTo(10);
        assertThat(p.lossMonthOwed()).isTrue();
        assertThatThrownBy(() -> SuspensionPolicies.classpath(SuspensionPolicies.DEFAULT).inForceOn(LocalDate.of(2025, 1, 1)))
                .hasMessageContaining("no suspension policy was in force on 2025-01-01");
    }

    @Test
    void cert16_anUnknownOrMissingFieldIsAnErrorNamingTheFileVersionAndField() {
        String good = """
                versions:
                  - version: "x"
                    effectiveFrom: 2026-01-01
                    breaker: {maxShare: 0.01, maxDistrictShare: 0.03, maxSourceShare: 0.005, usualFactor: 3, usualFloor: 20,
                              usualMonths: 6, minSuspensions: 10}
                    lossMonthOwed: true
                """;
        assertThat(SuspensionPolicyLoader.load(good, "t.yml")).hasSize(1);
        assertThatThrownBy(() -> SuspensionPolicyLoader.load(good.replace("usualFloor", "usualFlor"), "t.yml"))
                .hasMessageContaining("t.yml, version x: breaker: unknown field usualFlor");
        assertThatThrownBy(() -> SuspensionPolicyLoader.load(good.replace("    lossMonthOwed: true\n", ""), "t.yml"))
                .hasMessageContaining("t.yml, version x: lossMonthOwed must be true or false");
        assertThatThrownBy(() -> SuspensionPolicyLoader.load(good.replace("maxShare: 0.01", "maxShare: -0.01"), "t.yml"))
                .hasMessageContaining("breaker limits are positive");
        assertThatThrownBy(() -> SuspensionPolicyLoader.load(good.replace("usualMonths: 6", "usualMonths: 0"), "t.yml"))
                .hasMessageContaining("1 to 24 earlier batches");
    }

    @Test
    void cert17_custodyMonthsAreNotBackPaid_theMonthsOfLossAndReturnAre() {
        // in custody from 10 January to 20 April: January (the loss month) and April (back from the 21st) are owed
        assertThat(RestorationMonths.notOwed(ReasonCode.CUSTODY, LocalDate.of(2026, 1, 10), LocalDate.of(2026, 4, 21), true))
                .contains(new RestorationMonths.Range(YearMonth.of(2026, 2), YearMonth.of(2026, 3)));
        assertThat(RestorationMonths.notOwed(ReasonCode.CUSTODY, LocalDate.of(2026, 1, 10), LocalDate.of(2026, 4, 21), false))
                .contains(new RestorationMonths.Range(YearMonth.of(2026, 1), YearMonth.of(2026, 3)));
        assertThat(RestorationMonths.notOwed(ReasonCode.CUSTODY, LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 25), true))
                .as("a custody within one month takes no month away").isEmpty();
    }

    @Test
    void cert17_aSuspensionForAFailedCertificationOrWithoutTheCustodysEndIsBackPaidWhole() {
        assertThat(RestorationMonths.notOwed(ReasonCode.PERIOD_ENDED, null, null, true)).isEmpty();
        assertThat(RestorationMonths.notOwed(ReasonCode.DEATH, LocalDate.of(2026, 1, 10), LocalDate.of(2026, 5, 1), true))
                .isEqualTo(Optional.empty());
        assertThat(RestorationMonths.notOwed(ReasonCode.CUSTODY, LocalDate.of(2026, 1, 10), null, true)).isEmpty();
    }
}
