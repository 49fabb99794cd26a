package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.sharing.quality.ProviderEvaluation;
import org.vigil.sharing.quality.ProviderEvaluations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Reports for publishing. {@code report providers} writes the yearly evaluation of the data
 * providers (SHARE-9) as an XLSX workbook, a PDF or both. The PDF embeds the server's CJK font, as
 * the project ships none (docs/adr/0014-provider-report-pdf.md); without one only the PDF is
 * refused. Reads the database, so it starts the application without the web server.
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Write reports for publishing.",
        subcommands = {ReportCommand.Providers.class})
final class ReportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: providers");
    }

    @Allowed(Permission.QUALITY_VIEW)
    @Command(name = "providers", mixinStandardHelpOptions = true,
            description = "The yearly evaluation of every data provider (SHARE-9): deliveries, on-time share, the five "
                    + "DATA-12 rates, held deliveries, open rectifications and an improvement suggestion, as XLSX "
                    + "and/or PDF. The PDF needs a font with Chinese glyphs: vigil.report.cjk-font "
                    + "(VIGIL_REPORT_CJK_FONT), else the Debian package fonts-wqy-microhei or the Windows fonts.")
    static final class Providers implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--year", required = true, paramLabel = "YEAR", description = "The year to evaluate, e.g. 2026.")
        int year;

        @Option(names = "--out", defaultValue = "var/reports", paramLabel = "DIR",
                description = "Folder to write into (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--as-of", paramLabel = "DATE",
                description = "The day open rectifications and due periods are counted on, yyyy-mm-dd (default: today).")
        LocalDate asOf;

        @Option(names = "--format", defaultValue = "xlsx", paramLabel = "xlsx|pdf|both",
                description = "xlsx, pdf or both (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call() {
            if (year < 2000 || year > 2100) {
                throw new ParameterException(spec.commandLine(), "--year must be from 2000 to 2100, found " + year);
            }
            String f = format.toLowerCase(Locale.ROOT);
            if (!List.of("xlsx", "pdf", "both").contains(f)) {
                throw new ParameterException(spec.commandLine(), "--format is xlsx, pdf or both, not " + format);
            }
            try (ConfigurableApplicationContext context = ServerLifecycle.startWithoutWeb()) {
                LocalDate day = asOf != null ? asOf : LocalDate.now(context.getBean(Clock.class));
                ProviderEvaluations evaluations = context.getBean(ProviderEvaluations.class);
                List<Path> files = new ArrayList<>();
                // the PDF first: it is the one that can be refused (no font), and then nothing is written
                if (!f.equals("xlsx")) {
                    files.add(evaluations.writePdf(year, day, out));
                }
                if (!f.equals("pdf")) {
                    files.add(0, evaluations.writeWorkbook(year, day, out));
                }
                List<ProviderEvaluation> all = evaluations.evaluate(year, day);
                PrintWriter w = spec.commandLine().getOut();
                w.println("Wrote " + files.stream().map(Path::toString).collect(Collectors.joining(" and ")) + ": "
                        + all.size() + " provider(s), " + year + ", as of " + day + ".");
                long below = all.stream().filter(e -> !e.suggestion().metMinimums()).count();
                w.println(below + " provider(s) missed a threshold; see their suggestions.");
                w.flush();
                return 0;
            }
        }
    }
}
