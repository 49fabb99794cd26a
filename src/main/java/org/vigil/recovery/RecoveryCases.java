package org.vigil.recovery;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The overpayments to recover (SHARE-7(4)), opened from the suspensions the certification module
 * releases: one case per suspension whose loss of the right predates the stop.
 */
public interface RecoveryCases {

    /** Cases by district and ID number, optionally of one status. */
    List<OverpaymentCase> list(Optional<CaseStatus> status);

    Optional<OverpaymentCase> find(long recipientId, YearMonth suspensionMonth);
}
