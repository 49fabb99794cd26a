/**
 * The REST door of ingestion (SHARE-6): uploads streamed to disk, the delivery history with its
 * metrics, rejects files to download, and the officer's release or discard of a held delivery.
 */
package org.vigil.sharing.web;
