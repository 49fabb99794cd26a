package org.vigil.sharing.agreement;

import java.util.Map;

/**
 * How a provider delivers one feed: whether it uses the SHARE-4 age filter and its own header
 * spellings (header text → catalogue column key). Setting a feed again replaces both.
 */
public record FeedSetting(String feedCode, AgeScope ageScope, Map<String, String> aliases) {

    public FeedSetting {
        aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
    }
}
