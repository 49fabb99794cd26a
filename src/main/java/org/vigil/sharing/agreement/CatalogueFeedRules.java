package org.vigil.sharing.agreement;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.vigil.sharing.catalogue.ColumnDefinition;
import org.vigil.sharing.catalogue.FeedCatalogue;
import org.vigil.sharing.catalogue.HeaderText;

/**
 * The feed rules of the shipped feed catalogue. The catalogue is read on first use, not at start,
 * so the application starts even when the catalogue resource is broken; registering a feed then
 * fails with the catalogue's own message.
 */
@Component
class CatalogueFeedRules implements FeedRules {

    private final Supplier<FeedCatalogue> catalogue;

    CatalogueFeedRules() {
        this(FeedCatalogue::standard);
    }

    CatalogueFeedRules(Supplier<FeedCatalogue> catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Optional<FeedRule> find(String feedCode) {
        return catalogue.get().find(feedCode)
                .map(feed -> new FeedRule(feed.code(), feed.ageFilter(),
                        feed.columns().stream().map(ColumnDefinition::key).collect(Collectors.toSet())));
    }

    @Override
    public String normaliseHeader(String header) {
        return HeaderText.normalise(header);
    }
}
