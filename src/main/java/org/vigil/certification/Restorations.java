package org.vigil.certification;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * An officer's restoration of a suspended recipient (CERT-17, 第二十六条): the reason explained,
 * payment resumed and the suspended months back-paid, except those in which the right really was
 * lost. The officer's decision is the approval: the instruction is released at once.
 */
public interface Restorations {

    /**
     * Restores every suspended benefit of the person.
     *
     * @param lostFrom the first month the right really was lost, with {@code lostTo}; none for a
     *                 suspension that was wrong
     * @throws IllegalStateException when the person has no suspended benefit, or a batch restoration of
     *                               theirs waits for release
     */
    List<PaymentInstruction> restore(String idNumber, String reason, String officer, Optional<YearMonth> lostFrom,
            Optional<YearMonth> lostTo);
}
