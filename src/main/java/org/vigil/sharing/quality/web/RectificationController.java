package org.vigil.sharing.quality.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffPrincipal;
import org.vigil.sharing.quality.NewRectification;
import org.vigil.sharing.quality.QualityException;
import org.vigil.sharing.quality.QualityIssue;
import org.vigil.sharing.quality.Rectification;
import org.vigil.sharing.quality.RectificationStatus;
import org.vigil.sharing.quality.Rectifications;

/** Rectification requirements and their follow-up (DATA-13). */
@RestController
@Allowed(Permission.QUALITY_VIEW)
@RequestMapping("/api/quality/rectifications")
class RectificationController {

    private final Rectifications rectifications;
    private final Clock clock;

    RectificationController(Rectifications rectifications, Clock clock) {
        this.rectifications = rectifications;
        this.clock = clock;
    }

    /** Notices by provider and status as of a day (default today), newest first. */
    @GetMapping
    List<Views.RectificationView> list(@RequestParam(required = false) String provider,
            @RequestParam(required = false) RectificationStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return rectifications.list(Optional.ofNullable(provider), Optional.ofNullable(status), day(asOf)).stream()
                .map(Views.RectificationView::of).toList();
    }

    /** Notices open past their deadline on a day (default today), oldest deadline first. */
    @GetMapping("/overdue")
    List<Views.RectificationView> overdue(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return rectifications.overdue(day(asOf)).stream().map(Views.RectificationView::of).toList();
    }

    @GetMapping("/{id}")
    Views.RectificationView get(@PathVariable long id) {
        return Views.RectificationView.of(rectifications.find(id, LocalDate.now(clock))
                .orElseThrow(() -> new QualityException(QualityException.Kind.NOT_FOUND,
                        "没有整改要求 " + id + " / no rectification notice " + id)));
    }

    /** A notice issued by hand, after a spot check, by the signed-in account. */
    record IssueRequest(@NotBlank String provider, @NotBlank String feed, @NotNull QualityIssue issue,
            @NotNull YearMonth month, @NotBlank @Size(max = 2000) String finding) {
    }

    @Allowed(Permission.QUALITY_MANAGE)
    @PostMapping
    ResponseEntity<Views.RectificationView> issue(@Valid @RequestBody IssueRequest request,
            @AuthenticationPrincipal StaffPrincipal who) {
        Rectification r = rectifications.issue(new NewRectification(request.provider(), request.feed(), request.issue(),
                request.month(), request.finding(), who.username()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(r.id()).toUri();
        return ResponseEntity.created(location).body(Views.RectificationView.of(r));
    }

    /** A follow-up note, or the closing one, by the signed-in account. */
    record NoteRequest(@NotBlank @Size(max = 2000) String note) {
    }

    @Allowed(Permission.QUALITY_MANAGE)
    @PostMapping("/{id}/notes")
    Views.RectificationView followUp(@PathVariable long id, @Valid @RequestBody NoteRequest request,
            @AuthenticationPrincipal StaffPrincipal who) {
        return Views.RectificationView.of(rectifications.followUp(id, who.username(), request.note()));
    }

    @Allowed(Permission.QUALITY_MANAGE)
    @PostMapping("/{id}/close")
    Views.RectificationView close(@PathVariable long id, @Valid @RequestBody NoteRequest request,
            @AuthenticationPrincipal StaffPrincipal who) {
        return Views.RectificationView.of(rectifications.close(id, who.username(), request.note()));
    }

    private LocalDate day(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }
}
