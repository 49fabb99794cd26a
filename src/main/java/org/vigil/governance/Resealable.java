package org.vigil.governance;

/**
 * Stored values protected by a key, which a module can protect again under the current key: its
 * sealed columns ({@link SealedValues}) or its blind indexes. Each module that stores such values
 * publishes one bean of this type, so that {@link KeyRotation} can move every value off an old key
 * and then destroy it (ADR 0035).
 */
public interface Resealable {

    /** What is protected, for the operator: a module's table and column. */
    String name();

    /** How many values are protected by that key now. */
    long countUnder(String keyId);

    /**
     * Protects at most {@code limit} of the values now under {@code keyId} with the current key of
     * the same kind instead, each in its own short transaction or one per call; values that change
     * meanwhile are left for the next call.
     *
     * @return how many were moved; 0 when none is left under that key
     */
    int reseal(String keyId, int limit);
}
