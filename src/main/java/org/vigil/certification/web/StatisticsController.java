package org.vigil.certification.web;

import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.certification.AdHocStatistics;
import org.vigil.certification.AdHocStatistics.Dimension;
import org.vigil.certification.AdHocStatistics.Measure;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.EligibilityStatus;
import org.vigil.certification.StatisticsRequest;
import org.vigil.certification.StatisticsResult;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.disclosure.Disclosures;

/**
 * Ad-hoc statistics by approval (DATA-10, ADR 0033): asking for one from the vocabulary, the
 * approvers' queue and decisions, and the one run that returns the table, marked for internal use
 * only and never cached.
 */
@RestController
@RequestMapping("/api/statistics/requests")
class StatisticsController {

    private static final int MAX_LIMIT = 500;

    private final AdHocStatistics statistics;

    StatisticsController(AdHocStatistics statistics) {
        this.statistics = statistics;
    }

    /** A statistic in the vocabulary: enums, months and a district code; the purpose and note are words, not terms. */
    record StatisticsBody(@NotNull Measure measure, @NotNull YearMonth from, YearMonth to,
            @Size(max = AdHocStatistics.MAX_GROUPS) List<@NotNull Dimension> groupBy,
            @Pattern(regexp = "[0-9]{6}", message = "a 6-digit district code") String district,
            EligibilityStatus status, BenefitKind benefit,
            @NotBlank @Size(max = AdHocStatistics.MAX_PURPOSE) String purpose,
            @Size(max = Disclosures.MAX_NOTE) String note) {

        AdHocStatistics.Question question() {
            return new AdHocStatistics.Question(measure, from, to, groupBy, district, status, benefit);
        }
    }

    record DecisionBody(@Size(max = Disclosures.MAX_NOTE) String note) {
    }

    /** A request as the console shows it: its terms and state, and its table once run. */
    record RequestView(long id, String number, String requester, String requesterRole, String scope,
            AdHocStatistics.Question question, String purpose, String note, String status, String statusChinese,
            Instant requestedAt, String decidedBy, Instant decidedAt, String decisionNote, Instant ranAt,
            StatisticsResult result) {

        static RequestView of(StatisticsRequest r) {
            return new RequestView(r.id(), r.number(), r.requester(), r.requesterRole(), r.scope(), r.question(),
                    r.purpose(), r.note(), r.status().name(), r.status().chinese(), r.requestedAt(), r.decidedBy(),
                    r.decidedAt(), r.decisionNote(), r.ranAt(), r.result());
        }
    }

    @PostMapping
    @Allowed(Permission.STATISTICS_VIEW)
    ResponseEntity<RequestView> request(@AuthenticationPrincipal StaffPrincipal who,
            @Valid @RequestBody StatisticsBody body) {
        StatisticsRequest r = statistics.request(who, body.question(), body.purpose(), body.note());
        return ResponseEntity.created(URI.create("/api/statistics/requests/" + r.id())).body(RequestView.of(r));
    }

    @GetMapping("/mine")
    @Allowed(Permission.STATISTICS_VIEW)
    ResponseEntity<List<RequestView>> mine(@AuthenticationPrincipal StaffPrincipal who,
            @RequestParam(defaultValue = "100") int limit) {
        // the list carries the results: internal figures, not to be kept by a browser or proxy
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(statistics.mine(who, bounded(limit)).stream().map(RequestView::of).toList());
    }

    @GetMapping("/pending")
    @Allowed(Permission.EXPORT_APPROVE)
    List<RequestView> pending(@AuthenticationPrincipal StaffPrincipal who,
            @RequestParam(defaultValue = "100") int limit) {
        return statistics.pending(who, bounded(limit)).stream().map(RequestView::of).toList();
    }

    @PostMapping("/{id}/approve")
    @Allowed(Permission.EXPORT_APPROVE)
    RequestView approve(@AuthenticationPrincipal StaffPrincipal who, @PathVariable long id,
            @Valid @RequestBody(required = false) DecisionBody body) {
        return RequestView.of(statistics.approve(who, id, body == null ? null : body.note()));
    }

    @PostMapping("/{id}/reject")
    @Allowed(Permission.EXPORT_APPROVE)
    RequestView reject(@AuthenticationPrincipal StaffPrincipal who, @PathVariable long id,
            @Valid @RequestBody(required = false) DecisionBody body) {
        return RequestView.of(statistics.reject(who, id, body == null ? null : body.note()));
    }

    /** The table, once; a POST because it is an act that is recorded, not a read to repeat or cache. */
    @PostMapping("/{id}/run")
    @Allowed(Permission.STATISTICS_VIEW)
    ResponseEntity<StatisticsResult> run(@AuthenticationPrincipal StaffPrincipal who, @PathVariable long id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(statistics.run(who, id));
    }

    private static int bounded(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit is 1 to " + MAX_LIMIT + " / 条数须为1至" + MAX_LIMIT);
        }
        return limit;
    }
}
