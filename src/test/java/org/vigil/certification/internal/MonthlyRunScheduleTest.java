package org.vigil.certification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.vigil.certification.CertificationLists;
import org.vigil.certification.MonthlyRunResult;
import org.vigil.certification.MonthlyVerification;
import org.vigil.certification.PolicyBook;
import org.vigil.certification.VerificationRun;

/**
 * The schedule of the monthly run (CERT-6): nothing before the as-of date, once on or after it,
 * never again for a month already run as of that date; off unless switched on.
 */
class MonthlyRunScheduleTest {

    static final PolicyBook POLICIES = PolicyBook.classpath(PolicyBook.DEFAULT);

    /** Records what it was asked to verify; a month counts as run once verified. */
    static final class Months implements MonthlyVerification {
        final List<String> verified = new ArrayList<>();

        @Override
        public LocalDate defaultAsOf(YearMonth month) {
            return month.atDay(24);
        }

        @Override
        public MonthlyRunResult verify(YearMonth month, LocalDate asOf) {
            verified.add(month + "@" + asOf);
            VerificationRun run = new VerificationRun(month, asOf, "2026.1", 1, null, null, 0, 0, 0, 0, 0, 0, 0);
            return new MonthlyRunResult(run, 0, 0, false, java.util.Map.of(), 0, 0, java.time.Duration.ZERO);
        }

        @Override
        public org.vigil.certification.DryRunReport dryRun(YearMonth month, LocalDate asOf, PolicyBook policies) {
            throw new UnsupportedOperationException();
        }
    }

    static Clock on(String day) {
        return Clock.fixed(LocalDate.parse(day).atTime(1, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
    }

    static CertificationLists runs(Optional<VerificationRun> run) {
        return (CertificationLists) java.lang.reflect.Proxy.newProxyInstance(CertificationLists.class.getClassLoader(),
                new Class<?>[] {CertificationLists.class}, (proxy, method, args) -> {
                    if (method.getName().equals("run")) {
                        return run;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void cert6_theMonthRunsOnceItsAsOfDateHasComeAndNotBefore() {
        Months months = new Months();
        new MonthlyRunSchedule(months, runs(Optional.empty()), on("2026-11-23"), POLICIES).runIfDue();
        assertThat(months.verified).isEmpty();
        new MonthlyRunSchedule(months, runs(Optional.empty()), on("2026-11-24"), POLICIES).runIfDue();
        assertThat(months.verified).containsExactly("2026-11@2026-11-24");
    }

    @Test
    void cert6_aServerDownOnTheDayCatchesUpButAMonthAlreadyRunIsLeftAlone() {
        Months months = new Months();
        new MonthlyRunSchedule(months, runs(Optional.empty()), on("2026-11-26"), POLICIES).runIfDue();
        assertThat(months.verified).containsExactly("2026-11@2026-11-24");
        VerificationRun done = new VerificationRun(YearMonth.of(2026, 11), LocalDate.of(2026, 11, 24), "2026.1", 1,
                null, null, 10, 8, 1, 1, 0, 8, 10);
        new MonthlyRunSchedule(months, runs(Optional.of(done)), on("2026-11-27"), POLICIES).runIfDue();
        assertThat(months.verified).hasSize(1);
    }

    @Test
    void theScheduleIsOffUnlessSwitchedOn() {
        new ApplicationContextRunner().withUserConfiguration(MonthlyRunSchedule.class)
                .run(context -> assertThat(context).doesNotHaveBean(MonthlyRunSchedule.class));
    }
}
