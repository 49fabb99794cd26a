package org.vigil.governance.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditEntry;
import org.vigil.governance.AuditTrail;
import org.vigil.governance.AuditVerification;
import org.vigil.governance.KeyService;
import org.vigil.governance.backup.BackupSummary;
import org.vigil.governance.backup.Backups;
import org.vigil.governance.backup.DrillCheck;
import org.vigil.governance.backup.DrillReport;
import org.vigil.governance.backup.RestoreReport;
import org.vigil.runtime.DatabaseServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Backups, restores and drills (DATA-16), each recorded: backups and drills as rows of the
 * governance schema, all three as audit events. The events name the backup by its id and carry
 * counts, keys and times only: a backup holds personal data, its audit trail does not.
 */
final class JdbcBackups implements Backups {

    private static final Logger log = LoggerFactory.getLogger(JdbcBackups.class);
    private static final DateTimeFormatter SCRATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
            .withZone(ZoneOffset.UTC);

    private final DatabaseServer server;
    private final KeyService keys;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Path directory;
    private final int checkpointEvery;
    private final JsonMapper json = JsonMapper.builder().build();
    private final BackupWriter writer;
    private final BackupReader reader;
    private final DatabaseRestore restorer;

    JdbcBackups(DatabaseServer server, KeyService keys, AuditTrail audit, JdbcClient jdbc, TransactionTemplate transactions,
            Clock clock, Path directory, int chunkBytes, int checkpointEvery) {
        this.server = server;
        this.keys = keys;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.directory = directory;
        this.checkpointEvery = checkpointEvery;
        this.writer = new BackupWriter(server, keys, clock, json, chunkBytes);
        this.reader = new BackupReader(keys, json);
        this.restorer = new DatabaseRestore(server, reader);
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public BackupSummary backup(Path dir) {
        BackupWriter.Written written = writer.write(dir);
        BackupSummary s = written.summary();
        String schemas = s.schemas().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                            insert into governance.backup (id, taken_at, folder, schemas, tables, row_count, data_bytes,
                                stored_bytes, data_key, signing_key, manifest_sha256, duration_ms)
                            values (:id, :at, :folder, :schemas, :tables, :rows, :data, :stored, :dataKey, :signingKey,
                                :sha, :ms)""")
                    .param("id", s.id()).param("at", Timestamp.from(s.takenAt()))
                    .param("folder", s.folder().toAbsolutePath().normalize().toString()).param("schemas", schemas)
                    .param("tables", s.tables()).param("rows", s.rows()).param("data", s.dataBytes())
                    .param("stored", s.storedBytes()).param("dataKey", s.dataKey()).param("signingKey", s.signingKey())
                    .param("sha", sha256(written.manifestBytes())).param("ms", s.elapsed().toMillis()).update();
            audit.record(AuditEntry.of("system:backup", AuditAction.EXPORT, "backup:" + s.id(), Map.of(
                    "tables", String.valueOf(s.tables()), "rows", String.valueOf(s.rows()),
                    "dataBytes", String.valueOf(s.dataBytes()), "storedBytes", String.valueOf(s.storedBytes()),
                    "dataKey", s.dataKey(), "signingKey", s.signingKey())));
        });
        log.info("Backup {} written to {}: {} tables, {} rows, {} bytes sealed in {} ms", s.id(), s.folder(), s.tables(),
                s.rows(), s.storedBytes(), s.elapsed().toMillis());
        return s;
    }

    @Override
    public RestoreReport restore(Path backup, String into) {
        RestoreReport r = restorer.restore(backup, into);
        transactions.executeWithoutResult(tx -> audit.record(AuditEntry.of("system:restore", AuditAction.CHANGE,
                "backup:" + r.backupId(), Map.of("database", r.database(), "created", String.valueOf(r.created()),
                        "tables", String.valueOf(r.tables()), "rows", String.valueOf(r.rows()),
                        "ms", String.valueOf(r.elapsed().toMillis())))));
        return r;
    }

    @Override
    public Optional<Path> latest(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> BackupFormat.ID.matcher(p.getFileName().toString()).matches())
                    .max(Comparator.comparing((Path p) -> p.getFileName().toString().split("-")[0])
                            .thenComparingInt(p -> {
                                String[] parts = p.getFileName().toString().split("-");
                                return parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
                            }));
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not list the backups in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public DrillReport drill(Path backup, List<DrillCheck> more) {
        Instant started = clock.instant();
        String scratch = scratchName(started);
        String backupId = backup.getFileName() == null ? backup.toString() : backup.getFileName().toString();
        List<DrillCheck.Outcome> checks = new ArrayList<>();
        Duration recovery = null;
        boolean created = false;
        try {
            RestoreReport restored = restorer.restore(backup, scratch);
            created = restored.created();
            backupId = restored.backupId();
            recovery = restored.elapsed();
            checks.add(new DrillCheck.Outcome("restore", true, String.format(java.util.Locale.ROOT,
                    "%d tables, %,d rows verified and restored in %.1f s", restored.tables(), restored.rows(),
                    recovery.toMillis() / 1000.0)));
            DataSource db = server.asOwner(server.urlOf(scratch));
            BackupManifest manifest = reader.open(backup).manifest();
            checks.add(rowCounts(db, manifest));
            checks.add(auditChain(db, manifest));
            DrillCheck.RestoredDatabase restoredDb = new DrillCheck.RestoredDatabase(backupId, scratch,
                    server.settingsFor(server.urlOf(scratch)));
            for (DrillCheck check : more) {
                try {
                    checks.add(check.check(restoredDb));
                }
                catch (RuntimeException e) {
                    log.warn("Drill check {} on backup {} failed", check.name(), backupId, e);
                    checks.add(new DrillCheck.Outcome(check.name(), false, firstLine(e)));
                }
            }
        }
        catch (RuntimeException e) {
            log.warn("The drill could not restore backup {}", backupId, e);
            checks.add(new DrillCheck.Outcome(recovery == null ? "restore" : "drill", false, firstLine(e)));
        }
        finally {
            if (created) {
                try {
                    server.drop(scratch);
                }
                catch (RuntimeException e) {
                    log.warn("Could not drop the drill's scratch database {}", scratch, e);
                    checks.add(new DrillCheck.Outcome("cleanup", false, "the scratch database " + scratch
                            + " could not be dropped: " + firstLine(e)));
                }
            }
        }
        Instant finished = clock.instant();
        return record(backupId, scratch, started, finished.isBefore(started) ? started : finished,
                Optional.ofNullable(recovery), checks);
    }

    private DrillReport record(String backupId, String scratch, Instant started, Instant finished,
            Optional<Duration> recovery, List<DrillCheck.Outcome> checks) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DrillCheck.Outcome o : checks) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("check", o.check());
            row.put("passed", o.passed());
            row.put("detail", o.detail());
            rows.add(row);
        }
        String checksJson = json.writeValueAsString(rows);
        DrillReport draft = new DrillReport(0, backupId, scratch, started, finished, recovery, checks);
        Long id = transactions.execute(tx -> {
            long drillId = jdbc.sql("""
                            insert into governance.backup_drill (backup_id, started_at, finished_at, scratch_database,
                                passed, restore_ms, checks)
                            values (:backup, :started, :finished, :scratch, :passed, :ms, cast(:checks as jsonb))
                            returning id""")
                    .param("backup", backupId).param("started", Timestamp.from(started))
                    .param("finished", Timestamp.from(finished)).param("scratch", scratch)
                    .param("passed", draft.passed()).param("ms", recovery.map(Duration::toMillis).orElse(null))
                    .param("checks", checksJson).query(Long.class).single();
            audit.record(AuditEntry.of("system:backup-drill", AuditAction.CHANGE, "backup:" + backupId, Map.of(
                    "drill", String.valueOf(drillId), "passed", String.valueOf(draft.passed()),
                    "restoreMs", recovery.map(d -> String.valueOf(d.toMillis())).orElse(""),
                    "checks", checks.stream().map(o -> o.check() + (o.passed() ? ":ok" : ":FAILED"))
                            .collect(Collectors.joining(",")))));
            return drillId;
        });
        DrillReport report = new DrillReport(id, backupId, scratch, started, finished, recovery, checks);
        log.info("Drill {} of backup {}: {}", id, backupId, report.passed() ? "passed" : "FAILED");
        return report;
    }

    /** Counted again in the restored database, independently of what COPY reported while loading. */
    private static DrillCheck.Outcome rowCounts(DataSource db, BackupManifest manifest) {
        JdbcClient scratch = JdbcClient.create(db);
        List<String> differences = new ArrayList<>();
        long total = 0;
        for (BackupManifest.Table t : manifest.tables()) {
            long count = scratch.sql("select count(*) from " + t.qualified()).query(Long.class).single();
            total += count;
            if (count != t.rows()) {
                differences.add(t.display() + " has " + count + " rows, the manifest says " + t.rows());
            }
        }
        if (differences.isEmpty()) {
            return new DrillCheck.Outcome("row counts", true, String.format(java.util.Locale.ROOT,
                    "%d tables, %,d rows: as in the manifest", manifest.tables().size(), total));
        }
        return new DrillCheck.Outcome("row counts", false, String.join("; ", differences));
    }

    /** The restored audit log proved as {@code vigil audit verify} proves the live one, with the same keys. */
    private DrillCheck.Outcome auditChain(DataSource db, BackupManifest manifest) {
        if (manifest.schemas().stream().noneMatch(s -> s.name().equals("governance"))) {
            return new DrillCheck.Outcome("audit chain", false, "the backup holds no governance schema, so no audit log");
        }
        TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(db));
        readOnly.setReadOnly(true);
        AuditVerification v = readOnly.execute(tx -> new JdbcAuditLog(JdbcClient.create(db), new JdbcTemplate(db), keys,
                clock, checkpointEvery).verify());
        if (v.intact()) {
            return new DrillCheck.Outcome("audit chain", true, String.format(java.util.Locale.ROOT,
                    "%,d events, %,d checkpoints, signed up to event %,d: intact", v.events(), v.checkpoints(),
                    v.lastCheckpointSeq()));
        }
        return new DrillCheck.Outcome("audit chain", false, v.problems().size() + " problem(s); first at event "
                + v.problems().get(0).seq() + ": " + v.problems().get(0).description());
    }

    private String scratchName(Instant at) {
        String base = "vigil_drill_" + SCRATCH_TIME.format(at);
        String name = base;
        for (int n = 2; server.exists(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    private static String firstLine(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
