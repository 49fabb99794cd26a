package org.vigil.certification;

import java.util.List;
import java.util.function.Consumer;

/**
 * The ledgers of a verified month at district, street and community level (CERT-11, 第二十条; the
 * home-visit ledger of CERT-14, 第二十三条), read from the month's stored decisions: who is to be
 * verified, how soon their period ends, how to reach them, and where their verification stands.
 */
public interface Ledgers {

    /**
     * One page of a ledger, in the order of district, street, community, how soon the period ends
     * and ID number.
     *
     * @throws IllegalStateException when the month has not been verified
     */
    LedgerPage page(LedgerQuery query, int page, int size);

    /** Every line of the query in ledger order. */
    void forEach(LedgerQuery query, Consumer<LedgerLine> visitor);

    /** The ledger's sizes per district, street or community (the level given), within the query's divisions. */
    List<LedgerCounts> counts(LedgerQuery query, CertificationLists.Level level);
}
