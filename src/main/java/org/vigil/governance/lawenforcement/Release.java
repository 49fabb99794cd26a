package org.vigil.governance.lawenforcement;

import java.time.Instant;
import java.util.List;

/**
 * One hand-over of data to the officers of a request, with every item in it; kept for good.
 *
 * @param fileSha256 the SHA-256 of the file handed over, when the data left as a file; else null
 */
public record Release(long id, long requestId, Instant releasedAt, String releasedBy, String fileSha256,
        List<Item> items) {

    public Release {
        items = List.copyOf(items);
    }

    /**
     * One released item: the person by the register's internal id and masked ID number.
     *
     * @param personId the register's id of the person in the request's scope
     */
    public record Item(long id, DataCategory category, long personId, String maskedPerson) {
    }
}
