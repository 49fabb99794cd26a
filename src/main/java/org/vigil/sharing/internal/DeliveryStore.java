package org.vigil.sharing.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditEntry;
import org.vigil.governance.AuditTrail;
import org.vigil.governance.KeyService;
import org.vigil.governance.SealedValues;
import org.vigil.identity.IdKeys;
import org.vigil.runtime.BinaryCopyWriter;
import org.vigil.runtime.CopyWriter;
import org.vigil.sharing.DeliveryCounts;
import org.vigil.sharing.DeliveryStatus;
import org.vigil.vault.PersonVault;

/**
 * Writes a delivery and everything it established in one transaction: the delivery row, its
 * facts, life signs, rejects and review items. Either all of it commits or none of it does, and the
 * partial unique index on applied deliveries makes a second application of the same file fail
 * inside that transaction, so even two concurrent runs apply a file once. A delivery being applied
 * is written by a thread of its own ({@link #begin}), whose transaction it is from start to end,
 * so that its largest part, the life signs, overlaps what is left of combining it.
 */
@Component
class DeliveryStore {

    /** Everything known of a delivery before its rows are written. */
    record Header(String provider, String feed, String fileName, String sha256, long size, String format,
            String encoding, YearMonth dataMonth, LocalDate asOf, Instant receivedAt, int catalogueVersion,
            boolean ageFilter) {
    }

    /** A review row with the registry persons it may be. */
    record ReviewItem(ReviewRow row, List<PersonLookup.Candidate> candidates) {
    }

    /** Where the sealed values of this module live: part of each value's associated data (DATA-15). */
    static final String REJECT_VALUE = "sharing.reject.value_sealed";
    static final String REVIEW_NAME = "sharing.review_item.name_sealed";
    static final String CANDIDATE_NAMES = "sharing.review_item.candidate_names";
    /** Between the candidates' names in their one sealed value: a control character no name has. */
    static final String NAME_SEPARATOR = "\u001f";

    private static final String WRITER_THREAD = "vigil-write";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    private final AuditTrail audit;
    private final PersonVault vault;
    private final SealedValues sealed;

