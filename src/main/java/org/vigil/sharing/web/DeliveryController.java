package org.vigil.sharing.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffPrincipal;
import org.vigil.identity.FileProblem;
import org.vigil.sharing.DeliveryCounts;
import org.vigil.sharing.DeliveryIngestion;
import org.vigil.sharing.DeliveryLog;
import org.vigil.sharing.DeliveryReport;
import org.vigil.sharing.DeliveryRequest;
import org.vigil.sharing.DeliveryStatus;
import org.vigil.sharing.DeliverySummary;

/**
 * Deliveries over HTTP. An upload is written to a temporary file by the servlet container (never
 * held in memory whole), handed to the pipeline, and the temporary file removed: the pipeline
 * keeps its own copy under the file's hash.
 */
@RestController
@Allowed(Permission.DELIVERY_VIEW)
@RequestMapping("/api/deliveries")
class DeliveryController {

    private final DeliveryIngestion ingestion;
    private final DeliveryLog log;
    private final Clock clock;

    DeliveryController(DeliveryIngestion ingestion, DeliveryLog log, Clock clock) {
        this.ingestion = ingestion;
        this.log = log;
        this.clock = clock;
    }

    /** The pipeline's answer; the HTTP status says whether anything was applied. */
    record ReportView(long deliveryId, DeliveryStatus status, String reason, List<FileProblem> problems, String sha256,
            MetricsView counts) {

        static ReportView of(DeliveryReport r) {
            return new ReportView(r.deliveryId(), r.status(), r.reason().orElse(null), r.problems(), r.sha256(),
                    MetricsView.of(r.counts()));
        }
    }

    /** Counts with the five DATA-12 rates. */
    record MetricsView(long rowsRead, long accepted, long rejected, long review, long duplicates, long ageFiltered,
            long linked, long factsWritten, long lifeSignsWritten, double ingestionRate, double completenessRate,
            double recordedRate, double anomalyRate, double duplicateRate) {

        static MetricsView of(DeliveryCounts c) {
            return new MetricsView(c.rowsRead(), c.accepted(), c.rejected(), c.review(), c.duplicates(), c.ageFiltered(),
                    c.linked(), c.factsWritten(), c.lifeSignsWritten(), c.ingestionRate(), c.completenessRate(),
                    c.recordedRate(), c.anomalyRate(), c.duplicateRate());
        }
    }

    record DeliveryView(long id, String provider, String feed, String fileName, String sha256, long sizeBytes,
            String format, String encoding, YearMonth dataMonth, LocalDate asOf, String receivedAt,
            DeliveryStatus status, String reason, String decidedBy, String decisionReason, MetricsView metrics) {

        static DeliveryView of(DeliverySummary s) {
            return new DeliveryView(s.id(), s.provider(), s.feed(), s.fileName(), s.sha256(), s.sizeBytes(), s.format(),
                    s.encoding(), s.dataMonth(), s.asOf(), s.receivedAt().toString(), s.status(), s.reason().orElse(null),
                    s.decision().map(DeliverySummary.Decision::officer).orElse(null),
                    s.decision().map(DeliverySummary.Decision::reason).orElse(null), MetricsView.of(s.counts()));
        }
    }

    record Page(List<DeliveryView> items, long total, int offset, int limit) {
    }

    /** An officer's decision on a held delivery (DATA-13); the officer is the signed-in account. */
    record DecisionRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @Allowed(Permission.DELIVERY_UPLOAD)
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ReportView> upload(@RequestParam String provider, @RequestParam String feed,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestPart("file") MultipartFile file, @AuthenticationPrincipal StaffPrincipal who) throws IOException {
        if (who.provider() != null && !who.provider().equals(provider)) {
            // the writer that stores the delivery works at the system's scope, so the check is here
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "a department's account delivers for its own department only / 只能报送本单位的数据");
            problem.setTitle("Forbidden / 无权操作");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
        if (file.isEmpty()) {
            throw new IllegalArgumentException("the uploaded file is empty / 上传的文件为空");
        }
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        String name = Optional.ofNullable(file.getOriginalFilename()).map(DeliveryController::baseName)
                .filter(n -> !n.isBlank()).orElse("upload");
        Path temporary = Files.createTempFile("vigil-upload-", ".part");
        try {
            file.transferTo(temporary);
            DeliveryReport report = ingestion.ingest(new DeliveryRequest(provider, feed, temporary, name,
                    month != null ? month : YearMonth.from(date), date));
            HttpStatus status = switch (report.status()) {
                case APPLIED -> HttpStatus.CREATED;
                case ALREADY_APPLIED -> HttpStatus.OK;
                case QUARANTINED -> HttpStatus.ACCEPTED;
                case REFUSED, DISCARDED -> HttpStatus.UNPROCESSABLE_CONTENT;
            };
            return ResponseEntity.status(status).location(URI.create("/api/deliveries/" + report.deliveryId()))
                    .body(ReportView.of(report));
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

    @GetMapping
    Page list(@RequestParam Optional<String> provider, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        return new Page(log.recent(provider, offset, limit).stream().map(DeliveryView::of).toList(), log.count(provider),
                offset, limit);
    }

    @GetMapping("/{id}")
    ResponseEntity<DeliveryView> one(@PathVariable long id) {
        return log.find(id).map(DeliveryView::of).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
    }

    /** The rejects file, UTF-8 with a byte-order mark so that Excel opens the Chinese correctly. */
    @GetMapping(path = "/{id}/rejects.csv")
    void rejects(@PathVariable long id, HttpServletResponse response) throws IOException {
        if (log.find(id).isEmpty()) {
            response.sendError(HttpStatus.NOT_FOUND.value());
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"delivery-" + id + "-rejects.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        log.writeRejects(id, out);
        out.flush();
    }

    @Allowed(Permission.DELIVERY_RELEASE)
    @PostMapping("/{id}/release")
    ReportView release(@PathVariable long id, @Valid @RequestBody DecisionRequest decision,
            @AuthenticationPrincipal StaffPrincipal who) {
        return ReportView.of(ingestion.release(id, who.username(), decision.reason()));
    }

    @Allowed(Permission.DELIVERY_RELEASE)
    @PostMapping("/{id}/discard")
    ResponseEntity<Void> discard(@PathVariable long id, @Valid @RequestBody DecisionRequest decision,
            @AuthenticationPrincipal StaffPrincipal who) {
        ingestion.discard(id, who.username(), decision.reason());
        return ResponseEntity.noContent().build();
    }

    /**
     * A browser may send a full client path; only the last part names the file. Control characters
     * go: a NUL cannot be stored, and the name is listed and logged.
     */
    private static String baseName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1).replaceAll("\\p{Cntrl}", "");
    }
}
