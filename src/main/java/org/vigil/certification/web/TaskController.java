package org.vigil.certification.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.vigil.certification.Operators;
import org.vigil.certification.TaskAttachment;
import org.vigil.certification.TaskException;
import org.vigil.certification.TaskPage;
import org.vigil.certification.TaskQuery;
import org.vigil.certification.TaskStatus;
import org.vigil.certification.VerificationMethod;
import org.vigil.certification.VerificationOutcome;
import org.vigil.certification.VerificationResult;
import org.vigil.certification.VerificationTask;
import org.vigil.certification.VerificationTasks;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffPrincipal;

/**
 * Verification tasks for community workers and employing units (CERT-12, CERT-13, CERT-19): the
 * tasks of a month, status or division; assigning them; recording what a verification found; and
 * the files kept with a task. A state change the task does not allow is a 409 that says why.
 */
@RestController
@RequestMapping("/api/certification/tasks")
class TaskController {

    private final VerificationTasks tasks;
    private final Masking masking;

    TaskController(VerificationTasks tasks, Clock clock) {
        this.tasks = tasks;
        this.masking = new Masking(clock);
    }

    record AssignmentRequest(@NotBlank @Size(max = Operators.MAX_LENGTH) String operator) {
    }

    record CommunityAssignmentRequest(@NotNull YearMonth month,
            @NotBlank @Pattern(regexp = "[0-9]{12}", message = "a 12-digit community code") String community,
            @NotBlank @Size(max = Operators.MAX_LENGTH) String operator) {
    }

    /** What a verification found; who found it is the signed-in account, never a name in the body. */
    record OutcomeRequest(@NotNull VerificationMethod method, @NotNull VerificationResult result,
            @Size(max = VerificationOutcome.MAX_NOTE) String note) {
    }

    record AssignedView(YearMonth month, String community, String operator, long assigned) {
    }

    record AttachmentView(String sha256, String name, String contentType, long size, String addedBy, Instant addedAt,
            String href) {

        static AttachmentView of(TaskAttachment a) {
            return new AttachmentView(a.sha256(), a.name(), a.contentType(), a.size(), a.addedBy(), a.addedAt(),
                    "/api/certification/tasks/" + a.taskId() + "/attachments/" + a.sha256());
        }
    }

    record TaskView(long id, YearMonth month, long recipientId, String idNumber, String name, String benefit,
            String benefitChinese, LocalDate periodEnd, String bucket, String bucketChinese,
            CertificationController.JurisdictionView jurisdiction, boolean homeVisit, String status, String statusChinese,
            Instant createdAt, String assignedTo, Instant assignedAt, String method, String methodChinese, String result,
            String resultChinese, String recordedBy, Instant verifiedAt, LocalDate verifiedOn, String note,
            List<AttachmentView> attachments) {
    }

    record TaskPageView(List<TaskView> items, long total, int page, int size) {
    }

    @Allowed(Permission.TASK_VIEW)
    @GetMapping
    TaskPageView list(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) TaskStatus status, @RequestParam(required = false) String district,
            @RequestParam(required = false) String street, @RequestParam(required = false) String community,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > CertificationController.MAX_SIZE) {
            throw new IllegalArgumentException("page is 0 or more and size 1 to " + CertificationController.MAX_SIZE
                    + ", found page " + page + " and size " + size + " / 页码须不小于0，每页条数须为1至"
                    + CertificationController.MAX_SIZE);
        }
        TaskPage p = tasks.page(new TaskQuery(Optional.ofNullable(month), Optional.ofNullable(status),
                Optional.ofNullable(district), Optional.ofNullable(street), Optional.ofNullable(community)), page, size);
        return new TaskPageView(p.tasks().stream().map(this::view).toList(), p.total(), p.page(), p.size());
    }

    @Allowed(Permission.TASK_VIEW)
    @GetMapping("/{id}")
    TaskView task(@PathVariable long id) {
        return view(tasks.find(id).orElseThrow(() -> TaskException.notFound(id)));
    }

    @Allowed(Permission.TASK_ASSIGN)
    @PostMapping("/{id}/assignment")
    TaskView assign(@PathVariable long id, @Valid @RequestBody AssignmentRequest request) {
        return view(tasks.assign(id, request.operator()));
    }

    /** Every open task of a month in a community to one worker; the employing units' tasks stay open. */
    @Allowed(Permission.TASK_ASSIGN)
    @PostMapping("/assignments")
    AssignedView assignCommunity(@Valid @RequestBody CommunityAssignmentRequest request) {
        return new AssignedView(request.month(), request.community(), request.operator(),
                tasks.assignCommunity(request.month(), request.community(), request.operator()));
    }

    @Allowed(Permission.VERIFICATION_RECORD)
    @PostMapping("/{id}/outcome")
    TaskView record(@PathVariable long id, @Valid @RequestBody OutcomeRequest request,
            @AuthenticationPrincipal StaffPrincipal who) {
        return view(tasks.record(id, new VerificationOutcome(request.method(), request.result(), who.username(),
                request.note())));
    }

    @Allowed(Permission.VERIFICATION_RECORD)
    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AttachmentView attach(@PathVariable long id, @RequestPart("file") MultipartFile file,
            @AuthenticationPrincipal StaffPrincipal who) {
        try (InputStream in = file.getInputStream()) {
            return AttachmentView.of(tasks.attach(id, file.getOriginalFilename(), file.getContentType(), in,
                    who.username()));
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file: " + e.getMessage(), e);
        }
    }

    @Allowed(Permission.TASK_VIEW)
    @GetMapping("/{id}/attachments/{sha256}")
    ResponseEntity<Resource> attachment(@PathVariable long id, @PathVariable String sha256) {
        VerificationTask task = tasks.find(id).orElseThrow(() -> TaskException.notFound(id));
        TaskAttachment a = task.attachments().stream().filter(x -> x.sha256().equals(sha256)).findFirst()
                .orElseThrow(() -> Problems.notFound("task " + id + " has no attachment " + sha256 + " / 无此附件"));
        Path file = tasks.attachmentFile(id, sha256).orElseThrow(() -> Problems.notFound(
                "the file of attachment " + sha256 + " is missing from the attachment folder / 附件文件缺失"));
        MediaType type = a.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(a.contentType());
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(a.name(), StandardCharsets.UTF_8).build().toString())
                .body(new FileSystemResource(file));
    }

    private TaskView view(VerificationTask t) {
        return new TaskView(t.id(), t.month(), t.recipientId(), masking.id(t.idNumber()), Masking.name(t.name()),
                t.benefit().name(), t.benefit().chinese(), t.periodEnd(), t.bucket().name(), t.bucket().chinese(),
                CertificationController.JurisdictionView.of(t.jurisdiction()), t.homeVisit(), t.status().name(),
                t.status().chinese(), t.createdAt(), t.assignedTo(), t.assignedAt(),
                t.method() == null ? null : t.method().name(), t.method() == null ? null : t.method().chinese(),
                t.result() == null ? null : t.result().name(), t.result() == null ? null : t.result().chinese(),
                t.recordedBy(), t.verifiedAt(), t.verifiedOn(), t.note(),
                t.attachments().stream().map(AttachmentView::of).toList());
    }
}
