package org.vigil.certification.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.stereotype.Service;
import org.vigil.certification.CertificationExports;
import org.vigil.certification.CertificationLists;
import org.vigil.certification.DueBucket;
import org.vigil.certification.EligibilityStatus;
import org.vigil.certification.ExportScope;
import org.vigil.certification.LedgerCounts;
import org.vigil.certification.LedgerExport;
import org.vigil.certification.Ledgers;
import org.vigil.certification.ListCounts;
import org.vigil.certification.ListExport;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.disclosure.DisclosureRefusedException;
import org.vigil.governance.disclosure.ExportRequest;
import org.vigil.governance.disclosure.Exports;
import org.vigil.governance.disclosure.Purpose;
import org.vigil.governance.disclosure.Watermark;

/**
 * The lists and ledgers as controlled exports. The row count of a request is read from the stored
 * month, never taken from the caller, so the approval threshold and the quota weigh what will be in
 * the file. The file is written while its SHA-256 is computed, then recorded; only then may the
 * caller hand it out.
 */
@Service
class ControlledExports implements CertificationExports {

    private final CertificationLists lists;
    private final Ledgers ledgers;
    private final ListExport listFiles;
    private final LedgerExport ledgerFiles;
    private final Exports exports;

    ControlledExports(CertificationLists lists, Ledgers ledgers, ListExport listFiles, LedgerExport ledgerFiles,
            Exports exports) {
        this.lists = lists;
        this.ledgers = ledgers;
        this.listFiles = listFiles;
        this.ledgerFiles = ledgerFiles;
        this.exports = exports;
    }

    @Override
    public ExportRequest request(StaffPrincipal who, ExportScope scope, Purpose why, String note, boolean unmasked) {
        if (lists.run(scope.month()).isEmpty()) {
            throw new IllegalArgumentException("month " + scope.month() + " has not been verified / 该月尚未核验");
        }
        return exports.requestExport(who, scope.kind().code(), scope.filter(), rows(scope), why, note, unmasked);
    }

    /** The rows the export will hold: the entries of the list(s) or the ledger's lines in its divisions. */
    private long rows(ExportScope scope) {
        long rows = 0;
        if (scope.kind() == ExportScope.Kind.LIST) {
            for (ListCounts c : lists.counts(scope.listQuery(), CertificationLists.Level.DISTRICT)) {
                rows += scope.status().map(s -> s == EligibilityStatus.QUALIFIED ? c.qualified()
                        : s == EligibilityStatus.DISQUALIFIED ? c.disqualified() : c.toBeVerified()).orElse(c.total());
            }
        }
        else {
            for (LedgerCounts c : ledgers.counts(scope.ledgerQuery(), CertificationLists.Level.DISTRICT)) {
                for (DueBucket b : DueBucket.values()) {
                    rows += c.count(b);
                }
            }
        }
        return rows;
    }

    @Override
    public ExportFile produce(StaffPrincipal who, long requestId, Path file) {
        Watermark mark = exports.watermark(who, requestId);
        ExportRequest request = exports.find(requestId).orElseThrow();
        ExportScope scope;
        try {
            scope = ExportScope.of(request.kind(), request.filter());
        }
        catch (IllegalArgumentException e) {
            throw new DisclosureRefusedException(DisclosureRefusedException.Reason.CONFLICT, "export "
                    + request.number() + " is not one certification produces: " + e.getMessage());
        }
        boolean masked = !request.unmasked();
        MessageDigest sha256 = sha256();
        long rows;
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), sha256)) {
            rows = scope.kind() == ExportScope.Kind.LIST ? listFiles.write(scope.listQuery(), mark, masked, out)
                    : ledgerFiles.write(scope.ledgerQuery(), mark, masked, out);
        }
        catch (IOException e) {
            delete(file, e);
            throw new UncheckedIOException("could not write export " + request.number() + ": " + e.getMessage(), e);
        }
        catch (RuntimeException e) {
            delete(file, e);
            throw e;
        }
        String hex = HexFormat.of().formatHex(sha256.digest());
        try {
            ExportRequest recorded = exports.recordExport(who, mark, hex, rows);
            return new ExportFile(file, scope.fileName(request.number()), hex, rows, recorded);
        }
        catch (RuntimeException e) {
            // a file whose export was not recorded must not reach anyone
            delete(file, e);
            throw e;
        }
    }

    private static void delete(Path file, Exception cause) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
