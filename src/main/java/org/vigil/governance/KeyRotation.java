package org.vigil.governance;

import java.util.List;

/**
 * Moves stored data from old keys to the current ones and destroys the old keys (DATA-15,
 * DATA-17, ADR 0035). The sealed values and blind indexes of every module are found through their
 * {@link Resealable} beans; nothing stops while they move, because every value names the key it
 * is under and every old key stays held until nothing is left under it.
 */
public interface KeyRotation {

    /** One key and how many stored values each module still protects with it. */
    record KeyUse(KeyCustody.HeldKey key, List<Use> uses) {

        public KeyUse {
            uses = List.copyOf(uses);
        }

        public long total() {
            return uses.stream().mapToLong(Use::count).sum();
        }
    }

    /** How many values one protected column holds under a key. */
    record Use(String name, long count) {
    }

    /** Every held key with what it still protects. */
    List<KeyUse> status();

    /**
     * Makes a new current key of that kind, audited as a key rotation.
     *
     * @return its id
     */
    String rotate(KeyCustody.KeyKind kind, String by);

    /**
     * Moves at most {@code limit} values of every column from keys that are not current to the
     * current ones.
     *
     * @return how many moved; 0 when everything is under the current keys
     */
    long resealStep(int limit);

    /**
     * Destroys a key that is not current and protects nothing any more, audited.
     *
     * @throws IllegalStateException    when values are still protected by it (it names how many, where)
     * @throws IllegalArgumentException when the key is current
     */
    void retire(String keyId, String by);
}
