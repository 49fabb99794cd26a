package org.vigil.sharing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.vigil.identity.BadInputException;
import org.vigil.identity.FileProblem;

/**
 * A delivered file's header row against a feed: the spellings departments write, in any order,
 * with the provider's own spellings first, and every problem of the row reported at once
 * (SHARE-3, DATA-4).
 */
@DisplayName("HeaderMapping: a file's header against its feed (SHARE-3, DATA-4)")
class HeaderMappingTest {

    static final FeedDefinition DEATHS = CatalogueLoaderTest.load(CatalogueLoaderTest.VALID).find("death.test_deaths").orElseThrow();

    static HeaderResolution resolve(String... header) {
        return HeaderMapping.resolve(DEATHS, Arrays.asList(header), Map.of(), "police.csv");
    }

    static ResolvedHeader resolved(String... header) {
        HeaderResolution r = resolve(header);
        assertThat(r.problems()).isEmpty();
        assertThat(r.isResolved()).isTrue();
        return r.orElseThrow();
    }

    static List<String> reasons(HeaderResolution r) {
        return r.problems().stream().map(p -> p.reason().split(" ")[0]).toList();
    }

    @Test
    void theCanonicalHeaders() {
        ResolvedHeader h = resolved("姓名", "身份证号码", "死亡日期", "备注");
        assertThat(h.indexes()).containsExactly(0, 1, 2, 3);
        assertThat(h.width()).isEqualTo(4);
        assertThat(h.ignoredColumns()).isEmpty();
        assertThat(h.feed()).isSameAs(DEATHS);
    }

    @Test
    void aliasesAndVocabularyWordsFindTheirColumns() {
        ResolvedHeader h = resolved("逝者姓名", "sfzh", "死亡日期");
        assertThat(h.indexOf("name")).isZero();
        assertThat(h.indexOf("id_number")).isEqualTo(1);
        assertThat(h.indexOf("death_date")).isEqualTo(2);
        assertThat(resolved("姓名", "公民身份号码", "死亡日期").indexOf("id_number")).isEqualTo(1);
    }

