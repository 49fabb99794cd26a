package org.vigil.sharing.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When an agreement is in force: both ends of its validity included, a termination ends it the day before. */
class AgreementTest {

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 12, 31);

    @Test
    void share2_anAgreementIsInForceFromItsFirstToItsLastDayInclusive() {
        Agreement a = agreement(Optional.empty());
        assertThat(a.inForceOn(FROM.minusDays(1))).isFalse();
        assertThat(a.inForceOn(FROM)).isTrue();
        assertThat(a.inForceOn(TO)).isTrue();
        assertThat(a.inForceOn(TO.plusDays(1))).isFalse();
        assertThat(a.statusOn(FROM.minusDays(1))).isEqualTo(AgreementStatus.PENDING);
        assertThat(a.statusOn(TO)).isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(a.statusOn(TO.plusDays(1))).isEqualTo(AgreementStatus.EXPIRED);
    }

    @Test
    void share2_aTerminatedAgreementStopsTheDayItsTerminationTakesEffect() {
        LocalDate effective = LocalDate.of(2026, 7, 1);
        Agreement a = agreement(Optional.of(new Termination(effective, "提供方撤回", Instant.EPOCH)));
        assertThat(a.lastDayInForce()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(a.inForceOn(LocalDate.of(2026, 6, 30))).isTrue();
        assertThat(a.inForceOn(effective)).isFalse();
        assertThat(a.statusOn(effective)).isEqualTo(AgreementStatus.TERMINATED);
        assertThat(a.everInForce()).isTrue();
    }

    @Test
    void share2_anAgreementTerminatedBeforeItBeganWasNeverInForce() {
        Agreement a = agreement(Optional.of(new Termination(FROM, "签错", Instant.EPOCH)));
        assertThat(a.everInForce()).isFalse();
        assertThat(a.inForceOn(FROM)).isFalse();
        assertThat(a.statusOn(FROM.minusDays(1))).isEqualTo(AgreementStatus.PENDING);
    }

    private static Agreement agreement(Optional<Termination> termination) {
        return new Agreement("JL-1", "police", "吉林市社会医疗保险管理局", FROM, FROM, TO,
                List.of("death.police_deregistration"), Set.of(AgreementPurpose.FRAUD_PREVENTION), Optional.empty(),
                termination);
    }
}
