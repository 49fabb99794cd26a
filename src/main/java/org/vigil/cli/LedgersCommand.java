package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.certification.CertificationLists;
import org.vigil.certification.DueBucket;
import org.vigil.certification.ExportScope;
import org.vigil.certification.LedgerCounts;
import org.vigil.certification.LedgerExport;
import org.vigil.certification.LedgerKind;
import org.vigil.certification.LedgerQuery;
import org.vigil.certification.Ledgers;
import org.vigil.certification.ListExport;
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
 * The ledgers of a verified month (CERT-11, CERT-14) as files for the districts, streets and
 * communities that work through them. Reads the database, so it starts the application without
 * the web server.
 */
@Command(name = "ledgers", mixinStandardHelpOptions = true,
        description = "The ledgers of a verified month: due within 1-3 months, to be verified, home visits.",
        subcommands = {LedgersCommand.Export.class, LedgersCommand.RemindersFile.class})
final class LedgersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: export or reminders");
    }

    @Allowed(Permission.EXPORT)
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a month's ledger by district, street and community, with Chinese headers, as a CSV file "
                    + "and its summary or one XLSX workbook. Under export control as 'lists export' is: an export "
                    + "request of a signed-in staff account (XLSX only; exit code 75 while it waits for approval), "
                    + "masked and watermarked files for the server's operator.")
    static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--month", required = true, paramLabel = "yyyy-MM", description = "The verified month.")
        YearMonth month;

        @Option(names = "--kind", required = true, paramLabel = "due|verify|home-visit",
                description = "due: periods ending within 1, 2 or 3 months (第二十条); verify: the to-be-verified list; "
                        + "home-visit: the aged, sick and disabled among them (第二十三条).")
        String kind;

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

        /** The ledger and format asked for; a wrong option is a usage error, before anything starts. */
        Choice validate() {
            OptionChecks.district(spec, district);
            export.validate(spec);
            LedgerKind k;
            try {
                k = LedgerKind.parse(kind);
            }
            catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--kind is due, verify or home-visit, not " + kind);
            }
            ListExport.Format f = OptionChecks.format(spec, format);
            return new Choice(k, f);
        }

        record Choice(LedgerKind kind, ListExport.Format format) {
        }

        int execute(ApplicationContext context) {
            Choice choice = validate();
            if (context.getBean(CertificationLists.class).run(month).isEmpty()) {
                throw new IllegalStateException("month " + month + " has not been verified; run: vigil verify --month "
                        + month);
            }
            Optional<StaffPrincipal> who = CommandAccess.signedIn();
            if (who.isPresent()) {
                ExportScope scope = new ExportScope(ExportScope.Kind.LEDGER, month, Optional.ofNullable(district),
                        Optional.empty(), Optional.of(choice.kind()));
                return CommandLineExports.asRequest(context, spec, who.get(), scope, choice.format(), export.purpose,
                        export.note, export.unmasked, out);
            }
            long started = System.nanoTime();
            List<Path> files = CommandLineExports.asOperator(context, "ledger:" + month + "/" + choice.kind().code()
                    + (district == null ? "" : "/" + district), choice.format(), export.purpose, export.note,
                    export.unmasked, mark -> context.getBean(LedgerExport.class).export(month, choice.kind(),
                            choice.format(), out, Optional.ofNullable(district), mark, !export.unmasked));
            long millis = (System.nanoTime() - started) / 1_000_000;
            LedgerQuery query = LedgerQuery.of(month, choice.kind());
            if (district != null) {
                query = query.inDistrict(district);
            }
            long[] byBucket = new long[DueBucket.values().length];
            long total = 0;
            for (LedgerCounts c : context.getBean(Ledgers.class).counts(query, CertificationLists.Level.DISTRICT)) {
                for (DueBucket b : DueBucket.values()) {
                    byBucket[b.ordinal()] += c.count(b);
                }
                total += c.total();
            }
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "%s %s of %s%s: %,d line(s);", choice.kind().chinese(), choice.kind().code(), month,
                    district == null ? "" : " in district " + district, total);
            for (DueBucket b : DueBucket.values()) {
                if (byBucket[b.ordinal()] > 0) {
                    w.printf(Locale.ROOT, " %s %,d;", b.chinese(), byBucket[b.ordinal()]);
                }
            }
            w.printf(Locale.ROOT, " written in %.1f s%n", millis / 1000.0);
            w.println(export.unmasked ? "  in full, watermarked (server operator, no export request)"
                    : "  masked and watermarked (server operator, no export request)");
            files.forEach(file -> w.println("  wrote " + file));
            w.flush();
            return 0;
        }
    }

    /** The text messages of 第二十一条 for the messaging gateway: who to remind, and what to say. */
    @Allowed(Permission.TASK_ASSIGN)
    @Command(name = "reminders", mixinStandardHelpOptions = true,
            description = "Write the month's certification reminders (第二十一条) as a CSV file for the messaging gateway: "
                    + "mobile, ID number, name, message, for those whose period ends within the ledger months or has ended.")
    static final class RemindersFile implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--month", required = true, paramLabel = "yyyy-MM", description = "The verified month.")
        YearMonth month;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
        Path out;

        @Option(names = "--district", paramLabel = "CODE", description = "Only this district (6-digit code).")
        String district;

        @Override
        public Integer call() throws java.io.IOException {
            OptionChecks.district(spec, district);
            try (ConfigurableApplicationContext context = ServerLifecycle.startWithoutWeb()) {
                if (context.getBean(CertificationLists.class).run(month).isEmpty()) {
                    throw new IllegalStateException("month " + month + " has not been verified; run: vigil verify --month "
                            + month);
                }
                LedgerQuery query = LedgerQuery.of(month, LedgerKind.DUE);
                if (district != null) {
                    query = query.inDistrict(district);
                }
                long[] counts = new long[2];
                java.nio.file.Path partial = out.resolveSibling(out.getFileName() + ".partial");
                try (java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(partial,
                        java.nio.charset.StandardCharsets.UTF_8)) {
                    w.write("手机号码,身份证号,姓名,短信内容\n");
                    java.io.IOException[] failure = new java.io.IOException[1];
                    context.getBean(Ledgers.class).forEach(query, line -> {
                        counts[0]++;
                        org.vigil.certification.Reminders.forLine(line).ifPresent(r -> {
                            counts[1]++;
                            try {
                                w.write(r.mobile() + "," + r.idNumber() + "," + r.name() + "," + r.message() + "\n");
                            } catch (java.io.IOException e) {
                                failure[0] = e;
                            }
                        });
                    });
                    if (failure[0] != null) {
                        throw failure[0];
                    }
                }
                java.nio.file.Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                ExportAudit.record(context, "reminders:" + month + (district == null ? "" : "/" + district),
                        Map.of("reminders", Long.toString(counts[1])), List.of(out));
                PrintWriter p = spec.commandLine().getOut();
                p.printf(Locale.ROOT, "%,d reminder(s) for %,d recipient(s) on the due ledger of %s (the others have no mobile "
                        + "number or a verification done); wrote %s%n", counts[1], counts[0], month, out);
                p.flush();
            }
            return 0;
        }
    }
}
