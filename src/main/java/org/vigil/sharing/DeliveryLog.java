package org.vigil.sharing;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

/** Reads back what arrived: the delivery history and each delivery's rejects file (SHARE-6, DATA-12). */
public interface DeliveryLog {

    /**
     * Deliveries newest first, a page at a time.
     *
     * @param provider only this provider's, or all when empty
     */
    List<DeliverySummary> recent(Optional<String> provider, int offset, int limit);

    long count(Optional<String> provider);

    Optional<DeliverySummary> find(long id);

    /**
     * Writes the delivery's rejects as CSV the provider can open and correct from: row, column,
     * value, reason (Chinese and English), whether the row was refused. Rows in file order.
     *
     * @return false when there is no such delivery
     */
    boolean writeRejects(long id, Writer out) throws IOException;
}
