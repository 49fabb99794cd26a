package org.vigil.governance.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.lawenforcement.AccessScope;
import org.vigil.governance.lawenforcement.AccessWindow;
import org.vigil.governance.lawenforcement.ApprovalDocument;
import org.vigil.governance.lawenforcement.CredentialType;
import org.vigil.governance.lawenforcement.DataCategory;
import org.vigil.governance.lawenforcement.LawEnforcementDraft;
import org.vigil.governance.lawenforcement.LawEnforcementException;
import org.vigil.governance.lawenforcement.LawEnforcementProblem;
import org.vigil.governance.lawenforcement.LawEnforcementRegister;
import org.vigil.governance.lawenforcement.LawEnforcementRequest;
import org.vigil.governance.lawenforcement.Officer;
import org.vigil.governance.lawenforcement.Release;
import org.vigil.governance.lawenforcement.ReleaseItem;
import org.vigil.governance.lawenforcement.RequestStatus;
import org.vigil.governance.lawenforcement.Supervisor;
import org.vigil.identity.ResidentId;

/**
 * The law-enforcement access register over HTTP (DATA-11): a liaison registers a request with the
 * approval document's scan and records what is released; someone allowed to approve decides it.
 * Person ID numbers travel only in request bodies, never in a URL, so they stay out of access logs.
 */
@RestController
@RequestMapping("/api/law-enforcement")
class LawEnforcementController {

    private final LawEnforcementRegister register;
    private final Clock clock;

