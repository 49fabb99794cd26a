package org.vigil.sharing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.governance.KeyService;
import org.vigil.governance.SealedValues;
import org.vigil.sharing.DeliveryCounts;
import org.vigil.sharing.DeliveryLog;
import org.vigil.sharing.DeliveryStatus;
import org.vigil.sharing.DeliverySummary;

/** The delivery history, straight from this module's tables. */
@Repository
class JdbcDeliveryLog implements DeliveryLog {

    private final JdbcClient jdbc;
    private final SealedValues sealed;

    JdbcDeliveryLog(JdbcClient jdbc, KeyService keys) {
        this.jdbc = jdbc;
        this.sealed = new SealedValues(keys);
    }

    @Override
    public List<DeliverySummary> recent(Optional<String> provider, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("offset must be 0 or more and limit 1 to 1000");
        }
        return jdbc.sql("""
                select id, provider, feed, file_name, sha256, size_bytes, format, encoding, data_month, as_of, received_at,
                       status, reason, decided_by, decided_at, decision_reason, rows_read, rows_accepted, rows_rejected,
                       rows_review, rows_duplicate, rows_age_filtered, rows_linked, cells_expected, cells_filled,
                       facts_written, life_signs_written
                  from sharing.delivery
                 where (cast(:provider as text) is null or provider = :provider)
                 order by id desc offset :offset limit :limit""")
                .param("provider", provider.orElse(null)).param("offset", offset).param("limit", limit)
                .query(JdbcDeliveryLog::summary).list();
    }

    @Override
    public long count(Optional<String> provider) {
        return jdbc.sql("select count(*) from sharing.delivery where (cast(:provider as text) is null or provider = :provider)")
                .param("provider", provider.orElse(null)).query(Long.class).single();
    }

    @Override
    public Optional<DeliverySummary> find(long id) {
        return jdbc.sql("""
                select id, provider, feed, file_name, sha256, size_bytes, format, encoding, data_month, as_of, received_at,
                       status, reason, decided_by, decided_at, decision_reason, rows_read, rows_accepted, rows_rejected,
                       rows_review, rows_duplicate, rows_age_filtered, rows_linked, cells_expected, cells_filled,
                       facts_written, life_signs_written
                  from sharing.delivery where id = :id""")
                .param("id", id).query(JdbcDeliveryLog::summary).optional();
    }

    @Override
    public boolean writeRejects(long id, Writer out) throws IOException {
        if (find(id).isEmpty()) {
            return false;
        }
        out.write("行号,列,值,原因,整行退回\r\n");
        try {
            jdbc.sql("""
                    select row_no, column_header, value_sealed, reason, row_rejected, id from sharing.reject
                     where delivery_id = :id order by row_no, seq""")
                    .param("id", id)
                    .query((ResultSet rs) -> {
                        try {
                            out.write(Long.toString(rs.getLong(1)));
                            out.write(',');
                            out.write(csv(rs.getString(2)));
                            out.write(',');
                            // the cell is opened only here, for the file the provider corrects from (DATA-15)
                            out.write(csv(sealed.open(DeliveryStore.REJECT_VALUE, rs.getLong(6), rs.getBytes(3))));
                            out.write(',');
                            out.write(csv(rs.getString(4)));
                            out.write(',');
                            out.write(rs.getBoolean(5) ? "是" : "否");
                            out.write("\r\n");
                        }
                        catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return true;
    }

    /** Quotes a field when it must be, and defuses text a spreadsheet would run as a formula. */
    static String csv(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static DeliverySummary summary(ResultSet rs, int row) throws SQLException {
        String decidedBy = rs.getString("decided_by");
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        Optional<DeliverySummary.Decision> decision = decidedBy == null ? Optional.empty()
                : Optional.of(new DeliverySummary.Decision(decidedBy, decidedAt.toInstant(), rs.getString("decision_reason")));
        DeliveryCounts counts = new DeliveryCounts(rs.getLong("rows_read"), rs.getLong("rows_accepted"),
                rs.getLong("rows_rejected"), rs.getLong("rows_review"), rs.getLong("rows_duplicate"),
                rs.getLong("rows_age_filtered"), rs.getLong("rows_linked"), rs.getLong("cells_expected"),
                rs.getLong("cells_filled"), rs.getLong("facts_written"), rs.getLong("life_signs_written"));
        return new DeliverySummary(rs.getLong("id"), rs.getString("provider"), rs.getString("feed"),
                rs.getString("file_name"), rs.getString("sha256"), rs.getLong("size_bytes"), rs.getString("format"),
                rs.getString("encoding"), YearMonth.from(rs.getDate("data_month").toLocalDate()),
                rs.getDate("as_of").toLocalDate(), rs.getTimestamp("received_at").toInstant(),
                DeliveryStatus.valueOf(rs.getString("status")), Optional.ofNullable(rs.getString("reason")), decision,
                counts);
    }
}
