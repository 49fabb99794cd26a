package org.vigil.sharing;

/**
 * The one pipeline behind every door (command line, upload, drop folder; SHARE-6): store the raw
 * file under its hash, check the agreement (SHARE-2), read and validate it against the feed
 * catalogue (SHARE-3, DATA-6), apply the age filter (SHARE-4), link rows to persons by ID, and
 * write facts, rejects and review items in one transaction: a delivery is applied wholly or not at
 * all, and the same file twice is applied once.
 */
public interface DeliveryIngestion {

    /**
     * @throws java.io.UncheckedIOException when the file cannot be read from disk at all
     */
    DeliveryReport ingest(DeliveryRequest request);

    /**
     * Applies a delivery the quality gate held, from its stored raw file, as it would have been
     * applied then (same as-of date), recording who released it and why (DATA-13).
     *
     * @throws IllegalStateException when the delivery is not held
     */
    DeliveryReport release(long deliveryId, String officer, String reason);

    /**
     * Discards a held delivery: nothing of it is applied, and the decision is recorded.
     *
     * @throws IllegalStateException when the delivery is not held
     */
    void discard(long deliveryId, String officer, String reason);
}
