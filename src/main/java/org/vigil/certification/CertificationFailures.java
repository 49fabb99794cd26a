package org.vigil.certification;

import java.time.YearMonth;
import java.util.List;

/**
 * The recipients whose certification failed in a month, with the noted reason (CERT-15, 第二十四条),
 * for the suspension batch and the ledgers. A month's failures are stored by its monthly run, so
 * they change only when the month is run again.
 */
public interface CertificationFailures {

    /** Every failure of the month's stored run, in the order of district and ID number; none for a month not run. */
    List<FailedCertification> failedIn(YearMonth month);
}
