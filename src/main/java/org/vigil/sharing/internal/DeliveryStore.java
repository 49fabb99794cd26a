package org.vigil.sharing.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.runtime.CopyWriter;
import org.vigil.sharing.DeliveryCounts;
import org.vigil.sharing.DeliveryStatus;

/**
 * Writes a delivery and everything it established in one transaction: the delivery row, its
 * facts, life signs, rejects and review items. Either all of it commits or none of it does, and the
 * partial unique index on applied deliveries makes a second application of the same file fail
 * inside that transaction, so even two concurrent runs apply a file once.
 */
@Component
class DeliveryStore {

    /** Everything known of a delivery before its rows are written. */
    record Header(String provider, String feed, String fileName, String sha256, long size, String format,
            String encoding, YearMonth dataMonth, LocalDate asOf, Instant receivedAt, int catalogueVersion,
            boolean ageFilter) {
    }

    /** A review row with its candidates rendered. */
    record ReviewItem(ReviewRow row, String candidatesJson) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DeliveryStore(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** An applied or held delivery of the same file for the same provider and feed. */
    record Existing(long id, DeliveryStatus status, String reason) {
    }

    Optional<Existing> existing(String provider, String feed, YearMonth month, String sha256) {
        return jdbc.sql("""
                select id, status, reason from sharing.delivery
                 where provider = :provider and feed = :feed and data_month = :month and sha256 = :sha
                   and status in ('APPLIED', 'QUARANTINED')""")
                .param("provider", provider).param("feed", feed).param("month", month.atDay(1)).param("sha", sha256)
                .query((rs, n) -> new Existing(rs.getLong(1), DeliveryStatus.valueOf(rs.getString(2)), rs.getString(3)))
                .optional();
    }

    /** A held delivery as it was taken in, to run it again from its stored file. */
    record Held(long id, String provider, String feed, String fileName, String sha256, YearMonth dataMonth,
            LocalDate asOf) {
    }

    Optional<Held> held(long id) {
        return jdbc.sql("""
                select id, provider, feed, file_name, sha256, data_month, as_of from sharing.delivery
                 where id = :id and status = 'QUARANTINED'""")
                .param("id", id)
                .query((rs, n) -> new Held(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), YearMonth.from(rs.getDate(6).toLocalDate()), rs.getDate(7).toLocalDate()))
                .optional();
    }

    long refuse(Header h, String reason) {
        return transactions.execute(status -> insertDelivery(h, "REFUSED", reason, DeliveryCounts.NONE, 0, 0));
    }

