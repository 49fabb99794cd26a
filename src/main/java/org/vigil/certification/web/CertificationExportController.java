package org.vigil.certification.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.certification.CertificationExports;
import org.vigil.certification.EligibilityStatus;
import org.vigil.certification.ExportScope;
import org.vigil.certification.LedgerKind;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.disclosure.Disclosures;
import org.vigil.governance.disclosure.ExportRequest;
import org.vigil.governance.disclosure.Purpose;

/**
 * Controlled exports of the lists and ledgers (DATA-9): asking for one, and producing the file of
 * an approved one, watermarked and recorded before it is sent. Seeing, approving and rejecting
 * requests is governance's ({@code /api/exports/mine}, {@code /pending}, {@code /{id}/approve}).
 */
@RestController
@RequestMapping("/api/exports")
class CertificationExportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CertificationExports exports;

    CertificationExportController(CertificationExports exports) {
        this.exports = exports;
    }

    /**
     * @param unmasked ID numbers, names and phones in full: only for a role that may unmask, and always approved by
     *                 a second person; absent means masked
     */
    record ExportBody(@NotNull ExportScope.Kind kind, @NotNull YearMonth month,
            @Pattern(regexp = "[0-9]{6}", message = "a 6-digit district code") String district,
            EligibilityStatus status, LedgerKind ledger, @NotNull Purpose purpose,
            @Size(max = Disclosures.MAX_NOTE) String note, Boolean unmasked) {

        ExportScope scope() {
            return new ExportScope(kind, month, Optional.ofNullable(district), Optional.ofNullable(status),
                    Optional.ofNullable(ledger));
        }
    }

    record RequestedView(long id, String number, String kind, Map<String, String> filter, long estimatedRows,
            String purpose, String purposeChinese, boolean unmasked, String status, String statusChinese,
            Instant requestedAt, String decidedBy) {

        static RequestedView of(ExportRequest r) {
            return new RequestedView(r.id(), r.number(), r.kind(), r.filter(), r.estimatedRows(), r.purpose().name(),
                    r.purpose().chinese(), r.unmasked(), r.status().name(), r.status().chinese(), r.requestedAt(),
                    r.decidedBy());
        }
    }

    @PostMapping
    @Allowed(Permission.EXPORT)
    ResponseEntity<RequestedView> request(@AuthenticationPrincipal StaffPrincipal who,
            @Valid @RequestBody ExportBody body) {
        ExportRequest r = exports.request(who, body.scope(), body.purpose(), body.note(),
                Boolean.TRUE.equals(body.unmasked()));
        return ResponseEntity.created(URI.create("/api/exports/" + r.id())).body(RequestedView.of(r));
    }

    /**
     * The file, once: written to a temporary file owned by this process, recorded, then streamed
     * and removed as the stream closes. Its SHA-256 travels in {@code Repr-Digest} (RFC 9530).
     */
    @GetMapping("/{id}/file")
    @Allowed(Permission.EXPORT)
    ResponseEntity<Resource> file(@AuthenticationPrincipal StaffPrincipal who, @PathVariable long id) {
        Path tmp;
        try {
            tmp = Files.createTempFile("vigil-export-", ".xlsx");
        }
        catch (IOException e) {
            throw new UncheckedIOException("no room for the export's file: " + e.getMessage(), e);
        }
        CertificationExports.ExportFile produced;
        try {
            produced = exports.produce(who, id, tmp);
        }
        catch (RuntimeException e) {
            // refused before anything was written, or failed: the empty or partial file must not stay behind
            remove(tmp, e);
            throw e;
        }
        try {
            long size = Files.size(produced.file());
            Resource body = new InputStreamResource(Files.newInputStream(produced.file(),
                    StandardOpenOption.DELETE_ON_CLOSE));
            return ResponseEntity.ok().contentType(XLSX).contentLength(size).cacheControl(CacheControl.noStore())
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(produced.fileName(), StandardCharsets.UTF_8).build().toString())
                    .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                            HexFormat.of().parseHex(produced.sha256())) + ":")
                    .body(body);
        }
        catch (IOException e) {
            remove(produced.file(), e);
            throw new UncheckedIOException("could not open the export's file: " + e.getMessage(), e);
        }
    }

    private static void remove(Path file, Exception cause) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }
}