    @Test
    void theOrderOfColumnsDoesNotMatter() {
        List<String> header = new ArrayList<>(List.of("姓名", "身份证号码", "死亡日期", "备注"));
        Random random = new Random(11);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(header, random);
            ResolvedHeader h = resolved(header.toArray(String[]::new));
            assertThat(header.get(h.indexOf("name"))).isEqualTo("姓名");
            assertThat(header.get(h.indexOf("id_number"))).isEqualTo("身份证号码");
            assertThat(header.get(h.indexOf("death_date"))).isEqualTo("死亡日期");
            assertThat(header.get(h.indexOf("remark"))).isEqualTo("备注");
        }
    }

    @Test
    void theWaysPeopleTypeAHeaderDoNotMakeItAnotherColumn() {
        // A byte-order mark, a line break inside the cell, full-width letters, another letter case.
        ResolvedHeader h = resolved("\uFEFF姓 名", "ＳＦＺＨ", "死亡\n日期", " 备注\u3000");
        assertThat(h.indexes()).containsExactly(0, 1, 2, 3);
        assertThat(HeaderText.normalise("（ＣＥＲＴ＿ＮＯ）")).isEqualTo("(cert_no)");
    }

    @Test
    void anOptionalColumnMayBeAbsentAndUnknownHeadersAreIgnored() {
        ResolvedHeader h = resolved("序号", "姓名", "身份证号码", "死亡日期", "序号", "派出所");
        assertThat(h.has("remark")).isFalse();
        assertThat(h.indexOf("remark")).isEqualTo(-1);
        assertThat(h.ignoredColumns()).extracting(ResolvedHeader.IgnoredColumn::index).containsExactly(0, 4, 5);
        assertThatThrownBy(() -> h.indexOf("no_such_key")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRequiredColumnMissingNamesTheSpellingsThatWouldDo() {
        HeaderResolution r = resolve("姓名", "死亡日期");
        assertThat(r.isResolved()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("police.csv");
            assertThat(p.row()).isEqualTo(1);
            assertThat(p.column()).isEqualTo("身份证号码");
            assertThat(p.reason()).startsWith("MISSING_COLUMN").contains("id_number").contains("身份证号码, 身份证号, 公民身份号码, sfzh");
        });
    }

    @Test
    void theSameHeaderTwice() {
        HeaderResolution r = resolve("姓名", "身份证号码", "死亡日期", "姓名");
        assertThat(reasons(r)).containsExactly("DUPLICATE_HEADER");
        assertThat(r.problems().get(0).reason()).contains("columns 1 and 4");
    }

    @Test
    void twoSpellingsOfOneColumn() {
        HeaderResolution r = resolve("姓名", "身份证号码", "公民身份号码", "死亡日期");
        assertThat(reasons(r)).containsExactly("SAME_COLUMN_TWICE");
        assertThat(r.problems().get(0).reason()).contains("'身份证号码' (column 2) and '公民身份号码' (column 3)");
    }

    @Test
    void anEmptyHeaderBetweenNamedOnesIsAProblemButTrailingBlanksAreNot() {
        assertThat(reasons(resolve("姓名", "", "身份证号码", "死亡日期"))).containsExactly("EMPTY_HEADER");
        ResolvedHeader h = resolved("姓名", "身份证号码", "死亡日期", "", " ");
        assertThat(h.width()).isEqualTo(5);
        assertThat(h.ignoredColumns()).extracting(ResolvedHeader.IgnoredColumn::index).containsExactly(3, 4);
    }

    @Test
    void everyProblemOfTheRowAtOnce() {
        HeaderResolution r = HeaderMapping.resolve(DEATHS, Arrays.asList("姓名", "", "姓名", "逝者姓名", "备注"), Map.of(), "x.xlsx", 3);
        assertThat(reasons(r)).containsExactlyInAnyOrder("EMPTY_HEADER", "DUPLICATE_HEADER", "SAME_COLUMN_TWICE",
                "MISSING_COLUMN", "MISSING_COLUMN");
        assertThat(r.problems()).extracting(FileProblem::row).containsOnly(3L);
        assertThat(r.problems()).extracting(FileProblem::file).containsOnly("x.xlsx");
        assertThatThrownBy(r::orElseThrow).isInstanceOf(BadInputException.class);
    }

    @Test
    void aProvidersOwnSpellingsReadItsFileAsItIs() {
        Map<String, String> provider = Map.of("亡者", "name", "亡故日期", "death_date");
        HeaderResolution r = HeaderMapping.resolve(DEATHS, List.of("亡者", "身份证号码", "亡故日期"), provider, "p.csv");
        assertThat(r.orElseThrow().indexes()).containsExactly(0, 1, 2, -1);
        assertThat(resolve("亡者", "身份证号码", "亡故日期").isResolved()).as("without the provider's spellings").isFalse();
    }

    @Test
    void aProvidersSpellingWinsOverTheCatalogues() {
        // This provider writes 备注 for the death date and keeps remarks elsewhere.
        Map<String, String> provider = Map.of("备注", "death_date");
        ResolvedHeader h = HeaderMapping.resolve(DEATHS, List.of("姓名", "身份证号码", "备注"), provider, "p.csv").orElseThrow();
        assertThat(h.indexOf("death_date")).isEqualTo(2);
        assertThat(h.indexOf("remark")).isEqualTo(-1);
    }

    @Test
    void aProviderSpellingForAKeyTheFeedLacksIsAConfigurationError() {
        assertThatThrownBy(() -> HeaderMapping.resolve(DEATHS, List.of("姓名"), Map.of("x", "no_such_key"), "p.csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("death.test_deaths").hasMessageContaining("no_such_key");
        assertThatThrownBy(() -> HeaderMapping.resolve(DEATHS, List.of("姓名"), Map.of(" ", "name"), "p.csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }

    @Test
    void aNullHeaderCellIsAnEmptyOne() {
        assertThat(reasons(resolve("姓名", null, "身份证号码", "死亡日期"))).containsExactly("EMPTY_HEADER");
    }
}
