package org.vigil.certification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.vigil.certification.AdHocStatistics.Dimension;
import org.vigil.certification.AdHocStatistics.Question;

/**
 * The SQL of an ad-hoc statistic, built only from the vocabulary (DATA-10, ADR 0033). The column
 * expressions below are constants chosen by the enum constant of each dimension, never text from the
 * caller; every value the caller chose (months, district, list, benefit) is a bound parameter. So the
 * concatenation here joins only this class's own literals.
 *
 * <p>It reads the decisions, which row-level security limits to the connection's jurisdiction
 * (ADR 0026), and the recipient's amount of the decision's month: the latest amount change from
 * that month or before, else the recipient's amount (what V4's amount history keeps).
 */
record StatisticsSql(String sql, Map<String, Object> params) {

    /** The whitelisted column of each dimension, by the enum constant alone. */
    static String column(Dimension d) {
        return switch (d) {
            case DISTRICT -> "d.district";
            case STREET -> "d.street";
            case COMMUNITY -> "d.community";
            case BENEFIT_KIND -> "d.benefit_kind";
            case STATUS -> "d.status";
            case BUCKET -> "d.bucket";
            case REASON_CODE -> "d.reason_code";
            case MONTH -> "to_char(d.month, 'YYYY-MM')";
        };
    }

    static StatisticsSql of(Question q) {
        Map<String, Object> params = new TreeMap<>();
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < q.groupBy().size(); i++) {
            // trim: district, street and community are char(n) columns; every key is text
            groups.add("rtrim(" + column(q.groupBy().get(i)) + "::text) as g" + i);
        }
        StringBuilder sql = new StringBuilder("select ");
        for (String g : groups) {
            sql.append(g).append(", ");
        }
        sql.append("""
                count(distinct d.recipient_id) as recipients, coalesce(sum(a.amount), 0) as amount
                  from certification.decision d
                  join certification.recipient r on r.id = d.recipient_id
                  cross join lateral (select coalesce((select c.monthly_amount from certification.amount_change c
                                                        where c.recipient_id = d.recipient_id and c.from_month <= d.month
                                                        order by c.from_month desc limit 1), r.monthly_amount) as amount) a
                 where d.month between :from and :to""");
        params.put("from", q.from().atDay(1));
        params.put("to", q.to().atDay(1));
        if (q.district() != null) {
            sql.append(" and d.district = :district");
            params.put("district", q.district());
        }
        if (q.status() != null) {
            sql.append(" and d.status = :status");
            params.put("status", q.status().name());
        }
        if (q.benefit() != null) {
            sql.append(" and d.benefit_kind = :benefit");
            params.put("benefit", q.benefit().name());
        }
        if (!groups.isEmpty()) {
            StringBuilder positions = new StringBuilder();
            for (int i = 1; i <= groups.size(); i++) {
                positions.append(i == 1 ? "" : ", ").append(i);
            }
            sql.append(" group by ").append(positions).append(" order by ").append(positions);
        }
        return new StatisticsSql(sql.toString(), params);
    }
}
