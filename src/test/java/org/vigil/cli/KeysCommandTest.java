package org.vigil.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.VigilIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vigil keys} as a security administrator runs it beside a live database (DATA-15,
 * DATA-17, ADR 0035): the command starts its own application on its own key folder, rotates,
 * refuses to destroy the current key, and destroys an old one, overwriting its file.
 */
@VigilIntegrationTest
class KeysCommandTest {

    private static final Pattern CURRENT_DATA = Pattern.compile("DATA ([0-9a-f]{16}) \\(current\\)");

    private final DataSource dataSource;

    @Autowired
    KeysCommandTest(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void data17_rotateThenRetireTheOldKeyDestroysItsFileAndTheCurrentKeyCannotBeRetired(@TempDir Path keys)
            throws Exception {
        Map<String, String> folder = Map.of("vigil.keys.dir", keys.toString(), "vigil.keys.reseal.enabled", "false");
        CliRun status = CliRun.against(dataSource, folder, "keys", "status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        Matcher m = CURRENT_DATA.matcher(status.out());
        assertThat(m.find()).as(status.out()).isTrue();
        String old = m.group(1);
        assertThat(keys.resolve("sm4-" + old + ".key")).exists();

        CliRun current = CliRun.against(dataSource, folder, "keys", "retire", old);
        assertThat(current.exitCode()).isEqualTo(1);
        assertThat(current.err()).contains("is current");
        assertThat(keys.resolve("sm4-" + old + ".key")).exists();

        CliRun rotate = CliRun.against(dataSource, folder, "keys", "rotate", "--kind", "DATA");
        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        CliRun after = CliRun.against(dataSource, folder, "keys", "status");
        Matcher now = CURRENT_DATA.matcher(after.out());
        assertThat(now.find()).isTrue();
        assertThat(now.group(1)).isNotEqualTo(old);
        assertThat(after.out()).contains("DATA " + old + "  ");

        CliRun reseal = CliRun.against(dataSource, folder, "keys", "reseal", "--batch", "100");
        assertThat(reseal.exitCode()).as(reseal.err()).isZero();
        CliRun retire = CliRun.against(dataSource, folder, "keys", "retire", old);
        assertThat(retire.exitCode()).as(retire.err()).isZero();
        assertThat(retire.out()).contains("destroyed");
        assertThat(keys.resolve("sm4-" + old + ".key")).doesNotExist();
        assertThat(Files.list(keys).map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(old));
    }
}
