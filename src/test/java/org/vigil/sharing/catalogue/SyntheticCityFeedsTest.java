package org.vigil.sharing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The mapping of the synthetic city's files to catalogue feeds, as data the demo reads. */
@DisplayName("SyntheticCityFeeds: each simulator file to one catalogue feed")
class SyntheticCityFeedsTest {

    static final FeedCatalogue CATALOGUE = FeedCatalogue.standard();

    @Test
    void theShippedMappingIsCheckedAgainstTheCatalogue() {
        SyntheticCityFeeds mapping = SyntheticCityFeeds.standard();
        assertThat(SyntheticCityFeeds.standard()).isSameAs(mapping);
        assertThat(mapping.entries()).hasSize(47);
        assertThat(mapping.find("police", "death_deregistration")).map(FeedDefinition::code).hasValue("death.police_deregistration");
        assertThat(mapping.find("telecom", "china_unicom")).map(FeedDefinition::code).hasValue("life.telecom");
        assertThat(mapping.find("community", "220284")).map(FeedDefinition::code).hasValue("death.community_report");
        assertThat(mapping.find("police", "nothing")).isEmpty();
        // Every catalogue feed is exercised by some simulator file.
        assertThat(mapping.entries().stream().map(e -> e.catalogueFeed().code()).distinct().count())
                .isEqualTo(CATALOGUE.all().size());
    }

    @Test
    void aMappingWithBlankLinesAndCrLfReads() {
        SyntheticCityFeeds m = SyntheticCityFeeds.parse("provider\tfeed\tcatalogue_feed\r\nrail\tpassengers\tlife.rail\r\n\r\n",
                "m.tsv", CATALOGUE);
        assertThat(m.entries()).singleElement().satisfies(e -> {
            assertThat(e.provider()).isEqualTo("rail");
            assertThat(e.feed()).isEqualTo("passengers");
            assertThat(e.catalogueFeed().code()).isEqualTo("life.rail");
        });
    }

    @Test
    void defectsAreNamedByLine() {
        assertThatThrownBy(() -> SyntheticCityFeeds.parse("provider,feed,catalogue_feed\n", "m.tsv", CATALOGUE))
                .isInstanceOf(CatalogueException.class).hasMessageStartingWith("m.tsv: line 1: the header must be");
        assertThatThrownBy(() -> SyntheticCityFeeds.parse("provider\tfeed\tcatalogue_feed\nrail\tpassengers\n", "m.tsv", CATALOGUE))
                .isInstanceOf(CatalogueException.class).hasMessage("m.tsv: line 2: expected provider, feed and catalogue_feed separated by tabs");
        assertThatThrownBy(() -> SyntheticCityFeeds.parse("provider\tfeed\tcatalogue_feed\nrail\tpassengers\tlife.trains\n", "m.tsv",
                CATALOGUE)).isInstanceOf(CatalogueException.class).hasMessage("m.tsv: line 2: the catalogue (version 1) has no feed life.trains");
        assertThatThrownBy(() -> SyntheticCityFeeds.parse(
                "provider\tfeed\tcatalogue_feed\nrail\tpassengers\tlife.rail\nrail\tpassengers\tlife.aviation\n", "m.tsv", CATALOGUE))
                .isInstanceOf(CatalogueException.class).hasMessage("m.tsv: line 3: rail/passengers is already mapped on line 2");
    }
}
