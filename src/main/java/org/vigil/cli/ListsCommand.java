package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.certification.CertificationLists;
import org.vigil.certification.EligibilityStatus;
import org.vigil.certification.ExportScope;
import org.vigil.certification.ListCounts;
import org.vigil.certification.ListExport;
import org.vigil.certification.ListQuery;
import org.vigil.certification.ReasonWords;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffPrincipal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The three lists of a verified month (CERT-7) for the districts, streets and communities that act
 * on them (CERT-11). Reads the database, so it starts the application without the web server.
 */
@Command(name = "lists", mixinStandardHelpOptions = true, description = "The three lists of a verified month.",
        subcommands = {ListsCommand.Export.class})
final class ListsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: export");
    }

    @Allowed(Permission.EXPORT)
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a month's lists by district, street and community, with Chinese headers, as CSV files "
                    + "(one per list and a summary) or one XLSX workbook. Signed in as a staff account, it is an export "
                    + "request of that account (XLSX only): written at once, masked and watermarked, when approved at "
                    + "once; otherwise exit code 75 and the request number for 'vigil exports fetch'. Without an account "
                    + "(the server's operator) the files are masked and watermarked with the operating-system user.")
    static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--month", required = true, paramLabel = "yyyy-MM", description = "The verified month.")
        YearMonth month;

        @Option(names = "--format", required = true, paramLabel = "csv|xlsx", description = "csv or xlsx.")
        String format;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
        Path out;

        @Option(names = "--district", paramLabel = "CODE", description = "Only this district (6-digit code).")
        String district;

        @Mixin
        ExportOptions export = new ExportOptions();

        @Override
        public Integer call() {
            validate();
            try (ConfigurableApplicationContext context = ServerLifecycle.startWithoutWeb()) {
                return execute(context);
            }
        }

        ListExport.Format validate() {
            OptionChecks.district(spec, district);
            export.validate(spec);
            return OptionChecks.format(spec, format);
        }

        int execute(ApplicationContext context) {
            ListExport.Format f = validate();
            CertificationLists lists = context.getBean(CertificationLists.class);
            if (lists.run(month).isEmpty()) {
                throw new IllegalStateException("month " + month + " has not been verified; run: vigil verify --month "
                        + month);
            }
            Optional<StaffPrincipal> who = CommandAccess.signedIn();
            if (who.isPresent()) {
                ExportScope scope = new ExportScope(ExportScope.Kind.LIST, month, Optional.ofNullable(district),
                        Optional.empty(), Optional.empty());
                return CommandLineExports.asRequest(context, spec, who.get(), scope, f, export.purpose, export.note,
                        export.unmasked, out);
            }
            List<Path> files = CommandLineExports.asOperator(context, "lists:" + month + (district == null ? "" : "/"
                    + district), f, export.purpose, export.note, export.unmasked, mark -> context.getBean(ListExport.class)
                    .export(month, f, out, Optional.ofNullable(district), mark, !export.unmasked));
            ListQuery query = district == null ? ListQuery.all(month) : ListQuery.all(month).inDistrict(district);
            long[] totals = new long[3];
            for (ListCounts c : lists.counts(query, CertificationLists.Level.DISTRICT)) {
                totals[0] += c.qualified();
                totals[1] += c.disqualified();
                totals[2] += c.toBeVerified();
            }
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "Lists of %s%s:", month, district == null ? "" : " in district " + district);
            EligibilityStatus[] all = EligibilityStatus.values();
            for (int i = 0; i < all.length; i++) {
                w.printf(Locale.ROOT, " %s %s %,d;", all[i].chinese(), ReasonWords.english(all[i]), totals[i]);
            }
            w.println();
            w.println(export.unmasked ? "  in full, watermarked (server operator, no export request)"
                    : "  masked and watermarked (server operator, no export request)");
            files.forEach(file -> w.println("  wrote " + file));
            w.flush();
            return 0;
        }
    }
}
