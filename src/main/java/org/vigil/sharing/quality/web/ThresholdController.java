package org.vigil.sharing.quality.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffPrincipal;
import org.vigil.sharing.quality.QualityRule;
import org.vigil.sharing.quality.QualityThresholds;
import org.vigil.sharing.quality.ThresholdChange;

/** The thresholds of the quality rules, effective-dated (DATA-8, DATA-12). */
@RestController
@Allowed(Permission.QUALITY_VIEW)
@RequestMapping("/api/quality/thresholds")
class ThresholdController {

    private final QualityThresholds thresholds;
    private final Clock clock;

    ThresholdController(QualityThresholds thresholds, Clock clock) {
        this.thresholds = thresholds;
        this.clock = clock;
    }

    /** The values in force for a feed (or the defaults) in a month (default this month). */
    @GetMapping
    Views.ThresholdSetView inForce(@RequestParam(required = false) String feed,
            @RequestParam(required = false) YearMonth month) {
        YearMonth m = month != null ? month : YearMonth.now(clock);
        return Views.ThresholdSetView.of(feed == null ? thresholds.defaults(m) : thresholds.inForce(feed, m));
    }

    /** Every recorded value of a feed's overrides, or of the defaults. */
    @GetMapping("/entries")
    List<Views.ThresholdEntryView> entries(@RequestParam(required = false) String feed) {
        return thresholds.entries(Optional.ofNullable(feed)).stream().map(Views.ThresholdEntryView::of).toList();
    }

    /** A new value of a rule from a month on; {@code feed} absent changes the default. */
    record ThresholdRequest(@Pattern(regexp = "[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*") String feed, @NotNull QualityRule rule,
            @NotNull BigDecimal value, @NotNull YearMonth effectiveFrom, @NotBlank @Size(max = 1000) String note) {
    }

    @Allowed(Permission.PARAMETER_CHANGE)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Views.ThresholdEntryView change(@Valid @RequestBody ThresholdRequest request,
            @AuthenticationPrincipal StaffPrincipal who) {
        return Views.ThresholdEntryView.of(thresholds.change(new ThresholdChange(Optional.ofNullable(request.feed()),
                request.rule(), request.value(), request.effectiveFrom(), who.username(), request.note())));
    }
}
