/**
 * The ingestion pipeline's machinery: the raw-file store, row interpretation, and the one
 * transaction that writes a delivery's facts, rejects and review items.
 */
package org.vigil.sharing.internal;
