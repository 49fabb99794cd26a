package org.vigil.sharing.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.vigil.registry.PersonIndex;
import org.vigil.runtime.BinaryCopyWriter;

import org.postgresql.PGConnection;

/**
 * The same work as the ingestion of a proof-of-life file, done by PostgreSQL alone, as a yardstick:
 * COPY the file into an unlogged staging table, join it to the registry's persons on the ID, fold
 * the rows to one life sign per person and month (the latest date, of equal dates the first row)
 * and insert those into a table shaped like {@code sharing.life_sign} (same columns, primary key,
 * index and a foreign key to a one-row delivery table, as the pipeline's life signs reference their
 * delivery). Each step is one statement in its own transaction, timed on its own.
 *
 * <p>It does less than the pipeline, and the comparison should be read so: no check of ID check
 * characters, dates or names beyond what a cast and the join imply, no rejects file, no
 * duplicate-row detection, no raw-file store, and it keeps only rows of registry persons where
 * the pipeline also keeps the life signs of persons the registry does not know yet.
 */
public final class SqlBaseline {

    /** One timed step; {@code plan} is the insert's EXPLAIN ANALYZE output when asked for, else empty. */
    public record Step(String name, double seconds, long rows, List<String> plan) {

        Step(String name, double seconds, long rows) {
            this(name, seconds, rows, List.of());
        }
    }

    private static final String[] CLEAN = {
        "drop table if exists bench.staging", "drop table if exists bench.joined", "drop table if exists bench.folded",
        "drop table if exists bench.life_sign", "drop table if exists bench.delivery",
        "drop table if exists bench.person_key"};
    private static final String INSERT = """
            insert into bench.life_sign (person, feed, month, event_date, delivery_id, row_no)
            select person, ?, month, event_date, 1, row_no from bench.folded
            on conflict (person, feed, month) do nothing""";

    private final DataSource dataSource;
    private final PersonIndex persons;

    /**
     * @param persons the registry's persons: a plain table of their ID numbers and person numbers is
     *                made from them before the timing starts, standing for what a DBA would join
     *                against (Vigil's own tables hold the ID numbers only sealed, ADR 0035)
     */
    public SqlBaseline(DataSource dataSource, PersonIndex persons) {
        this.dataSource = dataSource;
        this.persons = persons;
    }

    /**
     * Runs the steps on {@code csv} (header row first; {@code pgEncoding} as PostgreSQL names it,
     * {@code UTF8} or {@code GB18030}) for catalogue feed {@code feed}.
     */
    public List<Step> run(Path csv, String pgEncoding, String feed) {
        return run(csv, pgEncoding, feed, false);
    }

    /**
     * As {@link #run(Path, String, String)}; with {@code explain} the insert runs under {@code EXPLAIN
     * (ANALYZE)}, which adds timing overhead but shows where its time goes (the index, the foreign-key
     * trigger).
     */
    public List<Step> run(Path csv, String pgEncoding, String feed, boolean explain) {
        List<Step> steps = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("create schema if not exists bench");
                for (String sql : CLEAN) {
                    s.execute(sql);
                }
                s.execute("create table bench.delivery (id bigint primary key)");
                s.execute("insert into bench.delivery values (1)");
                s.execute("create table bench.life_sign (like sharing.life_sign including all)");
                s.execute("alter table bench.life_sign add foreign key (delivery_id) references bench.delivery (id)");
                s.execute("create unlogged table bench.person_key (id_number text primary key, person bigint not null)");
            }
            try (BinaryCopyWriter out = BinaryCopyWriter.open(c,
                    "copy bench.person_key (id_number, person) from stdin with (format binary)")) {
                for (int i = 0; i < persons.size(); i++) {
                    out.row(2).text(persons.idNumber(i)).int8(persons.personNumber(i));
                }
                out.finish();
            }
            try (Statement s = c.createStatement()) {
                s.execute("analyze bench.person_key");
            }

            long t0 = System.nanoTime();
            long copied;
            try (Statement s = c.createStatement()) {
                s.execute("""
                        create unlogged table bench.staging (row_no bigint generated always as identity,
                            name text, id_number text, phone text, last_active text)""");
            }
            try (InputStream in = Files.newInputStream(csv)) {
                copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy bench.staging (name, id_number, phone, last_active) from stdin "
                                + "with (format csv, header true, encoding '" + checkedEncoding(pgEncoding) + "')",
                        in, 1 << 16);
            }
            steps.add(new Step("COPY the file into an unlogged staging table", seconds(t0), copied));

            steps.add(timed(c, "analyze the staging table", "analyze bench.staging"));
            // row_no + 1: the file's row number, the header being row 1 (as the pipeline counts)
            steps.add(timed(c, "join to the persons' ID numbers", """
                    create unlogged table bench.joined as
                    select s.row_no + 1 as row_no, p.person, s.last_active::timestamp as event_time
                      from bench.staging s join bench.person_key p on p.id_number = s.id_number"""));
            steps.add(timed(c, "fold to one row per person and month", """
                    create unlogged table bench.folded as
                    select distinct on (person, date_trunc('month', event_time))
                           person, date_trunc('month', event_time)::date as month, event_time::date as event_date, row_no
                      from bench.joined
                     order by person, date_trunc('month', event_time), event_time::date desc, row_no"""));
            long t1 = System.nanoTime();
            long inserted = -1;
            List<String> plan = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement(explain ? "explain (analyze) " + INSERT : INSERT)) {
                insert.setString(1, feed);
                if (explain) {
                    try (ResultSet rs = insert.executeQuery()) {
                        while (rs.next()) {
                            plan.add(rs.getString(1));
                        }
                    }
                }
                else {
                    inserted = insert.executeUpdate();
                }
            }
            steps.add(new Step("insert into a table like sharing.life_sign", seconds(t1), inserted, plan));

            try (Statement s = c.createStatement()) {
                for (String sql : CLEAN) {
                    s.execute(sql);
                }
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("the SQL baseline failed: " + e.getMessage(), e);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        return steps;
    }

    private static Step timed(Connection c, String name, String sql) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            boolean result = s.execute(sql);
            long rows = result ? -1 : s.getUpdateCount();
            return new Step(name, seconds(t0), rows);
        }
    }

    private static String checkedEncoding(String encoding) {
        if (!encoding.matches("[A-Z0-9_]+")) {
            throw new IllegalArgumentException("not an encoding name: " + encoding);
        }
        return encoding;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
