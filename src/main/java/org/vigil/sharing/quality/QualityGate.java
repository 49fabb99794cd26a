package org.vigil.sharing.quality;

import java.time.YearMonth;

import org.vigil.sharing.DeliveryCounts;

/**
 * Decides, after a delivery has been read and before anything of it is applied, whether it may be
 * applied or must be held for an officer (DATA-12, DATA-13): a broken feed must not silently
 * suspend pensions.
 */
public interface QualityGate {

    /**
     * @param provider the provider's code
     * @param feed     the catalogue feed's code
     * @param month    the month the delivery belongs to
     * @param counts   what ingestion made of its rows
     */
    GateDecision judge(String provider, String feed, YearMonth month, DeliveryCounts counts);
}
