package org.vigil.certification;

import java.util.Map;

/** Routine counts over benefit recipients (DATA-10). */
public interface RecipientStatistics {

    /** Recipients (one per benefit) by the six-digit district or county of their residence (CERT-2). */
    Map<String, Long> recipientsByDistrict();
}
