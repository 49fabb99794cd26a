package org.vigil.sharing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The loader refuses a wrong catalogue before anything uses it, and says where: the source, the
 * feed and the column (DATA-4: one set of collection rules, so a wrong one must not slip in).
 */
@DisplayName("CatalogueLoader: a wrong catalogue is refused, naming source, feed and column (DATA-4)")
class CatalogueLoaderTest {

    /** A small valid catalogue; the tests below break one thing in it at a time. */
    static final String VALID = """
            version: 3
            vocabularies:
              id_number: ["身份证号", "公民身份号码", "sfzh"]
            feeds:
              - code: death.test_deaths
                title: 测试死亡人员
                department: 公安局
                class: DEATH
                fact: DEATH
                requirements: [SHARE-3]
                cadence: MONTHLY
                columns:
                  - {key: name, header: 姓名, aliases: [逝者姓名], type: NAME, role: SUBJECT_NAME}
                  - {key: id_number, header: 身份证号码, vocabulary: id_number, type: ID_NUMBER, role: SUBJECT_ID}
                  - {key: death_date, header: 死亡日期, type: DATE, role: EVENT_DATE}
                  - {key: remark, header: 备注, type: TEXT, required: false}
              - code: life.test_visits
                title: 测试走访
                department: 社区
                class: PROOF_OF_LIFE
                fact: LIFE_SIGN
                requirements: [SHARE-3, SHARE-4]
                cadence: QUARTERLY
                ageFilter: true
                columns:
                  - {key: id_number, header: 身份证号, type: ID_NUMBER, role: SUBJECT_ID}
                  - {key: visit_date, header: 走访日期, type: DATE, role: EVENT_DATE}
            """;

    static FeedCatalogue load(String yaml) {
        return FeedCatalogue.fromYaml(yaml, "test.yml");
    }

