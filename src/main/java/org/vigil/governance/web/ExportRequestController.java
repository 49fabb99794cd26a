package org.vigil.governance.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.disclosure.Disclosures;
import org.vigil.governance.disclosure.ExportRequest;
import org.vigil.governance.disclosure.Exports;

/**
 * Export requests over HTTP (DATA-9): one's own requests, the requests waiting for approval, and
 * their approval or rejection by someone else who may approve exports. Asking for an export and
 * producing its file belong to the module whose data is exported ({@code POST /api/exports} and
 * {@code GET /api/exports/{id}/file} for the certification lists and ledgers).
 */
@RestController
@RequestMapping("/api/exports")
class ExportRequestController {

    static final int MAX_LIMIT = 500;

    private final Exports exports;

    ExportRequestController(Exports exports) {
        this.exports = exports;
    }

    record DecisionBody(@Size(max = Disclosures.MAX_NOTE) String note) {
    }

    /** A request as the console shows it: the terms, the state and, once produced, the file's hash. */
    record ExportView(long id, String number, String requester, String requesterName, String requesterRole,
            String kind, Map<String, String> filter, long estimatedRows, String purpose, String purposeChinese,
            String note, boolean unmasked, String status, String statusChinese, Instant requestedAt, String decidedBy,
            Instant decidedAt, String decisionNote, Instant exportedAt, Long exportedRows, String fileSha256) {

        static ExportView of(ExportRequest r) {
            return new ExportView(r.id(), r.number(), r.requester(), r.requesterName(), r.requesterRole(), r.kind(),
                    r.filter(), r.estimatedRows(), r.purpose().name(), r.purpose().chinese(), r.note(), r.unmasked(),
                    r.status().name(), r.status().chinese(), r.requestedAt(), r.decidedBy(), r.decidedAt(),
                    r.decisionNote(), r.exportedAt(), r.exportedRows(), r.fileSha256());
        }
    }

    @GetMapping("/mine")
    @Allowed(Permission.EXPORT)
    List<ExportView> mine(@AuthenticationPrincipal StaffPrincipal who,
            @RequestParam(defaultValue = "100") int limit) {
        return exports.mine(who, bounded(limit)).stream().map(ExportView::of).toList();
    }

    @GetMapping("/pending")
    @Allowed(Permission.EXPORT_APPROVE)
    List<ExportView> pending(@RequestParam(defaultValue = "100") int limit) {
        return exports.pending(bounded(limit)).stream().map(ExportView::of).toList();
    }

    @PostMapping("/{id}/approve")
    @Allowed(Permission.EXPORT_APPROVE)
    ExportView approve(@AuthenticationPrincipal StaffPrincipal who, @PathVariable long id,
            @Valid @RequestBody(required = false) DecisionBody body) {
        return ExportView.of(exports.approve(who, id, body == null ? null : body.note()));
    }

    @PostMapping("/{id}/reject")
    @Allowed(Permission.EXPORT_APPROVE)
    ExportView reject(@AuthenticationPrincipal StaffPrincipal who, @PathVariable long id,
            @Valid @RequestBody(required = false) DecisionBody body) {
        return ExportView.of(exports.reject(who, id, body == null ? null : body.note()));
    }

    static int bounded(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit is 1 to " + MAX_LIMIT + ", found " + limit + " / 条数须为1至"
                    + MAX_LIMIT);
        }
        return limit;
    }
}
