package org.vigil.sharing.quality.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.vigil.sharing.quality.DeliveryPeriod;
import org.vigil.sharing.quality.FeedQuality;
import org.vigil.sharing.quality.FollowUp;
import org.vigil.sharing.quality.MonthQuality;
import org.vigil.sharing.quality.OverdueDelivery;
import org.vigil.sharing.quality.ProviderEvaluation;
import org.vigil.sharing.quality.ProviderQuality;
import org.vigil.sharing.quality.QualityFigures;
import org.vigil.sharing.quality.QualityMetric;
import org.vigil.sharing.quality.Rate;
import org.vigil.sharing.quality.Rectification;
import org.vigil.sharing.quality.ThresholdEntry;
import org.vigil.sharing.quality.ThresholdSet;
import org.vigil.sharing.quality.Timeliness;

/** The JSON shapes of the quality API: plain records, built from the quality package's types. */
final class Views {

    private Views() {
    }

    /** A rate with its counts; {@code value} is null when there was nothing to measure. */
    record RateView(long numerator, long denominator, BigDecimal value, String percent) {
        static RateView of(Rate r) {
            return new RateView(r.numerator(), r.denominator(), r.value().orElse(null), r.percent());
        }
    }

    record FiguresView(long deliveries, long refused, long held, long rowsRead, long accepted, RateView ingestion,
            RateView completeness, RateView recorded, RateView anomaly, RateView duplicate) {
        static FiguresView of(QualityFigures f) {
            return new FiguresView(f.deliveries(), f.refused(), f.held(), f.rowsRead(), f.accepted(),
                    RateView.of(f.rate(QualityMetric.INGESTION)), RateView.of(f.rate(QualityMetric.COMPLETENESS)),
                    RateView.of(f.rate(QualityMetric.RECORDED)), RateView.of(f.rate(QualityMetric.ANOMALY)),
                    RateView.of(f.rate(QualityMetric.DUPLICATE)));
        }
    }

    record MonthView(YearMonth month, FiguresView figures) {
        static MonthView of(MonthQuality m) {
            return new MonthView(m.month(), FiguresView.of(m.figures()));
        }
    }

    record FeedView(String feed, FiguresView year, List<MonthView> months) {
        static FeedView of(FeedQuality f) {
            return new FeedView(f.feed(), FiguresView.of(f.year()), f.months().stream().map(MonthView::of).toList());
        }
    }

    record ProviderQualityView(String provider, int year, FiguresView total, List<FeedView> feeds) {
        static ProviderQualityView of(ProviderQuality q) {
            return new ProviderQualityView(q.provider(), q.year(), FiguresView.of(q.total()),
                    q.feeds().stream().map(FeedView::of).toList());
        }
    }

    record PeriodView(YearMonth start, YearMonth end) {
        static PeriodView of(DeliveryPeriod p) {
            return new PeriodView(p.start(), p.end());
        }
    }

    record OverdueView(String provider, String feed, String cadence, String cadenceChinese, PeriodView period,
            LocalDate dueDate, long daysOverdue) {
        static OverdueView of(OverdueDelivery o) {
            return new OverdueView(o.provider(), o.feed(), o.cadence().name(), o.cadence().chinese(),
                    PeriodView.of(o.period()), o.dueDate(), o.daysOverdue());
        }
    }

    record NoteView(LocalDate on, String officer, String note, boolean closing) {
        static NoteView of(FollowUp f) {
            return new NoteView(f.on(), f.officer(), f.note(), f.closing());
        }
    }

    record RectificationView(long id, String provider, String feed, String issue, String issueChinese, YearMonth month,
            String finding, String openedBy, LocalDate openedOn, LocalDate deadline, String status,
            String statusChinese, LocalDate closedOn, List<NoteView> notes) {
        static RectificationView of(Rectification r) {
            return new RectificationView(r.id(), r.provider(), r.feed(), r.issue().name(), r.issue().chinese(),
                    r.month(), r.finding(), r.openedBy(), r.openedOn(), r.deadline(), r.status().name(),
                    r.status().chinese(), r.closedOn().orElse(null), r.notes().stream().map(NoteView::of).toList());
        }
    }

    record CheckView(YearMonth month, List<OverdueView> newlyOverdue, List<RectificationView> notices) {
    }

    record ThresholdView(String rule, String ruleChinese, BigDecimal value, String feed, YearMonth effectiveFrom) {
    }

    record ThresholdSetView(String feed, YearMonth month, List<ThresholdView> values) {
        static ThresholdSetView of(ThresholdSet set) {
            return new ThresholdSetView(set.feed().orElse(null), set.month(), set.values().entrySet().stream()
                    .map(e -> new ThresholdView(e.getKey().name(), e.getKey().chinese(), e.getValue().value(),
                            e.getValue().feed().orElse(null), e.getValue().effectiveFrom()))
                    .toList());
        }
    }

    record ThresholdEntryView(long id, String feed, String rule, BigDecimal value, YearMonth effectiveFrom,
            String recordedBy, String note) {
        static ThresholdEntryView of(ThresholdEntry e) {
            return new ThresholdEntryView(e.id(), e.feed().orElse(null), e.rule().name(), e.value(), e.effectiveFrom(),
                    e.recordedBy(), e.note());
        }
    }

    record TimelinessView(long due, long onTime, long late, long missing, RateView onTimeShare) {
        static TimelinessView of(Timeliness t) {
            return new TimelinessView(t.due(), t.onTime(), t.late(), t.missing(), RateView.of(t.onTimeShare()));
        }
    }

    record EvaluationView(String provider, String name, int year, FiguresView figures, TimelinessView timeliness,
            long openRectifications, long overdueRectifications, String weakest, String weakestFeed,
            boolean metMinimums, String suggestion, String suggestionEnglish) {
        static EvaluationView of(ProviderEvaluation e) {
            return new EvaluationView(e.provider(), e.name(), e.year(), FiguresView.of(e.figures()),
                    TimelinessView.of(e.timeliness()), e.openRectifications(), e.overdueRectifications(),
                    e.suggestion().weakest().map(Enum::name).orElse(null), e.suggestion().feed().orElse(null),
                    e.suggestion().metMinimums(), e.suggestion().chinese(), e.suggestion().english());
        }
    }
}
