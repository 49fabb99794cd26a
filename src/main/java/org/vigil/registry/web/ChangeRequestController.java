package org.vigil.registry.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.registry.change.ChangeApplication;
import org.vigil.registry.change.ChangeField;
import org.vigil.registry.change.ChangeRefusedException;
import org.vigil.registry.change.ChangeRequests;
import org.vigil.registry.change.ChangeStatus;
import org.vigil.registry.change.CheckingDepartment;
import org.vigil.registry.change.CrossCheck;
import org.vigil.registry.change.ProposedChange;
import org.vigil.registry.web.Views.ChangeRequestView;
import org.vigil.registry.web.Views.FieldView;

/**
 * Change requests for the registry's basic data (DATA-6, DATA-8): the field catalogue with each
 * field's review level, applying, and the approve, modify, review and reject steps. The acting
 * account is the session's; which post may take which step, and who may not take two, the
 * service decides, since those are the rules of the data and hold for every door.
 */
@RestController
@RequestMapping("/api/registry")
class ChangeRequestController {

    private final ChangeRequests changes;

    ChangeRequestController(ChangeRequests changes) {
        this.changes = changes;
    }

    record ItemBody(@NotNull @Positive Long recordId, @NotNull ChangeField field, @Size(max = 500) String newValue) {
    }

    record ApplyBody(@NotBlank @Size(max = ChangeApplication.MAX_REASON) String reason,
            @NotEmpty @Size(max = ChangeApplication.MAX_CHANGES) List<@Valid @NotNull ItemBody> items) {
    }

    /** The cross-department check, required for fields under manual review. */
    record ApproveBody(CheckingDepartment department, @Size(max = CrossCheck.MAX_REFERENCE) String reference) {
    }

    record RejectBody(@NotBlank @Size(max = 500) String reason) {
    }

    record ReviewBody(@Size(max = 500) String note) {
    }

    @GetMapping("/change-fields")
    @Allowed({Permission.CHANGE_APPLY, Permission.CHANGE_REVIEW, Permission.CHANGE_BATCH_APPROVE})
    List<FieldView> fields() {
        return Arrays.stream(ChangeField.values()).map(FieldView::of).toList();
    }

    @PostMapping("/change-requests")
    @Allowed(Permission.CHANGE_APPLY)
    ResponseEntity<ChangeRequestView> apply(@Valid @RequestBody ApplyBody body, Authentication authentication) {
        ChangeApplication application = new ChangeApplication(body.reason(), body.items().stream()
                .map(i -> new ProposedChange(i.recordId(), i.field(), i.newValue())).toList());
        ChangeRequestView view = ChangeRequestView.of(changes.apply(Actors.of(authentication), application));
        return ResponseEntity.created(URI.create("/api/registry/change-requests/" + view.id())).body(view);
    }

    @GetMapping("/change-requests")
    @Allowed({Permission.CHANGE_APPLY, Permission.CHANGE_REVIEW, Permission.CHANGE_BATCH_APPROVE})
    List<ChangeRequestView> list(@RequestParam Optional<ChangeStatus> status,
            @RequestParam(defaultValue = "100") int limit) {
        return changes.list(status, limit).stream().map(ChangeRequestView::of).toList();
    }

    @GetMapping("/change-requests/{id}")
    @Allowed({Permission.CHANGE_APPLY, Permission.CHANGE_REVIEW, Permission.CHANGE_BATCH_APPROVE})
    ChangeRequestView get(@PathVariable long id) {
        return changes.find(id).map(ChangeRequestView::of).orElseThrow(() -> new ChangeRefusedException(
                ChangeRefusedException.Kind.NOT_FOUND, "no change request " + id + " / 无此变更申请"));
    }

    @PostMapping("/change-requests/{id}/approve")
    @Allowed({Permission.CHANGE_REVIEW, Permission.CHANGE_BATCH_APPROVE})
    ChangeRequestView approve(@PathVariable long id, @Valid @RequestBody(required = false) ApproveBody body,
            Authentication authentication) {
        CrossCheck check = body == null || body.department() == null && body.reference() == null ? null
                : new CrossCheck(body.department(), body.reference());
        return ChangeRequestView.of(changes.approve(id, Actors.of(authentication), check));
    }

    @PostMapping("/change-requests/{id}/modify")
    @Allowed(Permission.CHANGE_REVIEW)
    ChangeRequestView modify(@PathVariable long id, Authentication authentication) {
        return ChangeRequestView.of(changes.modify(id, Actors.of(authentication)));
    }

    @PostMapping("/change-requests/{id}/review")
    @Allowed(Permission.CHANGE_REVIEW)
    ChangeRequestView review(@PathVariable long id, @Valid @RequestBody(required = false) ReviewBody body,
            Authentication authentication) {
        return ChangeRequestView.of(changes.review(id, Actors.of(authentication), body == null ? null : body.note()));
    }

    @PostMapping("/change-requests/{id}/reject")
    @Allowed({Permission.CHANGE_REVIEW, Permission.CHANGE_BATCH_APPROVE})
    ChangeRequestView reject(@PathVariable long id, @Valid @RequestBody RejectBody body, Authentication authentication) {
        return ChangeRequestView.of(changes.reject(id, Actors.of(authentication), body.reason()));
    }
}