    LawEnforcementController(LawEnforcementRegister register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    record OfficerBody(@NotBlank @Size(max = 64) String name, @NotNull CredentialType credentialType,
            @NotBlank @Size(max = 40) String credentialNumber) {
    }

    record SupervisorBody(@NotBlank @Size(max = 64) String name, @NotBlank @Size(max = 100) String post,
            @Size(max = 32) String account) {
    }

    /** The request part of a registration; the approval document's scan comes as the part {@code approval}. */
    record RegisterBody(@NotBlank @Size(max = 64) String caseNumber, @NotBlank @Size(max = 100) String requestingAgency,
            @NotBlank @Size(max = 500) String purpose, @NotBlank @Size(max = 200) String legalBasis,
            @NotBlank @Size(max = 100) String approvalNumber, @NotEmpty Set<@NotNull DataCategory> categories,
            @NotEmpty @Size(max = AccessScope.MAX_PERSONS) List<@NotBlank String> persons,
            @NotNull @Size(min = LawEnforcementDraft.MIN_OFFICERS, max = LawEnforcementDraft.MAX_OFFICERS,
                    message = "at least two officers and at most ten (004 第十二条) / 须有两名以上执法人员（至多十名）")
            List<@Valid @NotNull OfficerBody> officers,
            @NotNull OffsetDateTime windowFrom, @NotNull OffsetDateTime windowTo, @NotNull @Valid SupervisorBody supervisor,
            @AssertTrue(message = "the officers must undertake to keep the data confidential / 执法人员须承诺保密")
            boolean confidentialityUndertaken) {
    }

    record NoteBody(@Size(max = 500) String note) {
    }

    record ReasonBody(@NotBlank @Size(max = 500) String reason) {
    }

    record ItemBody(@NotNull DataCategory category, @NotBlank @Size(max = 32) String person) {
    }

    record ReleaseBody(@NotEmpty @Size(max = 10_000) List<@Valid @NotNull ItemBody> items,
            @Pattern(regexp = "[0-9a-fA-F]{64}") String fileSha256) {
    }

    record PersonBody(@NotBlank @Size(max = 32) String person) {
    }

    /** A request as the register shows it, with the state's Chinese name for the console. */
    record RequestView(long id, String caseNumber, String requestingAgency, String purpose, String legalBasis,
            String approvalNumber, Set<DataCategory> categories, int persons,
            List<LawEnforcementRequest.RegisteredOfficer> officers, LawEnforcementRequest.DocumentInfo approval,
            Instant windowFrom, Instant windowTo, Supervisor supervisor, RequestStatus status, String statusChinese,
            String registeredBy, Instant registeredAt, String decidedBy, Instant decidedAt, String decisionNote,
            String closedBy, Instant closedAt, String closingNote, int releases, int releasedItems,
            List<LawEnforcementRequest.Notice> notices) {

        static RequestView of(LawEnforcementRequest r) {
            return new RequestView(r.id(), r.caseNumber(), r.requestingAgency(), r.purpose(), r.legalBasis(),
                    r.approvalNumber(), r.categories(), r.persons(), r.officers(), r.approval(), r.window().from(),
                    r.window().to(), r.supervisor(), r.status(), r.status().chinese(), r.registeredBy(),
                    r.registeredAt(), r.decidedBy(), r.decidedAt(), r.decisionNote(), r.closedBy(), r.closedAt(),
                    r.closingNote(), r.releases(), r.releasedItems(), r.notices());
        }
    }

    @PostMapping(path = "/requests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Allowed(Permission.LAW_ENFORCEMENT_REGISTER)
    ResponseEntity<RequestView> register(@Valid @RequestPart("request") RegisterBody body,
            @RequestPart("approval") MultipartFile approval, @AuthenticationPrincipal StaffPrincipal by) {
        if (approval.getSize() > register.limits().maxDocumentBytes()) {
            throw new LawEnforcementException(LawEnforcementProblem.DOCUMENT_TOO_LARGE, "approval",
                    "at most " + register.limits().maxDocumentBytes() + " bytes");
        }
        byte[] scan;
        try {
            scan = approval.getBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded approval document", e);
        }
        List<Officer> officers = body.officers().stream()
                .map(o -> Officer.of(o.name(), o.credentialType(), o.credentialNumber())).toList();
        LawEnforcementDraft draft = new LawEnforcementDraft(body.caseNumber(), body.requestingAgency(), body.purpose(),
                body.legalBasis(), body.approvalNumber(), new AccessScope(body.categories(), persons(body.persons())),
                officers, ApprovalDocument.of(approval.getOriginalFilename(), scan),
                new AccessWindow(body.windowFrom().toInstant(), body.windowTo().toInstant()),
                new Supervisor(body.supervisor().name(), body.supervisor().post(), body.supervisor().account()),
                body.confidentialityUndertaken());
        LawEnforcementRequest registered = register.register(draft, by);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(registered.id())
                .toUri();
        return ResponseEntity.created(location).body(RequestView.of(registered));
    }

    @GetMapping("/requests")
    @Allowed({Permission.LAW_ENFORCEMENT_REGISTER, Permission.LAW_ENFORCEMENT_APPROVE, Permission.AUDIT_VIEW})
    List<RequestView> recent(@RequestParam(defaultValue = "50") int limit) {
        return register.recent(limit).stream().map(RequestView::of).toList();
    }

    @GetMapping("/requests/{id}")
    @Allowed({Permission.LAW_ENFORCEMENT_REGISTER, Permission.LAW_ENFORCEMENT_APPROVE, Permission.AUDIT_VIEW})
    RequestView get(@PathVariable long id) {
        return RequestView.of(register.find(id).orElseThrow(() -> new LawEnforcementException(
                LawEnforcementProblem.UNKNOWN_REQUEST, null, Long.toString(id))));
    }

    @GetMapping("/requests/{id}/approval-document")
    @Allowed({Permission.LAW_ENFORCEMENT_REGISTER, Permission.LAW_ENFORCEMENT_APPROVE, Permission.AUDIT_VIEW})
    ResponseEntity<byte[]> approvalDocument(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal by) {
        ApprovalDocument document = register.approvalDocument(id, by);
        String name = document.fileName() != null ? document.fileName()
                : "approval-" + id + "." + document.format().name().toLowerCase(Locale.ROOT);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(document.format().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
                .eTag("\"" + document.sha256() + "\"").body(document.content());
    }

    @PostMapping("/requests/{id}/approval")
    @Allowed(Permission.LAW_ENFORCEMENT_APPROVE)
    RequestView approve(@PathVariable long id, @Valid @RequestBody(required = false) NoteBody body,
            @AuthenticationPrincipal StaffPrincipal by) {
        return RequestView.of(register.approve(id, body == null ? null : body.note(), by));
    }

    @PostMapping("/requests/{id}/rejection")
    @Allowed(Permission.LAW_ENFORCEMENT_APPROVE)
    RequestView reject(@PathVariable long id, @Valid @RequestBody ReasonBody body,
            @AuthenticationPrincipal StaffPrincipal by) {
        return RequestView.of(register.reject(id, body.reason(), by));
    }

    @PostMapping("/requests/{id}/closure")
    @Allowed({Permission.LAW_ENFORCEMENT_REGISTER, Permission.LAW_ENFORCEMENT_APPROVE})
    RequestView close(@PathVariable long id, @Valid @RequestBody(required = false) NoteBody body,
            @AuthenticationPrincipal StaffPrincipal by) {
        return RequestView.of(register.close(id, body == null ? null : body.note(), by));
    }

    @PostMapping("/requests/{id}/releases")
    @Allowed(Permission.LAW_ENFORCEMENT_REGISTER)
    ResponseEntity<Release> release(@PathVariable long id, @Valid @RequestBody ReleaseBody body,
            @AuthenticationPrincipal StaffPrincipal by) {
        List<ReleaseItem> items = new ArrayList<>(body.items().size());
        for (int i = 0; i < body.items().size(); i++) {
            ItemBody item = body.items().get(i);
            items.add(new ReleaseItem(item.category(), person(item.person(), "items[" + i + "].person")));
        }
        Release release = register.release(id, items, body.fileSha256(), by);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{release}")
                .buildAndExpand(release.id()).toUri();
        return ResponseEntity.created(location).body(release);
    }

    @GetMapping("/requests/{id}/releases")
    @Allowed({Permission.LAW_ENFORCEMENT_REGISTER, Permission.LAW_ENFORCEMENT_APPROVE, Permission.AUDIT_VIEW})
    List<Release> releases(@PathVariable long id) {
        if (register.find(id).isEmpty()) {
            throw new LawEnforcementException(LawEnforcementProblem.UNKNOWN_REQUEST, null, Long.toString(id));
        }
        return register.releases(id);
    }

    /** Which requests named a person: a POST, so the ID number is in the body and not in a URL. */
    @PostMapping("/person-lookups")
    @Allowed({Permission.LAW_ENFORCEMENT_REGISTER, Permission.LAW_ENFORCEMENT_APPROVE, Permission.AUDIT_VIEW})
    List<Long> requestsConcerning(@Valid @RequestBody PersonBody body, @AuthenticationPrincipal StaffPrincipal by) {
        return register.requestsConcerning(person(body.person(), "person"), by);
    }

    private Set<ResidentId> persons(List<String> raw) {
        Set<ResidentId> persons = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            persons.add(person(raw.get(i), "persons[" + i + "]"));
        }
        return persons;
    }

    /** An ID number read as the kernel reads them; a wrong one is named by its place, never echoed. */
    private ResidentId person(String raw, String field) {
        return ResidentId.parse(raw, clock).toOptional()
                .orElseThrow(() -> new LawEnforcementException(LawEnforcementProblem.PERSON_ID, field, field));
    }
}