    static void assertRefused(String yaml, String... fragments) {
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogueException.class)
                .hasMessageStartingWith("test.yml: ")
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    }

    @Test
    void theValidCatalogueLoadsWithItsDefaults() {
        FeedCatalogue c = load(VALID);
        assertThat(c.version()).isEqualTo(3);
        assertThat(c.all()).extracting(FeedDefinition::code).containsExactly("death.test_deaths", "life.test_visits");
        FeedDefinition deaths = c.find("death.test_deaths").orElseThrow();
        ColumnDefinition remark = deaths.column("remark").orElseThrow();
        assertThat(remark.required()).isFalse();
        assertThat(remark.blankAllowed()).as("an optional column allows blanks").isTrue();
        assertThat(remark.maxLength()).isEqualTo(ColumnDefinition.DEFAULT_TEXT_LENGTH);
        assertThat(remark.review()).isEqualTo(ReviewLevel.NONE);
        ColumnDefinition id = deaths.column("id_number").orElseThrow();
        assertThat(id.required()).isTrue();
        assertThat(id.blankAllowed()).as("a required column refuses blanks unless it says so").isFalse();
        assertThat(id.review()).isEqualTo(ReviewLevel.MANUAL_REVIEW);
        assertThat(id.acceptedHeaders()).as("the vocabulary's words become aliases, the header counted once")
                .containsExactly("身份证号码", "身份证号", "公民身份号码", "sfzh");
        assertThat(deaths.ageFilter()).isFalse();
        assertThat(c.find("life.test_visits").orElseThrow().ageFilter()).isTrue();
        assertThat(c.find("nothing.here")).isEmpty();
    }

    @Test
    void notYaml() {
        assertRefused("feeds: [unclosed", "not valid YAML");
    }

    @Test
    void unknownTopLevelField() {
        assertRefused(VALID.replace("version: 3", "version: 3\nversoin: 4"), "the document", "unknown field 'versoin'");
    }

    @Test
    void unknownFeedField() {
        assertRefused(VALID.replace("    cadence: QUARTERLY", "    cadence: QUARTERLY\n    agefilter: true"),
                "feed life.test_visits", "unknown field 'agefilter'");
    }

    @Test
    void unknownColumnFieldSuchAsAMisspeltRequired() {
        assertRefused(VALID.replace("type: TEXT, required: false", "type: TEXT, requried: false"),
                "feed death.test_deaths, column remark", "unknown field 'requried'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "type: DATE, role: EVENT_DATE|type: DAY, role: EVENT_DATE|column death_date, type|unknown column type 'DAY'",
            "class: DEATH|class: DEATHS|feed death.test_deaths, class|unknown feed class 'DEATHS'",
            "cadence: MONTHLY|cadence: WEEKLY|feed death.test_deaths, cadence|unknown cadence 'WEEKLY'",
            "fact: DEATH|fact: DIED|feed death.test_deaths, fact|unknown fact kind 'DIED'",
            "role: SUBJECT_NAME|role: SUBJECT|column name, role|unknown column role 'SUBJECT'"})
    void badEnumValuesListTheKnownOnes(String from, String to, String where, String what) {
        assertRefused(VALID.replace(from, to), where, what, "expected one of");
    }

    @Test
    void aBadReviewLevelListsTheThreeOfData6() {
        assertRefused(VALID.replace("type: TEXT, required: false", "type: TEXT, required: false, review: AUTOMATIC"),
                "column remark, review", "unknown review level 'AUTOMATIC'", "NONE, SYSTEM_VALIDATION, MANUAL_REVIEW");
    }

    @Test
    void duplicateFeedCode() {
        assertRefused(VALID.replace("code: life.test_visits", "code: death.test_deaths"), "feed death.test_deaths", "duplicate code");
    }

    @Test
    void duplicateAliasInOneColumn() {
        assertRefused(VALID.replace("aliases: [逝者姓名]", "aliases: [逝者姓名, 逝者 姓名]"),
                "feed death.test_deaths, column name", "duplicate alias '逝者 姓名'");
    }

    @Test
    void aliasThatIsAnotherColumnsHeader() {
        assertRefused(VALID.replace("aliases: [逝者姓名]", "aliases: [逝者姓名, 死亡日期]"),
                "feed death.test_deaths", "'死亡日期' is also one of column", "death_date");
    }

    @Test
    void aliasThatIsAnotherColumnsVocabularyWord() {
        assertRefused(VALID.replace("aliases: [逝者姓名]", "aliases: [逝者姓名, SFZH]"),
                "feed death.test_deaths", "column id_number", "'sfzh'");
    }

    @Test
    void duplicateKeyInAFeed() {
        assertRefused(VALID.replace("{key: remark, header: 备注", "{key: name, header: 备注"),
                "feed death.test_deaths", "column name: duplicate key");
    }

    @Test
    void duplicateYamlKey() {
        assertRefused(VALID.replace("    cadence: MONTHLY", "    cadence: MONTHLY\n    cadence: QUARTERLY"), "not valid YAML");
    }

    @Test
    void missingHeader() {
        assertRefused(VALID.replace("header: 备注, ", ""), "feed death.test_deaths, column remark", "missing header");
    }

    @Test
    void missingVersionOrFeeds() {
        assertRefused(VALID.replace("version: 3\n", ""), "the document", "version must be a whole number");
        assertRefused("version: 1\nfeeds: []\n", "the document", "no feeds");
    }

    @Test
    void anUnquotedYamlBooleanAsAHeaderIsCaught() {
        assertRefused(VALID.replace("aliases: [逝者姓名]", "aliases: [逝者姓名, NO]"), "column name", "aliases must be text", "quote it");
    }

    @Test
    void unknownVocabulary() {
        assertRefused(VALID.replace("vocabulary: id_number", "vocabulary: id_numbers"),
                "column id_number", "unknown vocabulary 'id_numbers'");
    }

    @Test
    void data6LevelsOfIdNumbersCannotBeLowered() {
        assertRefused(VALID.replace("type: ID_NUMBER, role: SUBJECT_ID}\n      - {key: death_date",
                "type: ID_NUMBER, review: NONE, role: SUBJECT_ID}\n      - {key: death_date"),
                "column id_number", "DATA-6 sets the review level of ID_NUMBER to MANUAL_REVIEW");
    }

    @Test
    void anOptionalColumnMustAllowBlanks() {
        assertRefused(VALID.replace("type: TEXT, required: false", "type: TEXT, required: false, blank: false"),
                "column remark", "an optional column must allow blank cells");
    }

    @Test
    void aRoleMustFitTheType() {
        assertRefused(VALID.replace("type: DATE, role: EVENT_DATE", "type: TEXT, role: EVENT_DATE"),
                "column death_date", "a TEXT column cannot play the role EVENT_DATE");
    }

    @Test
    void onlyCalendarColumnsMayLieInTheFuture() {
        assertRefused(VALID.replace("type: TEXT, required: false", "type: TEXT, required: false, future: true"),
                "column remark", "only dates, months and years");
    }

    @Test
    void aFeedNeedsARequiredSubject() {
        assertRefused(VALID.replace("type: NAME, role: SUBJECT_NAME", "type: NAME, required: false, role: SUBJECT_NAME")
                        .replace("type: ID_NUMBER, role: SUBJECT_ID}\n      - {key: death_date",
                                "type: ID_NUMBER, required: false, role: SUBJECT_ID}\n      - {key: death_date"),
                "feed death.test_deaths", "no required column names the subject");
    }

    @Test
    void aFactMustFitTheClass() {
        assertRefused(VALID.replace("fact: DEATH", "fact: LIFE_SIGN"), "feed death.test_deaths", "a DEATH feed cannot state LIFE_SIGN");
    }

    @Test
    void requirementIdsAreChecked() {
        assertRefused(VALID.replace("requirements: [SHARE-3]", "requirements: [SHARE3]"), "feed death.test_deaths", "'SHARE3' is not a requirement ID");
    }

    @Test
    void share5CadenceForSharedData() {
        assertRefused(VALID.replace("cadence: MONTHLY", "cadence: YEARLY"), "feed death.test_deaths", "SHARE-5");
    }

    @Test
    void choicesAndPerRowFacts() {
        String perRow = VALID.replace("    fact: DEATH\n", "    fact: DEATH_OR_LIFE_SIGN\n    rowFacts: {死亡: DEATH, 走访: LIFE_SIGN}\n")
                .replace("{key: remark, header: 备注, type: TEXT, required: false}",
                        "{key: kind, header: 类别, type: CHOICE, values: [死亡, 走访], role: EVENT_KIND}");
        FeedDefinition feed = load(perRow).find("death.test_deaths").orElseThrow();
        assertThat(feed.factOf("死亡")).isEqualTo(FactKind.DEATH);
        assertThat(feed.factOf("走访")).isEqualTo(FactKind.LIFE_SIGN);
        assertThatThrownBy(() -> feed.factOf("火化")).isInstanceOf(IllegalArgumentException.class);
        assertRefused(perRow.replace("走访: LIFE_SIGN", "活动: LIFE_SIGN"), "feed death.test_deaths", "rowFacts must map exactly its values");
        assertRefused(perRow.replace("走访: LIFE_SIGN", "走访: SENTENCE"), "feed death.test_deaths", "cannot be SENTENCE");
        assertRefused(perRow.replace("values: [死亡, 走访], ", ""), "column kind", "a CHOICE column needs its allowed values");
    }

    @Test
    void textLengthsArePositive() {
        assertRefused(VALID.replace("type: TEXT, required: false", "type: TEXT, required: false, maxLength: 0"),
                "column remark", "a text column needs a positive maximum length");
        assertRefused(VALID.replace("type: DATE, role: EVENT_DATE", "type: DATE, maxLength: 10, role: EVENT_DATE"),
                "column death_date", "only text columns have a maximum length");
    }
}
