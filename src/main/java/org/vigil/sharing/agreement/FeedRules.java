package org.vigil.sharing.agreement;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the provider registry needs to know about a feed from the feed catalogue: that it exists,
 * whether SHARE-4 allows it to be limited by age, and its column keys. An interface so the
 * registry's rules can be tested without the shipped catalogue.
 */
public interface FeedRules {

    /** The feed with this code, or empty when the catalogue has none. */
    Optional<FeedRule> find(String feedCode);

    /**
     * The form in which two header spellings count as the same header when a file is read, so two
     * aliases that would collide are refused when they are registered.
     */
    default String normaliseHeader(String header) {
        return header.strip();
    }

    /**
     * @param ageFilterAllowed whether the provider may deliver only men 60+ and women 50+ (SHARE-4)
     * @param columnKeys       the keys a column alias may name
     */
    record FeedRule(String code, boolean ageFilterAllowed, Set<String> columnKeys) {
        public FeedRule {
            Objects.requireNonNull(code, "code");
            columnKeys = Set.copyOf(columnKeys);
        }
    }
}
