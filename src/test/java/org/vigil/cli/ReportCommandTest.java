package org.vigil.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vigil report providers} (SHARE-9) refuses a missing or impossible year as a usage error
 * before it starts the application; the workbook itself is tested in the quality package.
 */
class ReportCommandTest {

    @Test
    void share9_reportProvidersRefusesAMissingOrImpossibleYearBeforeStartingAnything() {
        StringWriter err = new StringWriter();
        CommandLine cli = VigilCli.commandLine();
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("report", "providers")).isEqualTo(2);
        assertThat(cli.execute("report", "providers", "--year", "1990")).isEqualTo(2);
        assertThat(err.toString()).contains("--year").contains("1990").contains("vigil report providers");
    }

    @Test
    void share9_reportWithoutASubcommandIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = VigilCli.commandLine();
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("report")).isEqualTo(2);
        assertThat(err.toString()).contains("providers");
    }
}
