package org.vigil.governance.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.util.FileSystemUtils;
import org.vigil.governance.KeyService;
import org.vigil.governance.backup.BackupSummary;
import org.vigil.runtime.DatabaseServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a backup (DATA-16): every table of every module schema, with each schema's migration
 * history, read by COPY in one repeatable-read, read-only transaction, so the backup is one moment
 * of the database however long it takes and whatever runs meanwhile. It reads as the owning role:
 * the application's role may one day not see every row (row-level security, issue 5 §1).
 */
final class BackupWriter {

    private static final HexFormat HEX = HexFormat.of();

    private final DatabaseServer server;
    private final KeyService keys;
    private final Clock clock;
    private final JsonMapper json;
    private final int chunkBytes;

    BackupWriter(DatabaseServer server, KeyService keys, Clock clock, JsonMapper json, int chunkBytes) {
        if (chunkBytes < BackupFormat.MIN_CHUNK || chunkBytes > BackupFormat.MAX_CHUNK) {
            throw new IllegalArgumentException("vigil.backup.chunk-size must be from 1KB to 64MB, found " + chunkBytes
                    + " bytes");
        }
        this.server = server;
        this.keys = keys;
        this.clock = clock;
        this.json = json;
        this.chunkBytes = chunkBytes;
    }

    /** A finished backup and what its manifest says. */
    record Written(BackupSummary summary, BackupManifest manifest, byte[] manifestBytes) {
    }

    Written write(Path dir) {
        long t0 = System.nanoTime();
        Instant takenAt = clock.instant();
        Path partial;
        String id;
        try {
            Files.createDirectories(dir);
            int attempt = 1;
            id = BackupFormat.id(takenAt, attempt);
            // two backups in one millisecond (or under a clock that stands still) get numbered names
            while (Files.exists(dir.resolve(id)) || Files.exists(dir.resolve(id + BackupFormat.PARTIAL))) {
                if (++attempt > 9999) {
                    throw new IllegalStateException("no free backup name under " + dir);
                }
                id = BackupFormat.id(takenAt, attempt);
            }
            partial = dir.resolve(id + BackupFormat.PARTIAL);
            Files.createDirectory(partial);
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not make a backup folder under " + dir + ": " + e.getMessage(), e);
        }
        try {
            BackupManifest manifest = copyOut(partial, id, takenAt);
            byte[] manifestBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
            Files.write(partial.resolve(BackupFormat.MANIFEST), manifestBytes);
            KeyService.Signature signature = keys.sign(manifestBytes);
            Map<String, String> sig = new LinkedHashMap<>();
            sig.put("algorithm", BackupFormat.SIGNATURE_ALGORITHM);
            sig.put("key", signature.keyId());
            sig.put("signature", HEX.formatHex(signature.value()));
            Files.write(partial.resolve(BackupFormat.SIGNATURE), json.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(sig).getBytes(StandardCharsets.UTF_8));
            Path done = dir.resolve(id);
            // the rename is the moment the backup exists: before it, nothing looks for a .partial folder
            Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
            Map<String, String> schemas = new LinkedHashMap<>();
            manifest.schemas().forEach(s -> schemas.put(s.name(), s.version()));
            BackupSummary summary = new BackupSummary(id, done, takenAt, schemas, manifest.tables().size(), manifest.rows(),
                    manifest.bytes(), size(done), manifest.tables().isEmpty() ? keys.currentDataKey()
                            : manifest.tables().get(0).dataKey(), signature.keyId(),
                    Duration.ofNanos(System.nanoTime() - t0));
            return new Written(summary, manifest, manifestBytes);
        }
        catch (IOException | SQLException | RuntimeException e) {
            RuntimeException failure = e instanceof RuntimeException r ? r
                    : new IllegalStateException("the backup " + id + " failed: " + e.getMessage(), e);
            try {
                FileSystemUtils.deleteRecursively(partial);
            }
            catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    private BackupManifest copyOut(Path folder, String id, Instant takenAt) throws SQLException, IOException {
        try (Connection c = server.asOwner(server.urlOf(server.database())).getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set transaction isolation level repeatable read, read only");
            }
            String database = single(c, "select current_database()");
            String version = single(c, "select current_setting('server_version')");
            List<String> schemas = presentSchemas(c);
            List<BackupManifest.Schema> versions = new ArrayList<>();
            for (String schema : schemas) {
                versions.add(new BackupManifest.Schema(schema, migrationVersion(c, schema)));
            }
            List<BackupManifest.Table> tables = new ArrayList<>();
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            String dataKey = keys.currentDataKey();
            int index = 0;
            for (TableName t : tables(c, schemas)) {
                List<String> columns = columns(c, t);
                String file = BackupFormat.fileName(++index, t.schema(), t.table());
                String select = String.join(", ", columns.stream().map(BackupFormat::quote).toList());
                long rows;
                SealingOutputStream out = new SealingOutputStream(folder.resolve(file), keys, dataKey, id, t.schema(),
                        t.table(), chunkBytes);
                try (out) {
                    rows = copy.copyOut("copy (select " + select + " from " + BackupFormat.qualified(t.schema(), t.table())
                            + ") to stdout", out);
                    out.finish();
                }
                tables.add(new BackupManifest.Table(t.schema(), t.table(), columns, file, rows, out.bytes(), out.chunks(),
                        HEX.formatHex(out.sha256()), dataKey));
            }
            // read-only: there is nothing to commit, and ending the snapshot this way says so
            c.rollback();
            return new BackupManifest(BackupFormat.FORMAT, id, takenAt.toString(), database, "PostgreSQL " + version,
                    "repeatable read, read only", chunkBytes, versions, tables);
        }
    }

    private List<String> presentSchemas(Connection c) throws SQLException {
        List<String> present = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "select nspname from pg_namespace where nspname = any(?) order by nspname")) {
            Array names = c.createArrayOf("text", server.moduleSchemas().toArray());
            s.setArray(1, names);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    present.add(rs.getString(1));
                }
            }
        }
        return present;
    }

    private static String migrationVersion(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select version from "
                + BackupFormat.qualified(schema, "flyway_schema_history")
                + " where success and version is not null order by installed_rank desc limit 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("schema " + schema + " has no applied migration: not a Vigil schema");
            }
            return rs.getString(1);
        }
    }

    /** Ordinary and partitioned tables; a partition's rows come with its parent's. */
    private static List<TableName> tables(Connection c, List<String> schemas) throws SQLException {
        List<TableName> tables = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select n.nspname, c.relname
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = any(?) and c.relkind in ('r', 'p') and not c.relispartition
                 order by n.nspname, c.relname""")) {
            s.setArray(1, c.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(new TableName(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return tables;
    }

    /** Stored columns in table order; generated columns are computed again on restore. */
    private static List<String> columns(Connection c, TableName t) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select a.attname
                  from pg_attribute a
                  join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = ? and c.relname = ? and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                 order by a.attnum""")) {
            s.setString(1, t.schema());
            s.setString(2, t.table());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            long total = 0;
            for (Path f : (Iterable<Path>) files::iterator) {
                total += Files.size(f);
            }
            return total;
        }
    }

    record TableName(String schema, String table) {
    }
}
