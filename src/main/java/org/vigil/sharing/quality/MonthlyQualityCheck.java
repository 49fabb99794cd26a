package org.vigil.sharing.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monthly check. Overdue deliveries are judged as of the month's last day, so re-running a
 * past month gives the same list, and each is recorded in {@code sharing.overdue_delivery} before
 * its event is published, so it is announced once however often the check runs.
 */
@Component
class MonthlyQualityCheck implements QualityChecks {

    private static final Logger log = LoggerFactory.getLogger(MonthlyQualityCheck.class);

    private final DeliveryCadence cadence;
    private final DeliveryLedger ledger;
    private final QualityThresholds thresholds;
    private final JdbcRectifications rectifications;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MonthlyQualityCheck(DeliveryCadence cadence, DeliveryLedger ledger, QualityThresholds thresholds,
            JdbcRectifications rectifications, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.cadence = cadence;
        this.ledger = ledger;
        this.thresholds = thresholds;
        this.rectifications = rectifications;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public MonthlyCheck run(YearMonth month) {
        LocalDate end = month.atEndOfMonth();
        List<OverdueDelivery> newlyOverdue = new ArrayList<>();
        List<Rectification> notices = new ArrayList<>();
        for (OverdueDelivery o : cadence.overdue(end)) {
            int added = jdbc.sql("""
                    insert into sharing.overdue_delivery (provider, feed, period_start, period_end, due_date,
                        checked_month, recorded_at)
                    values (:provider, :feed, :start, :end, :due, :month, :at)
                    on conflict (provider, feed, period_start) do nothing""")
                    .param("provider", o.provider()).param("feed", o.feed()).param("start", o.period().start().atDay(1))
                    .param("end", o.period().end().atDay(1)).param("due", o.dueDate()).param("month", month.atDay(1))
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
            if (added == 0) {
                continue;
            }
            newlyOverdue.add(o);
            events.publishEvent(new DeliveryOverdue(o.provider(), o.feed(), o.period(), o.dueDate(), month));
            rectifications.raise(o.provider(), o.feed(), QualityIssue.LATE_DELIVERY, o.period().start(), describe(o))
                    .ifPresent(notices::add);
        }
        for (DeliveryLedger.MonthFigures f : ledger.figures(null, month, month)) {
            ThresholdSet t = thresholds.inForce(f.feed(), month);
            for (ThresholdGate.Finding finding : ThresholdGate.rateFindings(t, f.figures().rowsRead(),
                    f.figures()::rate)) {
                rectifications.raise(f.provider(), f.feed(), finding.issue(), month,
                        month + " 月度汇总 / monthly total: " + finding.text()).ifPresent(notices::add);
            }
        }
        log.info("Quality check of {}: {} newly overdue, {} notice(s)", month, newlyOverdue.size(), notices.size());
        return new MonthlyCheck(month, newlyOverdue, notices);
    }

    private static String describe(OverdueDelivery o) {
        String period = o.period().start().equals(o.period().end()) ? o.period().start().toString()
                : o.period().start() + ".." + o.period().end();
        return o.cadence().chinese() + "报送的 " + period + " 数据应于 " + o.dueDate() + " 前报送，至今未收到 / the "
                + o.cadence().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " delivery for " + period
                + " was due by " + o.dueDate() + " and has not arrived";
    }
}
