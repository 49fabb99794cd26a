package org.vigil.sharing.agreement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry reads feed codes, the SHARE-4 permission and column keys from the shipped feed catalogue. */
class CatalogueFeedRulesTest {

    private final CatalogueFeedRules rules = new CatalogueFeedRules();

    @Test
    void share4_theCatalogueSaysWhichFeedsMayBeLimitedByAge() {
        assertThat(rules.find("life.medical_settlement")).get()
                .satisfies(rule -> assertThat(rule.ageFilterAllowed()).isTrue());
        // a death must be reported at any age
        assertThat(rules.find("death.police_deregistration")).get()
                .satisfies(rule -> assertThat(rule.ageFilterAllowed()).isFalse());
    }

    @Test
    void aFeedsColumnKeysAreWhatAnAliasMayName() {
        assertThat(rules.find("death.police_deregistration")).get()
                .satisfies(rule -> assertThat(rule.columnKeys()).contains("name", "id_number", "death_date"));
    }

    @Test
    void anUnknownFeedCodeIsNotInTheCatalogue() {
        assertThat(rules.find("death.police")).isEmpty();
        assertThat(rules.find("")).isEmpty();
    }

    @Test
    void headersCompareAsTheFileReaderComparesThem() {
        assertThat(rules.normaliseHeader(" 死亡 日期 ")).isEqualTo(rules.normaliseHeader("死亡日期"));
        assertThat(rules.normaliseHeader("ＣＥＲＴ_ＮＯ")).isEqualTo(rules.normaliseHeader("cert_no"));
    }
}
