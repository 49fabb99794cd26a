package org.vigil.sharing;

/** What became of a delivery. */
public enum DeliveryStatus {
    /** Its accepted rows are facts now; its rejects and review items are recorded. */
    APPLIED,
    /** The same file was applied for the same provider and feed before; nothing changed. */
    ALREADY_APPLIED,
    /** Nothing of it was applied: no agreement in force, an unknown feed, or a file that cannot be read. */
    REFUSED,
    /**
     * Read, but held by the quality gate (DATA-12): nothing applied until an officer releases it
     * (it is then applied from the stored file) or discards it. Also the answer when the same
     * file arrives again while held.
     */
    QUARANTINED,
    /** A held delivery an officer discarded; nothing of it was applied. */
    DISCARDED
}