    /**
     * Holds a delivery: its counts and rejects are recorded (the provider may correct from them),
     * nothing else. Empty when the same file was applied or held meanwhile.
     */
    Optional<Long> hold(Header h, DeliveryResult result, String reasons) {
        try {
            return Optional.of(transactions.execute(status -> {
                long id = insertDelivery(h, "QUARANTINED", reasons, counts(result, 0, 0), 0, 0);
                Connection connection = DataSourceUtils.getConnection(dataSource);
                try {
                    copyRejects(connection, id, result.rejects);
                    return id;
                }
                catch (SQLException e) {
                    throw new IllegalStateException("could not hold delivery " + h.fileName() + ": " + e.getMessage(), e);
                }
                finally {
                    DataSourceUtils.releaseConnection(connection, dataSource);
                }
            }));
        }
        catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    /** Applies a held delivery under its own number, recording the officer's decision. */
    Applied release(long id, Header h, DeliveryResult result, List<ReviewItem> reviews, String officer, String reason) {
        return transactions.execute(status -> {
            lockHeld(id);
            jdbc.sql("delete from sharing.reject where delivery_id = :id").param("id", id).update();
            DeliveryCounts c = counts(result, 0, 0);
            jdbc.sql("""
                    update sharing.delivery set status = 'APPLIED', decided_by = :officer, decided_at = :at,
                        decision_reason = :reason, rows_read = :read, rows_accepted = :accepted,
                        rows_rejected = :rejected, rows_review = :review, rows_duplicate = :duplicates,
                        rows_age_filtered = :ageFiltered, rows_linked = :linked, cells_expected = :expected,
                        cells_filled = :filled
                     where id = :id""")
                    .param("officer", officer).param("at", Timestamp.from(h.receivedAt())).param("reason", reason)
                    .param("read", c.rowsRead()).param("accepted", c.accepted()).param("rejected", c.rejected())
                    .param("review", c.review()).param("duplicates", c.duplicates())
                    .param("ageFiltered", c.ageFiltered()).param("linked", c.linked())
                    .param("expected", c.cellsExpected()).param("filled", c.cellsFilled()).param("id", id)
                    .update();
            return writeRows(id, h, result, reviews);
        });
    }

    void discard(long id, String officer, String reason, Instant at) {
        transactions.executeWithoutResult(status -> {
            lockHeld(id);
            jdbc.sql("""
                    update sharing.delivery set status = 'DISCARDED', decided_by = :officer, decided_at = :at,
                        decision_reason = :reason
                     where id = :id""")
                    .param("officer", officer).param("at", Timestamp.from(at)).param("reason", reason).param("id", id)
                    .update();
        });
    }

    private void lockHeld(long id) {
        String current = jdbc.sql("select status from sharing.delivery where id = :id for update")
                .param("id", id).query(String.class).optional()
                .orElseThrow(() -> new IllegalStateException("no delivery " + id));
        if (!"QUARANTINED".equals(current)) {
            throw new IllegalStateException("delivery " + id + " is " + current + ", not held");
        }
    }

    /**
     * Applies a delivery. Returns empty when the same file was applied meanwhile by another run.
     */
    Optional<Applied> apply(Header h, DeliveryResult result, List<ReviewItem> reviews) {
        try {
            return Optional.of(transactions.execute(status -> write(h, result, reviews)));
        }
        catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    /** The applied delivery's number and what it wrote. */
    record Applied(long deliveryId, long facts, long lifeSigns) {
    }

    private Applied write(Header h, DeliveryResult r, List<ReviewItem> reviews) {
        DeliveryCounts provisional = counts(r, 0, 0);
        long id = insertDelivery(h, "APPLIED", null, provisional, 0, 0);
        return writeRows(id, h, r, reviews);
    }

    private Applied writeRows(long id, Header h, DeliveryResult r, List<ReviewItem> reviews) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            long facts = copyFacts(connection, id, r.facts);
            long signs = copyLifeSigns(connection, id, h.feed(), r.lifeSigns);
            copyRejects(connection, id, r.rejects);
            insertReviews(id, reviews);
            jdbc.sql("""
                    update sharing.delivery set facts_written = :facts, life_signs_written = :signs where id = :id""")
                    .param("facts", facts).param("signs", signs).param("id", id).update();
            return new Applied(id, facts, signs);
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not write delivery " + h.fileName() + ": " + e.getMessage(), e);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    static DeliveryCounts counts(DeliveryResult r, long facts, long signs) {
        return new DeliveryCounts(r.rowsRead, r.accepted, r.rejected, r.review, r.duplicates, r.ageFiltered, r.linked,
                r.cellsExpected, r.cellsFilled, facts, signs);
    }

    private long insertDelivery(Header h, String status, String reason, DeliveryCounts c, long facts, long signs) {
        return jdbc.sql("""
                insert into sharing.delivery (provider, feed, file_name, sha256, size_bytes, format, encoding, data_month,
                    as_of, received_at, status, reason, catalogue_version, age_filter, rows_read, rows_accepted, rows_rejected,
                    rows_review, rows_duplicate, rows_age_filtered, rows_linked, cells_expected, cells_filled,
                    facts_written, life_signs_written)
                values (:provider, :feed, :fileName, :sha, :size, :format, :encoding, :month, :asOf, :receivedAt,
                    :status, :reason, :catalogueVersion, :ageFilter, :read, :accepted, :rejected, :review, :duplicates,
                    :ageFiltered, :linked, :expected, :filled, :facts, :signs)
                returning id""")
                .param("provider", h.provider()).param("feed", h.feed()).param("fileName", h.fileName())
                .param("sha", h.sha256()).param("size", h.size()).param("format", h.format())
                .param("encoding", h.encoding()).param("month", h.dataMonth().atDay(1)).param("asOf", h.asOf())
                .param("receivedAt", Timestamp.from(h.receivedAt())).param("status", status).param("reason", reason)
                .param("catalogueVersion", h.catalogueVersion()).param("ageFilter", h.ageFilter()).param("read", c.rowsRead())
                .param("accepted", c.accepted()).param("rejected", c.rejected()).param("review", c.review())
                .param("duplicates", c.duplicates()).param("ageFiltered", c.ageFiltered()).param("linked", c.linked())
                .param("expected", c.cellsExpected()).param("filled", c.cellsFilled()).param("facts", facts)
                .param("signs", signs)
                .query(Long.class).single();
    }

    private static long copyFacts(Connection connection, long id, List<FactRow> facts) throws SQLException {
        if (facts.isEmpty()) {
            return 0;
        }
        try (CopyWriter out = CopyWriter.open(connection, """
                copy sharing.fact (delivery_id, row_no, kind, id_number, linked, event_date, end_date, attributes)
                from stdin""")) {
            for (FactRow f : facts) {
                out.number(id).number(f.row()).text(f.kind().name()).text(f.idNumber()).bool(f.linked())
                        .date(f.eventDate()).date(f.endDate()).text(JsonText.object(f.attributes()));
                out.endRow();
            }
            return out.finish();
        }
    }

    private long copyLifeSigns(Connection connection, long id, String feed, LifeSignTable signs) throws SQLException {
        if (signs.size() == 0) {
            return 0;
        }
        // The first delivery of a feed's month cannot conflict with earlier signs: it goes straight
        // into the table. Later ones go through a staging table so earlier signs are kept.
        LocalDate[] range = months(signs);
        boolean clash = jdbc.sql("""
                select exists (select 1 from sharing.life_sign where feed = :feed and month between :first and :last)""")
                .param("feed", feed).param("first", range[0]).param("last", range[1])
                .query(Boolean.class).single();
        if (!clash) {
            try (CopyWriter out = CopyWriter.open(connection,
                    "copy sharing.life_sign (id_number, feed, month, event_date, delivery_id, row_no) from stdin")) {
                writeSigns(out, signs, feed, id);
                return out.finish();
            }
        }
        jdbc.sql("""
                create temporary table life_sign_load (id_number char(18), month date, event_date date, row_no bigint)
                    on commit drop""").update();
        try (CopyWriter out = CopyWriter.open(connection,
                "copy life_sign_load (id_number, month, event_date, row_no) from stdin")) {
            writeSigns(out, signs, null, id);
            out.finish();
        }
        return jdbc.sql("""
                insert into sharing.life_sign (id_number, feed, month, event_date, delivery_id, row_no)
                select id_number, :feed, month, event_date, :id, row_no from life_sign_load
                on conflict (id_number, feed, month) do nothing""")
                .param("feed", feed).param("id", id).update();
    }

    /** The first and last month a fold covers, as first days, for the clash check. */
    private static LocalDate[] months(LifeSignTable signs) {
        int[] range = {Integer.MAX_VALUE, Integer.MIN_VALUE};
        signs.forEachMonth(month -> {
            range[0] = Math.min(range[0], month);
            range[1] = Math.max(range[1], month);
        });
        return new LocalDate[] {LocalDate.of(range[0] / 12, range[0] % 12 + 1, 1),
                LocalDate.of(range[1] / 12, range[1] % 12 + 1, 1)};
    }

    /** With a feed, rows for the table itself; without, rows for the staging table. */
    private static void writeSigns(CopyWriter out, LifeSignTable signs, String feed, long id) throws SQLException {
        SQLException[] failure = new SQLException[1];
        signs.forEach((idNumber, month, date, row) -> {
            if (failure[0] != null) {
                return;
            }
            try {
                out.text(idNumber);
                if (feed != null) {
                    out.text(feed);
                }
                out.date(LocalDate.of(month / 12, month % 12 + 1, 1)).date(date);
                if (feed != null) {
                    out.number(id);
                }
                out.number(row);
                out.endRow();
            }
            catch (SQLException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void copyRejects(Connection connection, long id, List<RejectLine> rejects) throws SQLException {
        if (rejects.isEmpty()) {
            return;
        }
        try (CopyWriter out = CopyWriter.open(connection, """
                copy sharing.reject (delivery_id, row_no, seq, column_header, value, reason_code, reason, row_rejected)
                from stdin""")) {
            long lastRow = -1;
            int seq = 0;
            for (RejectLine r : rejects) {
                seq = r.row() == lastRow ? seq + 1 : 0;
                lastRow = r.row();
                out.number(id).number(r.row()).number(seq).text(r.column()).text(r.value()).text(r.reasonCode())
                        .text(r.reason()).bool(r.rowRejected());
                out.endRow();
            }
            out.finish();
        }
    }

    /** The last write of a delivery; package-visible so a test can make it fail and watch nothing remain. */
    void insertReviews(long id, List<ReviewItem> reviews) {
        for (ReviewItem item : reviews) {
            ReviewRow r = item.row();
            jdbc.sql("""
                    insert into sharing.review_item (delivery_id, row_no, kind, name, gender, birth_date, region_code,
                        event_date, candidates)
                    values (:id, :row, :kind, :name, :gender, :birth, :region, :event, cast(:candidates as jsonb))""")
                    .param("id", id).param("row", r.row()).param("kind", r.kind().name()).param("name", r.name())
                    .param("gender", r.gender() == null ? null : r.gender().code()).param("birth", r.birthDate())
                    .param("region", r.regionCode()).param("event", r.eventDate())
                    .param("candidates", item.candidatesJson())
                    .update();
        }
    }
}
