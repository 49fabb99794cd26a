package org.vigil.governance.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.governance.backup.BackupRefusedException;
import org.vigil.governance.backup.RestoreReport;
import org.vigil.runtime.DatabaseServer;

/**
 * Restores a verified backup into an empty database, all or nothing (DATA-16). The schemas are
 * created by the modules' own migrations up to the versions the backup was taken at, so the data
 * meets the very tables, constraints and grants it left; then every table is loaded by COPY in one
 * transaction, parents before children as the foreign keys in {@code pg_constraint} require, and
 * the identity sequences are moved past the restored rows. Every constraint is checked as rows
 * arrive: Vigil's foreign keys are not deferrable, and switching triggers off would load what the
 * database would refuse.
 *
 * <p>Migrations commit as they go, so a failure after them is undone by dropping what the restore
 * made: the database when it created it, else the schemas, which the target did not have before.
 */
final class DatabaseRestore {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRestore.class);
    private static final Pattern URL = Pattern.compile("^jdbc:postgresql:.*");

    private final DatabaseServer server;
    private final BackupReader reader;

    DatabaseRestore(DatabaseServer server, BackupReader reader) {
        this.server = server;
        this.reader = reader;
    }

    RestoreReport restore(Path folder, String into) {
        long t0 = System.nanoTime();
        BackupReader.Opened backup = reader.open(folder);
        // every chunk is proven before the target is touched, so a bad backup leaves no trace
        reader.verify(backup);
        long verified = System.nanoTime();
        BackupManifest manifest = backup.manifest();
        Target target = target(into);
        DataSource owner = server.asOwner(target.url());
        try {
            requireEmpty(owner, target.database(), manifest);
        }
        catch (RuntimeException e) {
            if (target.created()) {
                dropAfter(e, target);
            }
            throw e;
        }
        long migrated;
        long loaded;
        try {
            Map<String, String> versions = new LinkedHashMap<>();
            manifest.schemas().forEach(s -> versions.put(s.name(), s.version()));
            server.migrate(owner, versions);
            migrated = System.nanoTime();
            load(owner, backup);
            loaded = System.nanoTime();
            analyze(owner, manifest);
        }
        catch (RuntimeException e) {
            undo(e, owner, target, manifest);
            throw e;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        // the phases, so an operator planning a recovery sees where its time goes
        log.info("Restored backup {} into database {}: {} tables, {} rows in {} ms (verify {} ms, schemas {} ms, load {} ms,"
                + " analyze {} ms)", manifest.id(), target.database(), manifest.tables().size(), manifest.rows(),
                elapsed.toMillis(), (verified - t0) / 1_000_000, (migrated - verified) / 1_000_000,
                (loaded - migrated) / 1_000_000, (t0 + elapsed.toNanos() - loaded) / 1_000_000);
        return new RestoreReport(manifest.id(), target.database(), target.created(), manifest.tables().size(),
                manifest.rows(), elapsed);
    }

    private Target target(String into) {
        if (into == null || into.isBlank()) {
            throw new IllegalArgumentException("a restore needs a target: a JDBC URL or a database name");
        }
        if (URL.matcher(into).matches()) {
            String name = databaseIn(into);
            return new Target(into, name, false);
        }
        if (server.exists(into)) {
            return new Target(server.urlOf(into), into, false);
        }
        server.create(into);
        return new Target(server.urlOf(into), into, true);
    }

    /** The database a target URL names, asked of the server itself so no URL is parsed twice. */
    private String databaseIn(String url) {
        try (Connection c = server.asOwner(url).getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select current_database()")) {
            rs.next();
            return rs.getString(1);
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not connect to the target database as " + server.owner() + ": "
                    + e.getMessage(), e);
        }
    }

    private void requireEmpty(DataSource owner, String database, BackupManifest manifest) {
        List<String> found = new ArrayList<>();
        try (Connection c = owner.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "select nspname from pg_namespace where nspname = any(?) order by nspname")) {
                s.setArray(1, c.createArrayOf("text", manifest.schemas().stream().map(BackupManifest.Schema::name).toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add("schema " + rs.getString(1));
                    }
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    select n.nspname || '.' || c.relname
                      from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                       and n.nspname not in ('pg_catalog', 'information_schema')
                       and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
                     order by 1 limit 5""")) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not look into the target database " + database + ": " + e.getMessage(), e);
        }
        if (!found.isEmpty()) {
            throw new BackupRefusedException("the target database " + database + " is not empty (it holds "
                    + String.join(", ", found) + "): a backup is restored only into an empty database");
        }
    }

    private void load(DataSource owner, BackupReader.Opened backup) {
        BackupManifest manifest = backup.manifest();
        try (Connection c = owner.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<BackupManifest.Table> order = loadOrder(c, manifest);
                var copy = c.unwrap(PGConnection.class).getCopyAPI();
                if (!order.isEmpty()) {
                    // the target was empty, so every row in it now is the migrations' own: their history and
                    // the seed rows some write (quality thresholds); the backup has both as they stood
                    try (Statement s = c.createStatement()) {
                        s.execute("truncate " + String.join(", ", order.stream().map(BackupManifest.Table::qualified)
                                .toList()));
                    }
                }
                for (BackupManifest.Table t : order) {
                    String columns = String.join(", ", t.columns().stream().map(BackupFormat::quote).toList());
                    CopyIn in = copy.copyIn("copy " + t.qualified() + " (" + columns + ") from stdin");
                    long rows;
                    try {
                        reader.read(backup, t, (plain, n) -> in.writeToCopy(plain, 0, n));
                        rows = in.endCopy();
                    }
                    catch (SQLException | RuntimeException e) {
                        if (in.isActive()) {
                            try {
                                in.cancelCopy();
                            }
                            catch (SQLException cancel) {
                                e.addSuppressed(cancel);
                            }
                        }
                        throw e;
                    }
                    if (rows != t.rows()) {
                        throw new IllegalStateException("table " + t.display() + " took " + rows + " rows, the manifest says "
                                + t.rows());
                    }
                }
                resetSequences(c, manifest);
                c.commit();
            }
            catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                }
                catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("the restore of backup " + manifest.id() + " failed: " + e.getMessage(), e);
        }
    }

    /** Tables in the manifest's order, moved so that each comes after every table its foreign keys point to. */
    private static List<BackupManifest.Table> loadOrder(Connection c, BackupManifest manifest) throws SQLException {
        Map<String, BackupManifest.Table> byName = new LinkedHashMap<>();
        manifest.tables().forEach(t -> byName.put(t.display(), t));
        Map<String, Set<String>> parents = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select cn.nspname, cc.relname, pn.nspname, pc.relname
                  from pg_constraint k
                  join pg_class cc on cc.oid = k.conrelid join pg_namespace cn on cn.oid = cc.relnamespace
                  join pg_class pc on pc.oid = k.confrelid join pg_namespace pn on pn.oid = pc.relnamespace
                 where k.contype = 'f' and cn.nspname = any(?)""")) {
            s.setArray(1, c.createArrayOf("text", manifest.schemas().stream().map(BackupManifest.Schema::name).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String child = BackupFormat.display(rs.getString(1), rs.getString(2));
                    String parent = BackupFormat.display(rs.getString(3), rs.getString(4));
                    // a row may point at another row of its own table; such a table is loaded in its stored order
                    if (!child.equals(parent) && byName.containsKey(child) && byName.containsKey(parent)) {
                        parents.computeIfAbsent(child, k -> new LinkedHashSet<>()).add(parent);
                    }
                }
            }
        }
        List<BackupManifest.Table> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(byName.keySet());
        int stalled = 0;
        while (!pending.isEmpty()) {
            String next = pending.poll();
            if (placed.containsAll(parents.getOrDefault(next, Set.of()))) {
                placed.add(next);
                order.add(byName.get(next));
                stalled = 0;
            }
            else {
                pending.add(next);
                if (++stalled > pending.size()) {
                    throw new IllegalStateException("the foreign keys among " + pending + " form a cycle, which a restore "
                            + "table by table cannot load");
                }
            }
        }
        return order;
    }

    /** Identity and serial sequences continue after the highest restored value, as they did in the source. */
    private static void resetSequences(Connection c, BackupManifest manifest) throws SQLException {
        List<String[]> owned = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select sn.nspname, s.relname, tn.nspname, t.relname, a.attname
                  from pg_class s
                  join pg_namespace sn on sn.oid = s.relnamespace
                  join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass
                                  and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
                  join pg_class t on t.oid = d.refobjid
                  join pg_namespace tn on tn.oid = t.relnamespace
                  join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
                 where s.relkind = 'S' and sn.nspname = any(?)""")) {
            s.setArray(1, c.createArrayOf("text", manifest.schemas().stream().map(BackupManifest.Schema::name).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    owned.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)});
                }
            }
        }
        for (String[] o : owned) {
            try (PreparedStatement s = c.prepareStatement("select setval(cast(? as regclass), m) from (select max("
                    + BackupFormat.quote(o[4]) + ") as m from " + BackupFormat.qualified(o[2], o[3]) + ") x where m is not null")) {
                s.setString(1, BackupFormat.qualified(o[0], o[1]));
                s.execute();
            }
        }
    }

    /** Fresh statistics, so the first queries on the restored database plan as they did on the source. */
    private static void analyze(DataSource owner, BackupManifest manifest) {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            for (BackupManifest.Table t : manifest.tables()) {
                s.execute("analyze " + t.qualified());
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not analyze the restored tables: " + e.getMessage(), e);
        }
    }

    private void undo(RuntimeException failure, DataSource owner, Target target, BackupManifest manifest) {
        if (target.created()) {
            dropAfter(failure, target);
            return;
        }
        // the target had none of these schemas before (requireEmpty), so dropping them returns it to what it was
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            for (BackupManifest.Schema schema : manifest.schemas()) {
                s.execute("drop schema if exists " + BackupFormat.quote(schema.name()) + " cascade");
            }
        }
        catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void dropAfter(RuntimeException failure, Target target) {
        try {
            server.drop(target.database());
        }
        catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Where a restore goes, and whether it made the database. */
    private record Target(String url, String database, boolean created) {
    }
}
