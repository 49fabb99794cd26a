package org.vigil.sharing.quality.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.sharing.quality.DeliveryCadence;
import org.vigil.sharing.quality.MonthlyCheck;
import org.vigil.sharing.quality.ProviderEvaluations;
import org.vigil.sharing.quality.QualityChecks;
import org.vigil.sharing.quality.QualityMetrics;

/** DATA-12 metrics, SHARE-5 overdue deliveries and the monthly check, SHARE-9 evaluations. */
@RestController
@Allowed(Permission.QUALITY_VIEW)
@RequestMapping("/api/quality")
class QualityController {

    private final QualityMetrics metrics;
    private final DeliveryCadence cadence;
    private final QualityChecks checks;
    private final ProviderEvaluations evaluations;
    private final Clock clock;

    QualityController(QualityMetrics metrics, DeliveryCadence cadence, QualityChecks checks,
            ProviderEvaluations evaluations, Clock clock) {
        this.metrics = metrics;
        this.cadence = cadence;
        this.checks = checks;
        this.evaluations = evaluations;
        this.clock = clock;
    }

    /** A provider's five rates per feed, per month and for the year. */
    @GetMapping("/providers/{code}")
    Views.ProviderQualityView provider(@PathVariable String code,
            @RequestParam @Min(2000) @Max(2100) int year) {
        return Views.ProviderQualityView.of(metrics.ofProvider(code, year));
    }

    /** Deliveries overdue on a day (default today). */
    @GetMapping("/overdue")
    List<Views.OverdueView> overdue(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
        return cadence.overdue(day).stream().map(Views.OverdueView::of).toList();
    }

    /** Which month to check. */
    record CheckRequest(@NotNull YearMonth month) {
    }

    /** Runs the monthly check of a month; running it again finds nothing new. */
    @Allowed(Permission.QUALITY_MANAGE)
    @PostMapping("/checks")
    Views.CheckView check(@Valid @RequestBody CheckRequest request) {
        MonthlyCheck result = checks.run(request.month());
        return new Views.CheckView(result.month(), result.newlyOverdue().stream().map(Views.OverdueView::of).toList(),
                result.notices().stream().map(Views.RectificationView::of).toList());
    }

    /** Every provider's yearly evaluation as of today. */
    @GetMapping("/evaluations")
    List<Views.EvaluationView> evaluations(@RequestParam @Min(2000) @Max(2100) int year) {
        return evaluations.evaluate(year, LocalDate.now(clock)).stream().map(Views.EvaluationView::of).toList();
    }
}
