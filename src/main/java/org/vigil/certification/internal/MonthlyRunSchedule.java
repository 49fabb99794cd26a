package org.vigil.certification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.vigil.certification.CertificationLists;
import org.vigil.certification.MonthlyRunResult;
import org.vigil.certification.MonthlyVerification;
import org.vigil.certification.PolicyBook;

/**
 * The monthly silent verification without anyone starting it (CERT-6, 第十五条): every day at the
 * configured time, once the month's as-of date has come and the month has no run as of that date,
 * it runs the month. A server that was down on the day catches up on the next, and says it ran
 * late; a month already run is left alone, so the manual {@code vigil verify} and the schedule
 * never fight. On when {@code vigil.certification.schedule.enabled} is true.
 */
@Configuration
@EnableScheduling
@ConditionalOnBooleanProperty("vigil.certification.schedule.enabled")
class MonthlyRunSchedule {

    private static final Logger log = LoggerFactory.getLogger(MonthlyRunSchedule.class);

    private final MonthlyVerification verification;
    private final CertificationLists lists;
    private final Clock clock;
    private final PolicyBook policies;

    MonthlyRunSchedule(MonthlyVerification verification, CertificationLists lists, Clock clock, PolicyBook policies) {
        this.verification = verification;
        this.lists = lists;
        this.clock = clock;
        this.policies = policies;
    }

    @Scheduled(cron = "${vigil.certification.schedule.cron:0 30 1 * * *}", zone = "${vigil.zone:Asia/Shanghai}")
    void tick() {
        runIfDue();
    }

    /** Runs this month if its as-of date has come and it has no run as of that date yet. */
    Optional<MonthlyRunResult> runIfDue() {
        LocalDate today = LocalDate.now(clock);
        YearMonth month = YearMonth.from(today);
        LocalDate asOf = verification.defaultAsOf(month);
        if (today.isBefore(asOf)) {
            return Optional.empty();
        }
        if (lists.run(month).filter(run -> run.asOf().equals(asOf)).isPresent()) {
            return Optional.empty();
        }
        int deadline = policies.inForceOn(asOf).runBeforeDay();
        if (today.getDayOfMonth() >= deadline) {
            log.warn("The verification of {} runs on {}, on or after the {}th the policy sets as its limit (第十五条)", month,
                    today, deadline);
        }
        MonthlyRunResult result = verification.verify(month, asOf);
        log.info("Scheduled verification of {} as of {}: {} recipients, {} row(s) changed", month, asOf,
                result.run().recipients(), result.changed());
        return Optional.of(result);
    }
}
