package org.vigil.sharing.agreement;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A feed a provider delivers, with how its files differ from the catalogue: whom they cover
 * (SHARE-4) and the provider's own header text for the catalogue's columns.
 *
 * @param feedCode the catalogue's code, such as {@code death.police_deregistration}
 * @param ageScope whom the provider's files of this feed cover
 * @param aliases  the provider's header text → the catalogue column key it stands for
 */
public record ProviderFeed(String feedCode, AgeScope ageScope, Map<String, String> aliases) {

    public ProviderFeed {
        Objects.requireNonNull(feedCode, "feedCode");
        Objects.requireNonNull(ageScope, "ageScope");
        aliases = Collections.unmodifiableMap(new TreeMap<>(aliases));
    }
}
