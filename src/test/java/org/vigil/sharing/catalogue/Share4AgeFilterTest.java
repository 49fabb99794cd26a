package org.vigil.sharing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SHARE-4: when volumes are large, a provider of proof-of-life data may deliver only men aged 60+
 * and women aged 50+. The catalogue says on which feeds that is allowed; deaths, sentences, prison
 * terms, photos and registers must always be complete, since a missing death cannot be told from
 * no death.
 */
@DisplayName("SHARE-4: the age filter is allowed only on proof-of-life feeds that say so")
class Share4AgeFilterTest {

    /** The proof-of-life sources whose systems hold everyone, so that the filter can make a file smaller. */
    static final Set<String> FILTERABLE = Set.of("life.exit_entry", "life.enrollment_change", "life.social_security_card",
            "life.medical_settlement", "life.rail", "life.aviation", "life.bank_counter", "life.health_record", "life.telecom");

    @Test
    void share4_ageFilterOnlyOnFeedsThatAllowIt() {
        FeedCatalogue catalogue = FeedCatalogue.standard();
        Set<String> filtered = catalogue.all().stream().filter(FeedDefinition::ageFilter).map(FeedDefinition::code)
                .collect(Collectors.toSet());
        assertThat(filtered).isEqualTo(FILTERABLE);
        assertThat(catalogue.all()).allSatisfy(f -> {
            assertThat(f.serves(FeedDefinition.SHARE_4)).as(f.code()).isEqualTo(f.ageFilter());
            if (f.ageFilter()) {
                assertThat(f.feedClass()).as(f.code()).isEqualTo(FeedClass.PROOF_OF_LIFE);
                ColumnDefinition id = f.columnFor(ColumnRole.SUBJECT_ID).orElseThrow();
                assertThat(id.required() && !id.blankAllowed()).as(f.code() + ": the ID tells age and sex").isTrue();
            }
        });
        // Sources whose population is already the elderly gain nothing from the filter and keep women of 50–59.
        assertThat(catalogue.find("life.elderly_allowance_payment").orElseThrow().ageFilter()).isFalse();
        assertThat(catalogue.find("life.bus_elderly_card").orElseThrow().ageFilter()).isFalse();
        assertThat(catalogue.find("death.community_report").orElseThrow().ageFilter()).isFalse();
    }

    @Test
    void share4_theLoaderRefusesTheFilterOnADeathFeed() {
        String yaml = CatalogueLoaderTest.VALID.replace("requirements: [SHARE-3]\n    cadence: MONTHLY",
                "requirements: [SHARE-3, SHARE-4]\n    cadence: MONTHLY\n    ageFilter: true");
        CatalogueLoaderTest.assertRefused(yaml, "feed death.test_deaths", "SHARE-4 allows the age filter only for proof-of-life feeds");
    }

    @Test
    void share4_theFilterAndTheRequirementGoTogether() {
        CatalogueLoaderTest.assertRefused(CatalogueLoaderTest.VALID.replace("    ageFilter: true\n", ""),
                "feed life.test_visits", "ageFilter is true exactly when the feed serves SHARE-4");
        CatalogueLoaderTest.assertRefused(CatalogueLoaderTest.VALID.replace("requirements: [SHARE-3, SHARE-4]", "requirements: [SHARE-3]"),
                "feed life.test_visits", "ageFilter is true exactly when the feed serves SHARE-4");
    }

    @Test
    void share4_anAgeFilteredFeedNeedsAnIdThatIsNeverBlank() {
        String yaml = CatalogueLoaderTest.VALID.replace("{key: id_number, header: 身份证号, type: ID_NUMBER, role: SUBJECT_ID}",
                "{key: id_number, header: 身份证号, type: ID_NUMBER, blank: true, role: SUBJECT_ID}\n"
                        + "      - {key: name, header: 姓名, type: NAME, role: SUBJECT_NAME}");
        CatalogueLoaderTest.assertRefused(yaml, "feed life.test_visits", "needs a required, never blank SUBJECT_ID");
    }
}