    DeliveryStore(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit,
            PersonVault vault, KeyService keys) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.vault = vault;
        this.sealed = new SealedValues(keys);
    }

    /**
     * DATA-18: a delivery taken in, held, released or discarded is an audited act, written as the
     * last step of its own transaction (the chain's lock is then held only until the commit). The
     * provider is the actor of a delivery; an officer of a decision on a held one.
     */
    private void audited(String actor, AuditAction action, long id, Header h, String status, Map<String, String> more) {
        Map<String, String> detail = new TreeMap<>(more);
        detail.put("status", status);
        if (h != null) {
            detail.put("feed", h.feed());
            detail.put("month", h.dataMonth().toString());
            detail.put("sha256", h.sha256());
        }
        audit.record(AuditEntry.of(actor, action, "delivery:" + id, detail));
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

    /**
     * Whether an applied or held delivery of the provider's feed and month has this size: a file
     * can repeat one only then, since the same bytes have the same size.
     */
    boolean mayRepeat(String provider, String feed, YearMonth month, long size) {
        return jdbc.sql("""
                select exists (select 1 from sharing.delivery
                 where provider = :provider and feed = :feed and data_month = :month and size_bytes = :size
                   and status in ('APPLIED', 'QUARANTINED'))""")
                .param("provider", provider).param("feed", feed).param("month", month.atDay(1)).param("size", size)
                .query(Boolean.class).single();
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
        return transactions.execute(status -> {
            long id = insertDelivery(h, "REFUSED", reason, DeliveryCounts.NONE, 0, 0);
            audited("provider:" + h.provider(), AuditAction.INGESTION, id, h, "REFUSED", Map.of());
            return id;
        });
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
                    audited("provider:" + h.provider(), AuditAction.INGESTION, id, h, "QUARANTINED", Map.of());
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
            Applied applied = writeRows(id, h, result, reviews);
            audited(officer, AuditAction.APPROVAL, id, h, "APPLIED", Map.of("step", "release",
                    "lifeSigns", Long.toString(applied.lifeSigns()), "facts", Long.toString(applied.facts())));
            return applied;
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
            audited(officer, AuditAction.APPROVAL, id, null, "DISCARDED", Map.of("step", "discard"));
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

    /** The applied delivery's number and what it wrote. */
    record Applied(long deliveryId, long facts, long lifeSigns) {
    }

    /**
     * Starts applying a delivery on a thread of its own, in the delivery's one transaction: the
     * delivery row and the life signs are written while the caller finishes the rest of the result
     * (repeats, counts) and asks the quality gate. Then {@link Pending#finish} hands the rest over
     * and waits for the commit, or {@link Pending#abandon} rolls back what was written. One
     * connection, one transaction, as before: a failure anywhere, or a crash, leaves nothing of
     * the delivery (ADR 0022).
     */
    Pending begin(Header h, LifeSigns signs) {
        Pending pending = new Pending(h, signs);
        pending.thread.start();
        return pending;
    }

    /** A delivery being applied; see {@link #begin}. */
    final class Pending {

        private record Rest(DeliveryResult result, List<ReviewItem> reviews) {
        }

        private final CompletableFuture<Rest> rest = new CompletableFuture<>();
        private final CompletableFuture<Applied> outcome = new CompletableFuture<>();
        private final Thread thread;

        private Pending(Header h, LifeSigns signs) {
            this.thread = new Thread(() -> run(h, signs), WRITER_THREAD);
            this.thread.setDaemon(true);
        }

        /**
         * Hands over the rest of the delivery, which is then written and committed. Empty when the
         * same file was applied meanwhile by another run.
         */
        Optional<Applied> finish(DeliveryResult result, List<ReviewItem> reviews) {
            if (!rest.complete(new Rest(result, reviews))) {
                throw new IllegalStateException("the delivery was abandoned or finished already");
            }
            try {
                return Optional.of(await());
            }
            catch (DuplicateKeyException e) {
                return Optional.empty();
            }
        }

        /**
         * Rolls back what was written and waits until it is, so that nothing of the delivery holds
         * a lock afterwards (holding the delivery would otherwise wait for it). No effect after
         * {@link #finish}.
         */
        void abandon() {
            if (rest.completeExceptionally(new CancellationException("the delivery is not applied"))) {
                try {
                    await();
                }
                catch (RuntimeException | Error e) {
                    // rolled back: whatever failed, nothing of the delivery was committed
                }
            }
        }

        private void run(Header h, LifeSigns signs) {
            try {
                outcome.complete(transactions.execute(status -> {
                    long id = insertDelivery(h, "APPLIED", null, DeliveryCounts.NONE, 0, 0);
                    Connection connection = DataSourceUtils.getConnection(dataSource);
                    try {
                        long written = copyLifeSigns(connection, id, h.feed(), signs);
                        // an abandoned delivery throws here, which rolls the transaction back
                        Rest r = rest.join();
                        Applied applied = writeRest(connection, id, h, r.result(), r.reviews(), written);
                        audited("provider:" + h.provider(), AuditAction.INGESTION, id, h, "APPLIED", Map.of(
                                "lifeSigns", Long.toString(applied.lifeSigns()), "facts", Long.toString(applied.facts())));
                        return applied;
                    }
                    catch (SQLException e) {
                        throw new IllegalStateException("could not write delivery " + h.fileName() + ": " + e.getMessage(), e);
                    }
                    finally {
                        DataSourceUtils.releaseConnection(connection, dataSource);
                    }
                }));
            }
            catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        }

        /** The writer's outcome; its failure is thrown as it was raised. */
        private Applied await() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return outcome.get();
                    }
                    catch (InterruptedException e) {
                        // the writer commits or rolls back on its own; what it did must still be told
                        interrupted = true;
                    }
                    catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof RuntimeException r) {
                            throw r;
                        }
                        if (cause instanceof Error error) {
                            throw error;
                        }
                        throw new IllegalStateException(cause);
                    }
                }
            }
            finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private Applied writeRows(long id, Header h, DeliveryResult r, List<ReviewItem> reviews) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            long signs = copyLifeSigns(connection, id, h.feed(), r.lifeSigns);
            return writeRest(connection, id, h, r, reviews, signs);
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not write delivery " + h.fileName() + ": " + e.getMessage(), e);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Everything but the delivery row and the life signs, and the delivery's final counts. */
    private Applied writeRest(Connection connection, long id, Header h, DeliveryResult r, List<ReviewItem> reviews,
            long signs) throws SQLException {
        long facts = copyFacts(connection, id, r.facts);
        copyRejects(connection, id, r.rejects);
        insertReviews(id, reviews);
        DeliveryCounts c = counts(r, facts, signs);
        jdbc.sql("""
                update sharing.delivery set rows_read = :read, rows_accepted = :accepted, rows_rejected = :rejected,
                    rows_review = :review, rows_duplicate = :duplicates, rows_age_filtered = :ageFiltered,
                    rows_linked = :linked, cells_expected = :expected, cells_filled = :filled,
                    facts_written = :facts, life_signs_written = :signs
                 where id = :id """)
                .param("read", c.rowsRead()).param("accepted", c.accepted()).param("rejected", c.rejected())
                .param("review", c.review()).param("duplicates", c.duplicates()).param("ageFiltered", c.ageFiltered())
                .param("linked", c.linked()).param("expected", c.cellsExpected()).param("filled", c.cellsFilled())
                .param("facts", facts).param("signs", signs).param("id", id)
                .update();
        return new Applied(id, facts, signs);
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

    private long copyFacts(Connection connection, long id, List<FactRow> facts) throws SQLException {
        if (facts.isEmpty()) {
            return 0;
        }
        // every ID of the facts, the subjects' and the other persons', to numbers in one batch
        int n = facts.size();
        for (FactRow f : facts) {
            n += f.otherIds().size();
        }
        long[] keys = new long[n];
        int k = 0;
        for (FactRow f : facts) {
            keys[k++] = f.idKey();
            for (long other : f.otherIds().values()) {
                keys[k++] = other;
            }
        }
        long[] numbers = new long[n];
        vault.numbersOf(keys, n, numbers);
        try (CopyWriter out = CopyWriter.open(connection, """
                copy sharing.fact (delivery_id, row_no, kind, person, linked, event_date, end_date, attributes)
                from stdin""")) {
            k = 0;
            for (FactRow f : facts) {
                long person = numbers[k++];
                Map<String, String> attributes = f.attributes();
                if (!f.otherIds().isEmpty()) {
                    attributes = new LinkedHashMap<>(attributes);
                    for (String column : f.otherIds().keySet()) {
                        attributes.put(FactRow.personKey(column), Long.toString(numbers[k++]));
                    }
                }
                out.number(id).number(f.row()).text(f.kind().name()).text(person == 0 ? null : Long.toString(person))
                        .bool(f.linked()).date(f.eventDate()).date(f.endDate()).text(JsonText.object(attributes));
                out.endRow();
            }
            return out.finish();
        }
    }

    private long copyLifeSigns(Connection connection, long id, String feed, LifeSigns signs) throws SQLException {
        if (signs.isEmpty()) {
            return 0;
        }
        // The first delivery of a feed's month cannot conflict with earlier signs: it goes straight
        // into the table. Later ones go through a staging table so earlier signs are kept.
        LocalDate[] range = months(signs);
        // the persons' numbers first: the vault may have to ask the database, which it cannot mid-COPY
        LifeSigns.Numbered numbered = signs.numbered(vault);
        boolean clash = jdbc.sql("""
                select exists (select 1 from sharing.life_sign where feed = :feed and month between :first and :last)""")
                .param("feed", feed).param("first", range[0]).param("last", range[1])
                .query(Boolean.class).single();
        if (!clash) {
            try (BinaryCopyWriter out = BinaryCopyWriter.open(connection, """
                    copy sharing.life_sign (person, feed, month, event_date, delivery_id, row_no)
                    from stdin with (format binary)""")) {
                writeSigns(out, numbered, feed, id);
                return out.finish();
            }
        }
        jdbc.sql("""
                create temporary table life_sign_load (person bigint, month date, event_date date, row_no bigint)
                    on commit drop""").update();
        try (BinaryCopyWriter out = BinaryCopyWriter.open(connection,
                "copy life_sign_load (person, month, event_date, row_no) from stdin with (format binary)")) {
            writeSigns(out, numbered, null, id);
            out.finish();
        }
        return jdbc.sql("""
                insert into sharing.life_sign (person, feed, month, event_date, delivery_id, row_no)
                select person, :feed, month, event_date, :id, row_no from life_sign_load
                on conflict (person, feed, month) do nothing""")
                .param("feed", feed).param("id", id).update();
    }

    /** The first and last month a fold covers, as first days, for the clash check. */
    private static LocalDate[] months(LifeSigns signs) {
        int[] range = {Integer.MAX_VALUE, Integer.MIN_VALUE};
        signs.forEachMonth(month -> {
            range[0] = Math.min(range[0], month);
            range[1] = Math.max(range[1], month);
        });
        return new LocalDate[] {LocalDate.of(range[0] / 12, range[0] % 12 + 1, 1),
                LocalDate.of(range[1] / 12, range[1] % 12 + 1, 1)};
    }

    /**
     * With a feed, rows for the table itself; without, rows for the staging table. In key order,
     * which makes PostgreSQL's work on the primary key several times cheaper, and in binary, which
     * spares it parsing two dates and two numbers a row.
     */
    private static void writeSigns(BinaryCopyWriter out, LifeSigns.Numbered signs, String feed, long id)
            throws SQLException {
        SQLException[] failure = new SQLException[1];
        LocalDate[] firstDay = new LocalDate[1];
        signs.forEach((person, month, date, row) -> {
            if (failure[0] != null) {
                return;
            }
            try {
                out.row(feed != null ? 6 : 4).int8(person);
                if (feed != null) {
                    out.text(feed);
                }
                if (firstDay[0] == null || firstDay[0].getYear() * 12 + firstDay[0].getMonthValue() - 1 != month) {
                    firstDay[0] = LocalDate.of(month / 12, month % 12 + 1, 1);
                }
                out.date(firstDay[0]).date(date);
                if (feed != null) {
                    out.int8(id);
                }
                out.int8(row);
            }
            catch (SQLException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private void copyRejects(Connection connection, long id, List<RejectLine> rejects) throws SQLException {
        if (rejects.isEmpty()) {
            return;
        }
        // the sealed cell is bound to its row's id, so the ids are taken before the rows are written
        List<Long> ids = jdbc.sql("""
                select nextval(pg_get_serial_sequence('sharing.reject', 'id')) from generate_series(1, :n)""")
                .param("n", rejects.size()).query(Long.class).list();
        // PostgreSQL refuses COPY into a table under row-level security (ADR 0026): the rejects go
        // through a temporary table of the transaction
        try (Statement s = connection.createStatement()) {
            s.execute("""
                    create temporary table reject_load (like sharing.reject) on commit drop""");
        }
        try (CopyWriter out = CopyWriter.open(connection, """
                copy reject_load (id, delivery_id, row_no, seq, column_header, value_sealed, reason_code, reason,
                    row_rejected)
                from stdin""")) {
            long lastRow = -1;
            int seq = 0;
            int i = 0;
            for (RejectLine r : rejects) {
                seq = r.row() == lastRow ? seq + 1 : 0;
                lastRow = r.row();
                long rejectId = ids.get(i++);
                // a rejected cell is whatever the department wrote: an ID, a name, anything, so every one is sealed
                String value = r.value() == null || r.value().isEmpty() ? null
                        : "\\x" + HexFormat.of().formatHex(sealed.seal(REJECT_VALUE, rejectId, r.value()));
                out.number(rejectId).number(id).number(r.row()).number(seq).text(r.column()).text(value)
                        .text(r.reasonCode()).text(r.reason()).bool(r.rowRejected());
                out.endRow();
            }
            out.finish();
        }
        try (Statement s = connection.createStatement()) {
            s.execute("""
                    insert into sharing.reject (id, delivery_id, row_no, seq, column_header, value_sealed, reason_code,
                        reason, row_rejected)
                    select id, delivery_id, row_no, seq, column_header, value_sealed, reason_code, reason, row_rejected
                      from reject_load;
                    drop table reject_load""");
        }
    }

    /** The last write of a delivery; package-visible so a test can make it fail and watch nothing remain. */
    void insertReviews(long id, List<ReviewItem> reviews) {
        for (ReviewItem item : reviews) {
            ReviewRow r = item.row();
            long itemId = jdbc.sql("select nextval(pg_get_serial_sequence('sharing.review_item', 'id'))")
                    .query(Long.class).single();
            List<PersonLookup.Candidate> candidates = item.candidates();
            long[] keys = new long[candidates.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = IdKeys.ofAscii(candidates.get(i).idNumber().getBytes(StandardCharsets.US_ASCII), 0);
            }
            long[] persons = new long[keys.length];
            vault.numbersOf(keys, keys.length, persons);
            StringBuilder json = new StringBuilder("[");
            StringBuilder names = new StringBuilder();
            for (int i = 0; i < keys.length; i++) {
                PersonLookup.Candidate c = candidates.get(i);
                Map<String, String> m = new LinkedHashMap<>();
                m.put("person", Long.toString(persons[i]));
                m.put("score", Integer.toString(c.score()));
                m.put("reasons", String.join(",", c.reasons()));
                json.append(i == 0 ? "" : ",").append(JsonText.object(m));
                names.append(i == 0 ? "" : NAME_SEPARATOR).append(c.name() == null ? "" : c.name());
            }
            jdbc.sql("""
                    insert into sharing.review_item (id, delivery_id, row_no, kind, name_sealed, gender, birth_date,
                        region_code, event_date, candidates, candidate_names)
                    values (:itemId, :id, :row, :kind, :name, :gender, :birth, :region, :event, cast(:candidates as jsonb),
                        :names)""")
                    .param("itemId", itemId).param("id", id).param("row", r.row()).param("kind", r.kind().name())
                    .param("name", sealed.seal(REVIEW_NAME, itemId, r.name()))
                    .param("gender", r.gender() == null ? null : r.gender().code()).param("birth", r.birthDate())
                    .param("region", r.regionCode()).param("event", r.eventDate())
                    .param("candidates", json.append(']').toString())
                    .param("names", keys.length == 0 ? null
                            : sealed.seal(CANDIDATE_NAMES, itemId, names.toString()))
                    .update();
        }
    }
}
