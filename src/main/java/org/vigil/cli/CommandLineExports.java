package org.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.context.ApplicationContext;
import org.vigil.certification.CertificationExports;
import org.vigil.certification.ExportScope;
import org.vigil.certification.ListExport;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.disclosure.ExportRequest;
import org.vigil.governance.disclosure.ExportStatus;
import org.vigil.governance.disclosure.Purpose;
import org.vigil.governance.disclosure.Watermark;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The command line's exports of personal data under the control the API's are under (DATA-9,
 * ADR 0032). A signed-in staff account's export is an export request of that account, produced by
 * certification's {@link CertificationExports} exactly as the REST file is. The server's operator,
 * without an account, writes the files as before but masked and watermarked with the
 * operating-system user, unless {@code --unmasked} is asked on a server that does not require staff
 * accounts (development and demonstrations).
 */
final class CommandLineExports {

    /**
     * The exit code of an export request that waits for another person's approval: sysexits'
     * EX_TEMPFAIL, "try again later", which is what {@code vigil exports fetch} does once approved.
     */
    static final int PENDING = 75;

    private CommandLineExports() {
    }

    /**
     * The export as an export request of the signed-in account: written into the folder at once
     * when approved at once, otherwise its number and how to fetch it once approved.
     *
     * @return 0 when written, {@link #PENDING} when it waits
     */
    static int asRequest(ApplicationContext context, CommandSpec spec, StaffPrincipal who, ExportScope scope,
            ListExport.Format format, Purpose why, String note, boolean unmasked, Path folder) {
        if (format != ListExport.Format.XLSX) {
            // the controlled file is the watermarked workbook the API hands out; a second format would be a second rule
            throw new ParameterException(spec.commandLine(), "a staff account's export is the watermarked workbook of an "
                    + "export request: use --format xlsx / 工作人员导出仅支持 xlsx");
        }
        ExportRequest r = context.getBean(CertificationExports.class).request(who, scope, why, note, unmasked);
        PrintWriter w = spec.commandLine().getOut();
        if (r.status() != ExportStatus.APPROVED) {
            w.printf(Locale.ROOT, "Export request %s (id %d) for %,d row(s)%s waits for approval by another person "
                    + "who may approve exports / 待审批. Once approved: vigil exports fetch --request %d --out FILE%n",
                    r.number(), r.id(), r.estimatedRows(), r.unmasked() ? ", in full," : "", r.id());
            w.flush();
            return PENDING;
        }
        try {
            Files.createDirectories(folder);
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not create " + folder + ": " + e.getMessage(), e);
        }
        Path target = folder.resolve(scope.fileName(r.number()));
        CertificationExports.ExportFile file = fetch(context, who, r.id(), target);
        w.printf(Locale.ROOT, "Export request %s approved at once (%,d row(s), at or under the approval threshold); "
                + "%s, watermarked%n", r.number(), file.rows(), file.request().unmasked() ? "in full" : "masked");
        w.println("  wrote " + target + " (SHA-256 " + file.sha256() + ")");
        w.flush();
        return 0;
    }

    /**
     * Produces the approved request's file, recorded before it is moved into place; the file is
     * written beside its target, owner-only, so a partial one never carries the target's name.
     */
    static CertificationExports.ExportFile fetch(ApplicationContext context, StaffPrincipal who, long requestId,
            Path target) {
        Path folder = target.toAbsolutePath().getParent();
        Path partial;
        try {
            partial = Files.createTempFile(folder, ".vigil-export-", ".partial");
        }
        catch (IOException e) {
            throw new UncheckedIOException("no room for the export's file in " + folder + ": " + e.getMessage(), e);
        }
        CertificationExports.ExportFile produced;
        try {
            produced = context.getBean(CertificationExports.class).produce(who, requestId, partial);
        }
        catch (RuntimeException e) {
            // refused before anything was written, or failed: produce removed what it wrote, this removes the empty file
            try {
                Files.deleteIfExists(partial);
            }
            catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            // the export is recorded and spent: keep its file where it is rather than lose it
            throw new UncheckedIOException("export " + produced.request().number() + " was recorded but could not be "
                    + "moved to " + target + "; it is in " + partial + ": " + e.getMessage(), e);
        }
        return new CertificationExports.ExportFile(target, produced.fileName(), produced.sha256(), produced.rows(),
                produced.request());
    }

    /**
     * The operator's export: the files as before, masked unless {@code unmasked}, watermarked with
     * the operating-system user, and audited with their SHA-256 by {@link ExportAudit}.
     *
     * @param write writes the files with the watermark and masking given
     */
    static List<Path> asOperator(ApplicationContext context, String subject, ListExport.Format format, Purpose why,
            String note, boolean unmasked, Function<Watermark, List<Path>> write) {
        if (unmasked && context.getEnvironment().getProperty("vigil.cli.require-staff", Boolean.class, false)) {
            // a production server: data in full is an export request of a person, approved by another
            throw new CommandAccess.Refused("--unmasked without a staff account is for development and demonstration "
                    + "servers; this server requires a staff account / 本服务器不允许操作员导出明文");
        }
        Watermark mark = Watermark.operator(System.getProperty("user.name", "unknown"),
                ZonedDateTime.now(context.getBean(Clock.class)), why, note);
        List<Path> files = write.apply(mark);
        Map<String, String> detail = new TreeMap<>();
        detail.put("format", format.name());
        detail.put("masked", Boolean.toString(!unmasked));
        detail.put("watermark", mark.text());
        if (note != null && !note.isBlank()) {
            detail.put("note", note);
        }
        ExportAudit.record(context, subject, why.name(), detail, files);
        return files;
    }
}
