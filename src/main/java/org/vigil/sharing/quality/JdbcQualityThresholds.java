package org.vigil.sharing.quality;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditEntry;
import org.vigil.governance.AuditTrail;
import org.vigil.sharing.catalogue.FeedCatalogue;

/** The thresholds in {@code sharing.quality_threshold}. */
@Component
class JdbcQualityThresholds implements QualityThresholds {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final FeedCatalogue catalogue;

    JdbcQualityThresholds(JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.catalogue = FeedCatalogue.standard();
    }

    @Override
    public ThresholdSet inForce(String feed, YearMonth month) {
        if (catalogue.find(feed).isEmpty()) {
            throw new QualityException(QualityException.Kind.NOT_FOUND,
                    "目录中没有数据项 " + feed + " / the catalogue has no feed " + feed);
        }
        return read(Optional.of(feed), month);
    }

    @Override
    public ThresholdSet defaults(YearMonth month) {
        return read(Optional.empty(), month);
    }

    private ThresholdSet read(Optional<String> feed, YearMonth month) {
        // per rule: the feed's own value before the default, then the latest month, then the latest recorded
        Map<QualityRule, ThresholdValue> values = new EnumMap<>(QualityRule.class);
        jdbc.sql("""
                select distinct on (rule) rule, feed, value, effective_from from sharing.quality_threshold
                 where (feed = cast(:feed as varchar) or feed is null) and effective_from <= :month
                 order by rule, feed is null, effective_from desc, id desc""")
                .param("feed", feed.orElse(null)).param("month", month.atDay(1))
                .query((rs, n) -> values.put(QualityRule.valueOf(rs.getString("rule")),
                        new ThresholdValue(rs.getBigDecimal("value"), Optional.ofNullable(rs.getString("feed")),
                                YearMonth.from(rs.getDate("effective_from").toLocalDate()))))
                .list();
        return new ThresholdSet(feed, month, values);
    }

    @Override
    @Transactional
    public ThresholdEntry change(ThresholdChange change) {
        List<String> problems = new ArrayList<>();
        change.feed().filter(f -> catalogue.find(f).isEmpty())
                .ifPresent(f -> problems.add("目录中没有数据项 " + f + " / the catalogue has no feed " + f));
        change.rule().refusal(change.value()).ifPresent(problems::add);
        YearMonth current = YearMonth.now(clock);
        if (change.effectiveFrom().isBefore(current)) {
            problems.add("阈值不能追溯到本月之前 / a threshold cannot take effect before the current month " + current
                    + ", found " + change.effectiveFrom());
        }
        if (change.officer() == null || change.officer().isBlank()) {
            problems.add("须注明修改人 / the officer making the change is required");
        }
        if (change.note() == null || change.note().isBlank()) {
            problems.add("须说明修改原因 / the reason for the change is required");
        }
        if (!problems.isEmpty()) {
            throw new QualityException(QualityException.Kind.INVALID, String.join("; ", problems));
        }
        try {
            long id = jdbc.sql("""
                    insert into sharing.quality_threshold (feed, rule, value, effective_from, recorded_by, recorded_at, note)
                    values (:feed, :rule, :value, :from, :officer, :at, :note) returning id""")
                    .param("feed", change.feed().orElse(null)).param("rule", change.rule().name())
                    .param("value", change.value()).param("from", change.effectiveFrom().atDay(1))
                    .param("officer", change.officer().strip()).param("at", Timestamp.from(clock.instant()))
                    .param("note", change.note().strip())
                    .query(Long.class).single();
            // a parameter change is an audited act (DATA-8, DATA-18), recorded as its last step
            audit.record(new AuditEntry(change.officer().strip(), AuditAction.PARAMETER_CHANGE,
                    "quality-threshold:" + id, change.note().strip(), Map.of("feed", change.feed().orElse("*"),
                            "rule", change.rule().name(), "value", change.value().toPlainString(),
                            "effectiveFrom", change.effectiveFrom().toString())));
            return jdbc.sql("select * from sharing.quality_threshold where id = :id").param("id", id)
                    .query(JdbcQualityThresholds::entry).single();
        }
        catch (DuplicateKeyException e) {
            throw new QualityException(QualityException.Kind.CONFLICT, change.rule().chinese() + "在 " + change.effectiveFrom()
                    + " 已有取值 / " + change.rule().english() + " already has a value from " + change.effectiveFrom()
                    + change.feed().map(f -> " for feed " + f).orElse(" for every feed"));
        }
    }

    @Override
    public List<ThresholdEntry> entries(Optional<String> feed) {
        return jdbc.sql("""
                select * from sharing.quality_threshold
                 where feed is not distinct from cast(:feed as varchar)
                 order by rule, effective_from, id""")
                .param("feed", feed.orElse(null))
                .query(JdbcQualityThresholds::entry).list();
    }

    private static ThresholdEntry entry(ResultSet rs, int row) throws SQLException {
        BigDecimal value = rs.getBigDecimal("value");
        return new ThresholdEntry(rs.getLong("id"), Optional.ofNullable(rs.getString("feed")),
                QualityRule.valueOf(rs.getString("rule")), value,
                YearMonth.from(rs.getDate("effective_from").toLocalDate()), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("note"));
    }
}
