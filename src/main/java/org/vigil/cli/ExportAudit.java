package org.vigil.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditEntry;
import org.vigil.governance.AuditTrail;
import org.vigil.governance.StaffPrincipal;

/**
 * Files of personal data written from the command line outside an export request are audited acts
 * (DATA-18, DATA-9): who exported what, and the files' SHA-256, so a file found later can be traced
 * to its export. An export that cannot be recorded does not stand: its files are removed. A staff
 * account's lists and ledgers are export requests instead, audited by governance (ADR 0032).
 */
final class ExportAudit {

    private ExportAudit() {
    }

    /**
     * The signed-in staff account (ADR 0026); without one, the server's operator, named by the
     * operating-system user.
     */
    static String actor() {
        return CommandAccess.signedIn().map(StaffPrincipal::username)
                .orElseGet(() -> "cli:" + System.getProperty("user.name", "unknown"));
    }

    static void record(ApplicationContext context, String subject, Map<String, String> detail, List<Path> files) {
        record(context, subject, null, detail, files);
    }

    /** @param purpose why the files were written ({@code governance.disclosure.Purpose}'s name), or null */
    static void record(ApplicationContext context, String subject, String purpose, Map<String, String> detail,
            List<Path> files) {
        Map<String, String> all = new TreeMap<>(detail);
        all.put("files", files.stream().map(f -> f.getFileName() + "@" + sha256(f)).collect(Collectors.joining(", ")));
        try {
            context.getBean(TransactionTemplate.class).executeWithoutResult(s -> context.getBean(AuditTrail.class)
                    .record(new AuditEntry(actor(), AuditAction.EXPORT, subject, purpose, all)));
        }
        catch (RuntimeException e) {
            for (Path f : files) {
                try {
                    Files.deleteIfExists(f);
                }
                catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new IllegalStateException("the export could not be recorded in the audit log, so its files were removed: "
                    + e.getMessage(), e);
        }
    }

    private static String sha256(Path file) {
        try (var in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (IOException e) {
            throw new IllegalStateException("could not read the exported file " + file + ": " + e.getMessage(), e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
