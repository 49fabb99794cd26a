package org.vigil.sharing.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vigil.sharing.DeliveryStatus;

/**
 * What the quality rules read from {@code sharing.delivery}, the sharing module's own record of
 * every delivery: volumes for the history check, summed counts for the metrics, and when each
 * period was delivered for the cadence.
 */
@Component
class DeliveryLedger {

    /** Deliveries whose rows were read: they count in the metrics whatever an officer decided. */
    static final List<String> READ = List.of(DeliveryStatus.APPLIED.name(), DeliveryStatus.QUARANTINED.name(),
            DeliveryStatus.DISCARDED.name());
    /** Deliveries that deliver a period: applied, or held awaiting a decision. */
    static final List<String> DELIVERED = List.of(DeliveryStatus.APPLIED.name(), DeliveryStatus.QUARANTINED.name());

    private final JdbcClient jdbc;

    DeliveryLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows read and accepted of one applied delivery. */
    record Volume(long rowsRead, long accepted) {
    }

    /**
     * The provider's latest applied deliveries of the feed for that month or earlier, newest first:
     * the history a new delivery is compared with.
     */
    List<Volume> recentApplied(String provider, String feed, YearMonth month, long window) {
        return jdbc.sql("""
                select rows_read, rows_accepted from sharing.delivery
                 where provider = :provider and feed = :feed and status = :applied and data_month <= :month
                 order by data_month desc, id desc
                 limit :window""")
                .param("provider", provider).param("feed", feed).param("applied", DeliveryStatus.APPLIED.name())
                .param("month", month.atDay(1)).param("window", window)
                .query((rs, n) -> new Volume(rs.getLong(1), rs.getLong(2))).list();
    }

    /** Summed figures of one provider's feed in one data month. */
    record MonthFigures(String provider, String feed, YearMonth month, QualityFigures figures) {
    }

    /** Every provider's (or one provider's) figures per feed and data month, over the months given, by provider, feed and month. */
    List<MonthFigures> figures(String providerOrNull, YearMonth from, YearMonth to) {
        return jdbc.sql("""
                select provider, feed, data_month,
                       count(*) filter (where status in (:read)) as deliveries,
                       count(*) filter (where status = :refused) as refused,
                       count(*) filter (where status = :quarantined or decided_by is not null) as held,
                       coalesce(sum(rows_read) filter (where status in (:read)), 0) as rows_read,
                       coalesce(sum(rows_accepted) filter (where status in (:read)), 0) as accepted,
                       coalesce(sum(rows_read - rows_age_filtered) filter (where status in (:read)), 0) as intended,
                       coalesce(sum(rows_rejected + rows_review) filter (where status in (:read)), 0) as anomalies,
                       coalesce(sum(rows_duplicate) filter (where status in (:read)), 0) as duplicates,
                       coalesce(sum(rows_linked) filter (where status in (:read)), 0) as linked,
                       coalesce(sum(cells_expected) filter (where status in (:read)), 0) as cells_expected,
                       coalesce(sum(cells_filled) filter (where status in (:read)), 0) as cells_filled
                  from sharing.delivery
                 where (cast(:provider as varchar) is null or provider = :provider)
                   and data_month between :from and :to
                 group by provider, feed, data_month
                 order by provider, feed, data_month""")
                .param("read", READ).param("refused", DeliveryStatus.REFUSED.name())
                .param("quarantined", DeliveryStatus.QUARANTINED.name()).param("provider", providerOrNull)
                .param("from", from.atDay(1)).param("to", to.atDay(1))
                .query(DeliveryLedger::monthFigures).list();
    }

    private static MonthFigures monthFigures(ResultSet rs, int row) throws SQLException {
        long accepted = rs.getLong("accepted");
        long rowsRead = rs.getLong("rows_read");
        Map<QualityMetric, Rate> rates = new EnumMap<>(QualityMetric.class);
        rates.put(QualityMetric.INGESTION, new Rate(accepted, rs.getLong("intended")));
        rates.put(QualityMetric.COMPLETENESS, new Rate(rs.getLong("cells_filled"), rs.getLong("cells_expected")));
        rates.put(QualityMetric.RECORDED, new Rate(rs.getLong("linked"), accepted));
        rates.put(QualityMetric.ANOMALY, new Rate(rs.getLong("anomalies"), rowsRead));
        rates.put(QualityMetric.DUPLICATE, new Rate(rs.getLong("duplicates"), rowsRead));
        QualityFigures figures = new QualityFigures(rs.getLong("deliveries"), rs.getLong("refused"), rs.getLong("held"),
                rowsRead, accepted, rates);
        return new MonthFigures(rs.getString("provider"), rs.getString("feed"),
                YearMonth.from(rs.getDate("data_month").toLocalDate()), figures);
    }

    /** One delivery that delivers a period: its data month and when it arrived. */
    record Arrival(String provider, String feed, YearMonth month, Instant receivedAt) {
    }

    /** The applied or held deliveries of a provider (or every provider), up to a data month. */
    List<Arrival> arrivals(String providerOrNull, YearMonth until) {
        return jdbc.sql("""
                select provider, feed, data_month, received_at from sharing.delivery
                 where status in (:delivered) and (cast(:provider as varchar) is null or provider = :provider)
                   and data_month <= :until
                 order by provider, feed, data_month, received_at""")
                .param("delivered", DELIVERED).param("provider", providerOrNull).param("until", until.atDay(1))
                .query((rs, n) -> new Arrival(rs.getString(1), rs.getString(2),
                        YearMonth.from(rs.getDate(3).toLocalDate()), rs.getTimestamp(4).toInstant()))
                .list();
    }
}
