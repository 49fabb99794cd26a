package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.ApplicationContext;
import org.vigil.certification.CertificationExports;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffPrincipal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Export requests of the signed-in staff account (DATA-9, ADR 0032). Asking is {@code lists export}
 * or {@code ledgers export}; approving is the API's ({@code /api/exports/{id}/approve}).
 */
@Command(name = "exports", mixinStandardHelpOptions = true, description = "Your export requests.",
        subcommands = {ExportsCommand.Fetch.class})
final class ExportsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: fetch");
    }

    /** The file of an approved request, once, as {@code GET /api/exports/{id}/file} gives it. */
    @Allowed(Permission.EXPORT)
    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Write the file of your approved export request, once: watermarked, masked unless the "
                    + "approved request asked for data in full, and recorded with its SHA-256 before it is written. "
                    + "Needs a staff account (VIGIL_CLI_STAFF).")
    static final class Fetch implements Callable<Integer>, RunsInContext {

        @Spec
        CommandSpec spec;

        @Option(names = "--request", required = true, paramLabel = "ID", description = "The request's id.")
        long request;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The XLSX file to write.")
        Path out;

        @Override
        public Integer call() {
            validate();
            return inApplication();
        }

        void validate() {
            Path folder = out.toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                throw new ParameterException(spec.commandLine(), "--out must be a file in an existing folder");
            }
        }

        @Override
        public int execute(ApplicationContext context) {
            validate();
            StaffPrincipal who = CommandAccess.signedIn().orElseThrow(() -> new CommandAccess.Refused(
                    "an export request is a staff account's: set VIGIL_CLI_STAFF to your username "
                            + "/ 请以工作人员账号领取导出文件"));
            CertificationExports.ExportFile file = CommandLineExports.fetch(context, who, request, out);
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "Export request %s: %,d row(s), %s, watermarked; wrote %s (SHA-256 %s)%n",
                    file.request().number(), file.rows(), file.request().unmasked() ? "in full" : "masked", out,
                    file.sha256());
            w.flush();
            return 0;
        }
    }
}
