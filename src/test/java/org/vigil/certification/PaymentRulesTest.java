package org.vigil.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigil.identity.Money;

/** Overpayment (SHARE-7(4)), back pay (CERT-17) and the suspension circuit breaker (CERT-16). */
class PaymentRulesTest {

    static Money yuan(String s) {
        return Money.parse(s).orElseThrow();
    }

    static final AmountHistory RAISED_IN_JANUARY = new AmountHistory(List.of(
            new AmountHistory.Change(YearMonth.of(2020, 1), yuan("3000.00")),
            new AmountHistory.Change(YearMonth.of(2026, 1), yuan("3100.50"))));

    @Test
    void share7_aDeathFoundThreeMonthsLateIsThreeMonthsToRecoverAtTheAmountOfEachMonth() {
        // died 14 Nov 2025; the month of death is owed; paid through February 2026
        PaymentRules.MonthlySum over = PaymentRules.overpayment(LocalDate.of(2025, 11, 14), true, YearMonth.of(2026, 2),
                RAISED_IN_JANUARY);
        assertThat(over.months()).containsExactly(YearMonth.of(2025, 12), YearMonth.of(2026, 1), YearMonth.of(2026, 2));
        assertThat(over.total()).isEqualTo(yuan("9201.00"));
        PaymentRules.MonthlySum strict = PaymentRules.overpayment(LocalDate.of(2025, 11, 14), false, YearMonth.of(2026, 2),
                RAISED_IN_JANUARY);
        assertThat(strict.months()).hasSize(4).startsWith(YearMonth.of(2025, 11));
    }

    @Test
    void share7_noOverpaymentWhenSuspendedInTime() {
        assertThat(PaymentRules.overpayment(LocalDate.of(2026, 2, 3), true, YearMonth.of(2026, 2), RAISED_IN_JANUARY).isEmpty())
                .isTrue();
    }

    @Test
    void cert17_aWronglySuspendedRecipientIsOwedEverySuspendedMonth() {
        PaymentRules.MonthlySum back = PaymentRules.backPay(YearMonth.of(2025, 12), YearMonth.of(2026, 3), null, null,
                RAISED_IN_JANUARY);
        assertThat(back.months()).containsExactly(YearMonth.of(2025, 12), YearMonth.of(2026, 1), YearMonth.of(2026, 2));
        assertThat(back.total()).isEqualTo(yuan("9201.00"));
    }

    @Test
    void cert17_backPayLeavesOutTheMonthsTheRightWasReallyLost() {
        // in custody December to January, released, restored from April
        PaymentRules.MonthlySum back = PaymentRules.backPay(YearMonth.of(2025, 12), YearMonth.of(2026, 4), YearMonth.of(2025, 12),
                YearMonth.of(2026, 1), RAISED_IN_JANUARY);
        assertThat(back.months()).containsExactly(YearMonth.of(2026, 2), YearMonth.of(2026, 3));
        assertThat(back.total()).isEqualTo(yuan("6201.00"));
        assertThatThrownBy(() -> PaymentRules.backPay(YearMonth.of(2025, 12), YearMonth.of(2026, 4), YearMonth.of(2025, 12), null,
                RAISED_IN_JANUARY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moneyRefusesAFractionOfAFenAndNeverUsesFloatingPoint() {
        assertThat(Money.parse("3000.005").isValid()).isFalse();
        assertThat(Money.parse("abc").isValid()).isFalse();
        assertThat(Money.parse("0.1").orElseThrow().plus(Money.parse("0.2").orElseThrow())).isEqualTo(yuan("0.30"));
        assertThat(yuan("3100.5").toString()).isEqualTo("3100.50");
    }

    static final SuspensionBreaker.Limits LIMITS = new SuspensionBreaker.Limits(new BigDecimal("0.01"), new BigDecimal("0.03"),
            new BigDecimal("0.005"), new BigDecimal("3"), 20);

    @Test
    void cert16_anOrdinaryBatchPasses() {
        SuspensionBreaker.Figures f = new SuspensionBreaker.Figures(100_000, 120,
                Map.of("370202", new long[] {60, 50_000}, "370203", new long[] {60, 50_000}),
                Map.of("police/death.police_deregistration", 90L, "civil/death.cremation", 30L), List.of(100L, 130L, 110L));
        assertThat(SuspensionBreaker.check(f, LIMITS)).isEmpty();
    }

    @Test
    void cert16_aBrokenFeedHoldsTheBatchAndSaysWhy() {
        SuspensionBreaker.Figures f = new SuspensionBreaker.Figures(100_000, 2_000,
                Map.of("370202", new long[] {1_900, 50_000}, "370203", new long[] {100, 50_000}),
                Map.of("bank/life.bank_counter", 1_800L, "police/death.police_deregistration", 200L), List.of(100L, 130L, 110L));
        List<SuspensionBreaker.Trip> trips = SuspensionBreaker.check(f, LIMITS);
        assertThat(trips).extracting(SuspensionBreaker.Trip::rule)
                .containsExactly("SHARE", "DISTRICT:370202", "SOURCE:bank/life.bank_counter", "USUAL");
        assertThat(trips.get(0).chinese()).contains("2.00%").contains("1%");
        assertThat(trips.get(3).english()).contains("usual month of 110");
    }

    @Test
    void cert16_smallNumbersDoNotTripTheUsualMonthTest() {
        SuspensionBreaker.Figures f = new SuspensionBreaker.Figures(100_000, 12, Map.of(), Map.of(), List.of(1L, 2L, 1L));
        assertThat(SuspensionBreaker.check(f, LIMITS)).isEmpty();
    }
}
