package org.vigil.sharing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The five DATA-12 rates of a delivery, as docs/ingestion.md defines them. */
class DeliveryCountsTest {

    @Test
    void data12_theFiveRatesFollowTheirDefinitions() {
        // 100 read: 80 accepted (60 linked), 8 rejected, 5 to review, 2 repeats, 5 age-filtered
        DeliveryCounts c = new DeliveryCounts(100, 80, 8, 5, 2, 5, 60, 300, 291, 80, 0);
        assertThat(c.ingestionRate()).isEqualTo(80.0 / 95);
        assertThat(c.completenessRate()).isEqualTo(291.0 / 300);
        assertThat(c.recordedRate()).isEqualTo(60.0 / 80);
        assertThat(c.anomalyRate()).isEqualTo(13.0 / 100);
        assertThat(c.duplicateRate()).isEqualTo(2.0 / 100);
    }

    @Test
    void data12_anEmptyDeliveryIsNotAnAnomaly() {
        DeliveryCounts empty = DeliveryCounts.NONE;
        assertThat(empty.anomalyRate()).isZero();
        assertThat(empty.duplicateRate()).isZero();
        assertThat(empty.ingestionRate()).isEqualTo(1.0);
        assertThat(empty.completenessRate()).isEqualTo(1.0);
        assertThat(empty.recordedRate()).isEqualTo(1.0);
    }

    @Test
    void everyRowReadLandsInExactlyOneOutcome() {
        assertThatThrownBy(() -> new DeliveryCounts(10, 5, 1, 1, 1, 1, 5, 0, 0, 5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one outcome");
    }
}
