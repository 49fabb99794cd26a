package org.vigil.sharing.quality;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.fontbox.ttf.TTFSubsetter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * SHARE-9: finding the font the PDF evaluation embeds (ADR 0014). These tests and the PDF's in
 * {@link ProviderReportTest} need a font with Chinese glyphs on the machine; without one they fail
 * and say which package to install, rather than being skipped and leaving the PDF untested.
 */
class CjkFontTest {

    @TempDir
    Path dir;

    /** The font the default lookup finds, or a failure that says how to get one. */
    static CjkFont requireCjkFont() {
        try {
            return CjkFont.open("");
        }
        catch (IllegalStateException e) {
            return fail("the PDF tests need a font with Chinese glyphs: install the Debian package "
                    + CjkFont.DEBIAN_PACKAGE + " (.ci/run does) or set " + CjkFont.SETTING + "; " + e.getMessage());
        }
    }

    @Test
    void share9_theDefaultLookupFindsAnInstalledCjkFont_atTheRegularFaceOfItsCollection() throws IOException {
        try (CjkFont font = requireCjkFont()) {
            assertThat(CjkFont.DEFAULT_LOCATIONS).contains(font.file().toString());
            assertThat(font.covers('评')).isTrue();
            String family = font.face().getNaming().getFontFamily();
            assertThat(family).as("the text face, not a collection's monospaced or UI variant")
                    .doesNotContain("Mono").doesNotEndWith(" UI").isNotEqualTo("NSimSun");
        }
    }

    @Test
    void share9_aCollectionOrAPlainTrueTypeFileNamedInTheSettingIsUsed() throws IOException {
        Path collection;
        try (CjkFont found = requireCjkFont()) {
            collection = found.file();
        }
        try (CjkFont font = CjkFont.open(collection.toString(), List.of())) {
            assertThat(font.file()).isEqualTo(collection);
        }
        Path ttf = subset(collection, "数据提供单位评估 ABC", "chinese.ttf");
        try (CjkFont font = CjkFont.open(" " + ttf + " ", List.of())) {
            assertThat(font.file()).isEqualTo(ttf);
            assertThat(font.covers('估')).isTrue();
            assertThat(font.covers('龘')).isFalse();
        }
    }

    @Test
    void share9_aConfiguredFileThatCannotServeIsRefused_ratherThanPassedOverForADefault() throws IOException {
        Path collection;
        try (CjkFont found = requireCjkFont()) {
            collection = found.file();
        }
        List<String> defaults = List.of(collection.toString());
        Path latinOnly = subset(collection, "ABC abc 123", "latin.ttf");
        Path text = Files.writeString(dir.resolve("font.ttc"), "not a font", StandardCharsets.UTF_8);
        Path truncated = Files.write(dir.resolve("cut.ttc"), new byte[] {'t', 't', 'c', 'f', 0, 1, 0});
        Path cff = Files.write(dir.resolve("cff.otf"), new byte[] {'O', 'T', 'T', 'O', 0, 9, 0, 0});

        assertRefused(dir.resolve("missing.ttc").toString(), defaults, "which does not exist");
        assertRefused(text.toString(), defaults, "not a TrueType font");
        assertRefused(truncated.toString(), defaults, "not a readable TrueType font");
        assertRefused(cff.toString(), defaults, "PostScript (CFF) outlines");
        assertRefused(latinOnly.toString(), defaults, "has no Chinese glyphs");
    }

    @Test
    void share9_withNothingConfiguredAndNoFontInTheUsualPlaces_theRefusalSaysWhereItLooked() {
        String nowhere = dir.resolve("fonts/wqy-microhei.ttc").toString();

        assertThatThrownBy(() -> CjkFont.open("", List.of(nowhere)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vigil.report.cjk-font is not set")
                .hasMessageContaining(nowhere)
                .hasMessageContaining("install the Debian package fonts-wqy-microhei")
                .hasMessageNotContaining("\n");
    }

    private static void assertRefused(String configured, List<String> defaults, String why) {
        assertThatThrownBy(() -> CjkFont.open(configured, defaults))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(CjkFont.SETTING + " names " + configured)
                .hasMessageContaining(why)
                .hasMessageContaining("VIGIL_REPORT_CJK_FONT")
                .hasMessageContaining("fonts-wqy-microhei")
                .hasMessageNotContaining("\n");
    }

    /** A plain TrueType file with only these characters, cut from the installed collection. */
    private Path subset(Path collection, String characters, String name) throws IOException {
        Path out = dir.resolve(name);
        try (CjkFont font = CjkFont.open(collection.toString(), List.of()); OutputStream o = Files.newOutputStream(out)) {
            TTFSubsetter subsetter = new TTFSubsetter(font.face());
            characters.codePoints().forEach(subsetter::add);
            subsetter.writeToStream(o);
        }
        return out;
    }
}
