package org.vigil.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vigil report providers} (SHARE-9) refuses a missing or impossible year or an unknown format
 * as a usage error before it starts the application; the workbook and the PDF themselves are tested
 * in the quality package.
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
    void share9_reportProvidersRefusesAnUnknownFormatBeforeStartingAnything() {
        StringWriter err = new StringWriter();
        CommandLine cli = VigilCli.commandLine();
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("report", "providers", "--year", "2026", "--format", "docx")).isEqualTo(2);
        assertThat(err.toString()).contains("--format is xlsx, pdf or both, not docx");
    }

    @Test
    void share9_reportProvidersOffersXlsxPdfOrBoth_xlsxByDefault() {
        StringWriter out = new StringWriter();
        CommandLine cli = VigilCli.commandLine();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("report", "providers", "--help")).isZero();
        assertThat(out.toString()).contains("--format=xlsx|pdf|both").contains("default: xlsx")
                .contains("vigil.report.cjk-font").contains("fonts-wqy-microhei");
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
