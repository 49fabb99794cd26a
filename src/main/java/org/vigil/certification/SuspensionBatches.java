package org.vigil.certification;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The monthly suspension batch (CERT-16, 第二十五条) and the batch restorations that go with it
 * (CERT-17, 第二十六条). Every step is one transaction: a step killed half-way leaves nothing of
 * itself, and run again it ends where an uninterrupted run would have.
 */
public interface SuspensionBatches {

    /**
     * Builds the month's batch from its stored decisions: a suspension for everyone disqualified or
     * whose certification failed and who is still paid and in no unreleased batch (never the
     * to-be-verified nor anyone marked for investigation); a restoration for everyone suspended
     * whom a later month certified again. The circuit breaker judges it. Built again before any
     * approval it follows the month's decisions; a repeat with nothing changed changes nothing.
     *
     * @throws IllegalStateException when the month has not been verified, or the decisions changed
     *                               after a district approved
     */
    Built build(YearMonth month);

    /** Lets a batch the breaker held go on to the districts' approval, with the officer's reason. */
    SuspensionBatch signOff(YearMonth month, String officer, String reason);

    /**
     * A district approves its instructions of the batch.
     *
     * @throws IllegalStateException when the batch is held, or the district has no instructions in it
     */
    SuspensionBatch approve(YearMonth month, String district, String officer);

    /**
     * Releases the approved districts not yet released: their suspensions stop payment from the
     * effective month, their restorations resume it; each suspension is published as
     * {@link SuspensionReleased}, each restoration as {@link SuspensionLifted}. After the release
     * day a release needs the reason it is late.
     *
     * @throws IllegalStateException when no approved district waits, or the release day has passed
     *                               and no reason is given
     */
    Released release(YearMonth month, Optional<String> lateReason);

    Optional<SuspensionBatch> batch(YearMonth month);

    /** Every batch, newest month first. */
    List<SuspensionBatch> batches();

    /** The instructions of a query, by district, kind and ID number. */
    List<PaymentInstruction> instructions(InstructionQuery query);

    /**
     * What a build did.
     *
     * @param changed whether anything was stored; false for a repeat that found the batch as it was
     * @param figures what the breaker was given; none when a batch already released for some district
     *                was left as it is
     */
    record Built(SuspensionBatch batch, boolean changed, SuspensionBreaker.Figures figures) {
    }

    /** What a release did. */
    record Released(SuspensionBatch batch, List<String> districts, long suspended, long restored, boolean late) {
    }
}
