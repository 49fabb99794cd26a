package org.vigil.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.vigil.VigilIntegrationTest;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.MonthlyVerification;
import org.vigil.certification.RecipientBaseline;
import org.vigil.certification.RecipientFixture;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditLog;
import org.vigil.governance.KeyService;
import org.vigil.governance.backup.BackupRefusedException;
import org.vigil.governance.backup.BackupSummary;
import org.vigil.governance.backup.Backups;
import org.vigil.governance.backup.RestoreReport;
import org.vigil.sharing.DeliveryFixture;
import org.vigil.sharing.DeliveryIngestion;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.ProviderRegistry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.ArrayNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backups with restore drills (DATA-16) on the real embedded PostgreSQL, on a database loaded
 * through the agency's APIs: recipients, a delivery of deaths and signs of life, a monthly run and
 * its audit trail. A restore gives back every table exactly; a backup whose chunks or manifest
 * were touched is refused with the file, table and chunk; a non-empty target is refused; a restore
 * that breaks half-way leaves nothing; the drill passes on a sound backup and fails on a tampered
 * one. Chunks are 1 KB here so that tables span several of them. The files are read and written
 * here as docs/backups.md describes them, as someone with access to the folder would.
 */
@VigilIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreTest {

    private static final Path WORK = temporaryFolder();
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final String[] NAMES = {"王淑芬", "李德胜", "张玉珍", "刘长海", "赵文华", "孙桂香", "周秀英", "吴建国",
            "郑桂兰", "陈志强", "杨秀兰", "黄永福"};
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] MAGIC = "VIGILBK1".getBytes(StandardCharsets.US_ASCII);

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("vigil.backup.dir", () -> WORK.resolve("backups").toString());
        registry.add("vigil.backup.chunk-size", () -> "1KB");
        registry.add("vigil.keys.dir", () -> WORK.resolve("keys").toString());
        registry.add("vigil.sharing.raw-dir", () -> WORK.resolve("raw").toString());
        registry.add("vigil.sharing.agreement-dir", () -> WORK.resolve("agreements").toString());
    }

    private final Backups backups;
    private final KeyService keys;
    private final AuditLog audit;
    private final ApplicationContext context;
    private final JdbcClient jdbc;
    private final String serverUrl;
    private final RecipientBaseline baseline;
    private final MonthlyVerification verification;
    private final DeliveryFixture deliveries;
    private BackupSummary loaded;

    @Autowired
    BackupRestoreTest(Backups backups, KeyService keys, AuditLog audit, ApplicationContext context, JdbcClient jdbc,
            DataSource dataSource, RecipientBaseline baseline, MonthlyVerification verification, DeliveryIngestion ingestion,
            ProviderRegistry providers, AgreementRegister agreements) throws SQLException {
        this.backups = backups;
        this.keys = keys;
        this.audit = audit;
        this.context = context;
        this.jdbc = jdbc;
        this.serverUrl = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        this.baseline = baseline;
        this.verification = verification;
        this.deliveries = new DeliveryFixture(ingestion, providers, agreements, WORK);
    }

    @BeforeAll
    void aLoadedDatabaseAndItsBackup() {
        RecipientFixture recipients = new RecipientFixture();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String id = DeliveryFixture.id("220202", LocalDate.of(1940 + i % 12, 1 + i % 12, 1 + i), 801 + 2 * i);
            ids.add(id);
            recipients.add(id, NAMES[i % NAMES.length], BenefitKind.ENTERPRISE_PENSION, "2008-01-01", "2860.50",
                    "220202001001", "220202", null, "2025-0" + (1 + i % 9) + "-10");
        }
        recipients.load(baseline, WORK);
        deliveries.provider("b16_police", "death.police_deregistration");
        deliveries.provider("b16_rail", "life.rail");
        deliveries.deliver("b16_police", "death.police_deregistration", MARCH, "姓名,公民身份号码,死亡日期",
                NAMES[0] + "," + ids.get(0) + ",2026-03-05");
        deliveries.deliver("b16_rail", "life.rail", MARCH, "旅客姓名,证件号码,乘车时间",
                NAMES[1] + "," + ids.get(1) + ",2026-03-10 14:05", NAMES[2] + "," + ids.get(2) + ",2026-03-11 09:30");
        verification.verify(MARCH, LocalDate.of(2026, 3, 24));
        audit.checkpoint();
        loaded = backups.backup(WORK.resolve("loaded"));
    }

    @AfterAll
    void removeTheFolders() throws IOException {
        FileSystemUtils.deleteRecursively(WORK);
    }

    @Test
    void data16_aRestoredDatabaseHoldsEveryTableExactlyAsBackedUp() throws Exception {
        Map<String, String> before = fingerprints(owner("postgres"));
        BackupSummary backup = backups.backup(WORK.resolve("equal"));

        assertThat(backup.folder().getFileName().toString()).isEqualTo(backup.id());
        try (Stream<Path> siblings = Files.list(backup.folder().getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly(backup.id());
        }
        assertThat(backup.schemas()).containsKeys("certification", "governance", "recovery", "registry", "sharing");
        assertThat(before).containsKeys("certification.decision", "sharing.fact", "governance.audit_event",
                "registry.flyway_schema_history");
        assertThat(before.get("certification.decision")).startsWith("24 ");
        assertThat(backup.rows()).isEqualTo(before.values().stream().mapToLong(v -> Long.parseLong(v.split(" ")[0])).sum());

        RestoreReport restored = backups.restore(backup.folder(), "data16_copy");

        assertThat(restored.created()).isTrue();
        assertThat(restored.rows()).isEqualTo(backup.rows());
        assertThat(fingerprints(owner("data16_copy"))).isEqualTo(before);
        // identity columns go on after the restored rows, as they would have in the source
        JdbcClient copy = owner("data16_copy");
        long maxId = copy.sql("select max(id) from certification.recipient").query(Long.class).single();
        assertThat(copy.sql("select nextval(pg_get_serial_sequence('certification.recipient', 'id'))").query(Long.class)
                .single()).isGreaterThan(maxId);
        // sealed: no name of a recipient is readable in any file of the backup
        try (Stream<Path> files = Files.list(backup.folder())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                assertThat(indexOf(Files.readAllBytes(f), NAMES[3].getBytes(StandardCharsets.UTF_8))).as(f.toString())
                        .isNegative();
            }
        }
        assertThat(jdbc.sql("select tables, row_count from governance.backup where id = :id").param("id", backup.id())
                .query((rs, n) -> rs.getInt(1) + "/" + rs.getLong(2)).single())
                .isEqualTo(backup.tables() + "/" + backup.rows());
        assertThat(audit.recent(Optional.empty(), Optional.of("backup:" + backup.id()), 10))
                .extracting(e -> e.actor() + " " + e.action())
                .containsExactly("system:restore " + AuditAction.CHANGE, "system:backup " + AuditAction.EXPORT);
        assertThat(audit.verify().intact()).isTrue();
        drop("data16_copy");
    }

    @Test
    void data16_aChangedChunkIsRefused_namingFileTableAndChunk() throws Exception {
        Path copy = copyOf(loaded.folder(), "changed");
        Table t = largest(copy);
        List<byte[]> chunks = chunks(copy.resolve(t.file()));
        chunks.get(1)[40] ^= 0x01;
        writeChunks(copy.resolve(t.file()), chunks);

        assertRefused(copy, t.file(), t.table(), "chunk 2 of " + chunks.size() + " does not open");
    }

    @Test
    void data16_aDroppedChunkIsRefused() throws Exception {
        Path copy = copyOf(loaded.folder(), "dropped");
        Table t = largest(copy);
        List<byte[]> chunks = chunks(copy.resolve(t.file()));
        assertThat(chunks).as("a table spanning several chunks").hasSizeGreaterThan(3);
        chunks.remove(1);
        writeChunks(copy.resolve(t.file()), chunks);

        assertRefused(copy, t.file(), t.table(), "chunk 2 of " + (chunks.size() + 1) + " does not open");

        Path cutShort = copyOf(loaded.folder(), "cut-short");
        List<byte[]> all = chunks(cutShort.resolve(t.file()));
        all.remove(all.size() - 1);
        writeChunks(cutShort.resolve(t.file()), all);

        assertRefused(cutShort, t.file(), t.table(), "chunk " + all.size() + " of " + (all.size() + 1)
                + " does not open as the table's last");
    }

    @Test
    void data16_swappedChunksAndAChunkFromAnotherBackupAreRefused() throws Exception {
        Path copy = copyOf(loaded.folder(), "swapped");
        Table t = largest(copy);
        List<byte[]> chunks = chunks(copy.resolve(t.file()));
        Collections.swap(chunks, 1, 2);
        writeChunks(copy.resolve(t.file()), chunks);

        assertRefused(copy, t.file(), t.table(), "chunk 2 of " + chunks.size() + " does not open");

        // the same table's file from another backup of the same data: equal rows, other seals
        BackupSummary other = backups.backup(WORK.resolve("other"));
        Path moved = copyOf(loaded.folder(), "moved");
        Files.copy(other.folder().resolve(t.file()), moved.resolve(t.file()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertRefused(moved, t.file(), t.table(), "chunk 1 of ");
    }

    @Test
    void data16_anEditedManifestIsRefused() throws Exception {
        Path copy = copyOf(loaded.folder(), "edited");
        Table t = largest(copy);
        String manifest = Files.readString(copy.resolve("manifest.json"));
        String edited = manifest.replaceFirst("\"rows\" ?: ?" + t.rows() + ",", "\"rows\":" + (t.rows() - 1) + ",");
        assertThat(edited).isNotEqualTo(manifest);
        Files.writeString(copy.resolve("manifest.json"), edited);

        assertThatThrownBy(() -> backups.restore(copy, "data16_refused"))
                .isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining("manifest.json")
                .hasMessageContaining("does not match its SM2 signature");
        assertThat(databaseExists("data16_refused")).isFalse();

        Files.delete(copy.resolve("manifest.sig"));
        assertThatThrownBy(() -> backups.restore(copy, "data16_refused")).isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining("has no manifest.sig");
    }

    @Test
    void data16_aTargetThatIsNotEmptyIsRefused_andLeftAsItWas() {
        assertThatThrownBy(() -> backups.restore(loaded.folder(), "postgres"))
                .isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining("the target database postgres is not empty")
                .hasMessageContaining("schema certification");

        owner("postgres").sql("create database data16_used").update();
        owner("data16_used").sql("create table public.notes (line text)").update();
        owner("data16_used").sql("insert into public.notes values ('kept')").update();

        assertThatThrownBy(() -> backups.restore(loaded.folder(), url("data16_used")))
                .isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining("the target database data16_used is not empty (it holds public.notes)");
        assertThat(owner("data16_used").sql("select line from public.notes").query(String.class).list())
                .containsExactly("kept");
        assertThat(schemas("data16_used")).isEmpty();
        drop("data16_used");
    }

    @Test
    void data16_aRestoreThatFailsMidwayLeavesNothing() throws Exception {
        // sealed and signed with the right keys, so it verifies; the target refuses its duplicate row
        // only once the tables before it are loaded
        Path poisoned = withDuplicateRow(copyOf(loaded.folder(), "poisoned"), "certification.decision");

        assertThatThrownBy(() -> backups.restore(poisoned, "data16_midway"))
                .hasMessageContaining("duplicate key");
        assertThat(databaseExists("data16_midway")).as("the database the restore created is dropped").isFalse();

        owner("postgres").sql("create database data16_empty").update();
        assertThatThrownBy(() -> backups.restore(poisoned, url("data16_empty"))).hasMessageContaining("duplicate key");
        assertThat(databaseExists("data16_empty")).as("a database the restore did not create stays").isTrue();
        assertThat(schemas("data16_empty")).as("…as empty as it was").isEmpty();

        RestoreReport sound = backups.restore(loaded.folder(), url("data16_empty"));
        assertThat(sound.created()).isFalse();
        assertThat(owner("data16_empty").sql("select count(*) from certification.decision").query(Long.class).single())
                .isEqualTo(24);
        drop("data16_empty");
    }

    @Test
    void data16_aPartialBackupIsNeverTakenForABackup() throws Exception {
        Path dir = WORK.resolve("partial");
        Path complete = Files.createDirectories(dir).resolve(loaded.id());
        copyFolder(loaded.folder(), complete);
        Path unfinished = dir.resolve("29991231T235959.999Z.partial");
        copyFolder(loaded.folder(), unfinished);

        assertThat(backups.latest(dir)).contains(complete);
        assertThatThrownBy(() -> backups.restore(unfinished, "data16_refused"))
                .isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining("is an unfinished backup");
        assertThat(databaseExists("data16_refused")).isFalse();
    }

    @Test
    void data16_theDrillPassesOnALoadedDatabase_andIsRecorded() {
        BackupSummary latest = backups.backup(backups.directory());

        CommandsInContext.Result drill = CommandsInContext.run(context, "drill");

        assertThat(drill.exitCode()).as(drill.out() + drill.err()).isZero();
        assertThat(drill.out()).contains("of backup " + latest.id(), "PASSED", "restore", "row counts",
                "audit chain", "intact", "replay", "2026-03 as of 2026-03-24: 24 recipients decided again, 0 row(s) changed",
                "Recovery time (restore):");
        Map<String, Object> row = jdbc.sql("""
                        select backup_id, passed, restore_ms, jsonb_array_length(checks) as checks, scratch_database
                          from governance.backup_drill order by id desc limit 1""").query().singleRow();
        assertThat(row).containsEntry("backup_id", latest.id()).containsEntry("passed", true).containsEntry("checks", 4);
        assertThat((Long) row.get("restore_ms")).isNotNull();
        assertThat(databaseExists((String) row.get("scratch_database"))).as("the scratch database is dropped").isFalse();
    }

    @Test
    void data16_theDrillFailsWhenTheLatestBackupWasTampered() throws Exception {
        BackupSummary latest = backups.backup(backups.directory());
        Table t = largest(latest.folder());
        List<byte[]> chunks = chunks(latest.folder().resolve(t.file()));
        byte[] last = chunks.get(chunks.size() - 1);
        last[last.length - 1] ^= 0x40;
        writeChunks(latest.folder().resolve(t.file()), chunks);

        CommandsInContext.Result drill = CommandsInContext.run(context, "drill");

        assertThat(drill.exitCode()).as(drill.out() + drill.err()).isEqualTo(1);
        assertThat(drill.out()).contains("of backup " + latest.id(), "FAILED", t.file(),
                "chunk " + chunks.size() + " of " + chunks.size() + " does not open",
                "Recovery time: none, the backup did not restore.");
        Map<String, Object> row = jdbc.sql("""
                        select backup_id, passed, restore_ms, scratch_database
                          from governance.backup_drill order by id desc limit 1""").query().singleRow();
        assertThat(row).containsEntry("backup_id", latest.id()).containsEntry("passed", false)
                .containsEntry("restore_ms", null);
        assertThat(databaseExists((String) row.get("scratch_database"))).isFalse();
    }

    @Test
    void data16_theCommandsTakeAndRestoreABackup_andRefuseWhatIsIncomplete() throws Exception {
        Path out = WORK.resolve("by-command");
        CommandsInContext.Result backup = CommandsInContext.run(context, "backup", "--out", out.toString());

        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("tables", "rows", "Sealed with SM4 key " + keys.currentDataKey(),
                "keep a copy of it apart from the backups");
        Path folder = backups.latest(out).orElseThrow();

        CommandsInContext.Result restore = CommandsInContext.run(context, "restore", "--from", folder.toString(), "--into",
                "data16_cli");
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored backup " + folder.getFileName() + " into the new database data16_cli");
        drop("data16_cli");

        CommandsInContext.Result again = CommandsInContext.run(context, "restore", "--from", folder.toString(), "--into",
                "postgres");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("restore: the target database postgres is not empty");

        assertThat(CliRun.of("restore", "--from", folder.toString()).err()).contains("both --from and --into");
        assertThat(CliRun.of("restore", "--from", folder.toString(), "--into", "x", "--by", "officer").exitCode())
                .isEqualTo(2);
        assertThat(CliRun.of("restore", "--reason", "r").err()).contains("needs --person, --reason and --by");

        CommandsInContext.Result none = CommandsInContext.run(context, "drill", "--backups",
                Files.createDirectories(WORK.resolve("no-backups")).toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("no backup in");
    }

    // --- the backup's files, read and written as someone with access to the folder would

    private record Table(String table, String file, long rows, int chunks) {
    }

    /** The table with the most chunks, so there are middle chunks to change. */
    private static Table largest(Path backup) throws IOException {
        JsonNode best = null;
        for (JsonNode t : JSON.readTree(backup.resolve("manifest.json").toFile()).get("tables")) {
            if (best == null || t.get("chunks").asLong() > best.get("chunks").asLong()) {
                best = t;
            }
        }
        return new Table(best.get("schema").asString() + "." + best.get("name").asString(), best.get("file").asString(),
                best.get("rows").asLong(), best.get("chunks").asInt());
    }

    private static List<byte[]> chunks(Path file) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            in.readFully(new byte[MAGIC.length]);
            while (in.available() > 0) {
                byte[] c = new byte[in.readInt()];
                in.readFully(c);
                chunks.add(c);
            }
        }
        return chunks;
    }

    private static void writeChunks(Path file, List<byte[]> chunks) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(raw)) {
            out.write(MAGIC);
            for (byte[] c : chunks) {
                out.writeInt(c.length);
                out.write(c);
            }
        }
    }

    private void assertRefused(Path backup, String file, String table, String chunk) {
        assertThatThrownBy(() -> backups.restore(backup, "data16_refused"))
                .isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining("table " + table + " (file " + file + ")")
                .hasMessageContaining(chunk);
        assertThat(databaseExists("data16_refused")).as("nothing is created for a backup that does not verify").isFalse();
    }

    /** The backup with one row of the table doubled, sealed and signed again with the service's keys. */
    private Path withDuplicateRow(Path backup, String table) throws Exception {
        ObjectNode manifest = (ObjectNode) JSON.readTree(backup.resolve("manifest.json").toFile());
        String id = manifest.get("id").asString();
        int chunkBytes = manifest.get("chunkBytes").asInt();
        ObjectNode t = null;
        for (JsonNode node : (ArrayNode) manifest.get("tables")) {
            if ((node.get("schema").asString() + "." + node.get("name").asString()).equals(table)) {
                t = (ObjectNode) node;
            }
        }
        String schema = t.get("schema").asString();
        String name = t.get("name").asString();
        String dataKey = t.get("dataKey").asString();
        Path file = backup.resolve(t.get("file").asString());
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        List<byte[]> sealed = chunks(file);
        for (int c = 0; c < sealed.size(); c++) {
            plain.writeBytes(keys.decrypt(dataKey, sealed.get(c), associatedData(id, schema, name, c + 1,
                    c == sealed.size() - 1)));
        }
        byte[] data = plain.toByteArray();
        int firstRow = indexOf(data, new byte[] {'\n'}) + 1;
        byte[] doubled = Arrays.copyOf(data, data.length + firstRow);
        System.arraycopy(data, 0, doubled, data.length, firstRow);
        List<byte[]> resealed = new ArrayList<>();
        int count = (doubled.length + chunkBytes - 1) / chunkBytes;
        for (int c = 0; c < count; c++) {
            byte[] part = Arrays.copyOfRange(doubled, c * chunkBytes, Math.min(doubled.length, (c + 1) * chunkBytes));
            resealed.add(keys.encrypt(dataKey, part, associatedData(id, schema, name, c + 1, c == count - 1)));
        }
        writeChunks(file, resealed);
        t.put("rows", t.get("rows").asLong() + 1);
        t.put("bytes", doubled.length);
        t.put("chunks", count);
        t.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(doubled)));
        byte[] bytes = JSON.writeValueAsBytes(manifest);
        Files.write(backup.resolve("manifest.json"), bytes);
        KeyService.Signature signature = keys.sign(bytes);
        Map<String, String> sig = new LinkedHashMap<>();
        sig.put("algorithm", "SM2-with-SM3");
        sig.put("key", signature.keyId());
        sig.put("signature", HexFormat.of().formatHex(signature.value()));
        Files.writeString(backup.resolve("manifest.sig"), JSON.writeValueAsString(sig));
        return backup;
    }

    /** A chunk's associated data as docs/backups.md gives it: every field length-prefixed, then number and last flag. */
    private static byte[] associatedData(String id, String schema, String table, long chunk, boolean last) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : new String[] {"vigil-backup-chunk/1", id, schema, table}) {
            byte[] b = field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(b.length).array());
            out.writeBytes(b);
        }
        out.writeBytes(java.nio.ByteBuffer.allocate(9).putLong(chunk).put((byte) (last ? 1 : 0)).array());
        return out.toByteArray();
    }

    private static Path copyOf(Path backup, String name) throws IOException {
        Path copy = WORK.resolve("copies").resolve(name).resolve(backup.getFileName());
        copyFolder(backup, copy);
        return copy;
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    // --- the server, as its superuser sees it

    private String url(String database) {
        return serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database;
    }

    private JdbcClient owner(String database) {
        return JdbcClient.create(new DriverManagerDataSource(url(database), "postgres", ""));
    }

    private boolean databaseExists(String database) {
        return owner("postgres").sql("select count(*) from pg_database where datname = :name").param("name", database)
                .query(Long.class).single() > 0;
    }

    private List<String> schemas(String database) {
        return owner(database).sql("""
                select nspname from pg_namespace
                 where nspname in ('certification', 'governance', 'recovery', 'registry', 'sharing')""")
                .query(String.class).list();
    }

    private void drop(String database) {
        owner("postgres").sql("drop database \"" + database + "\" with (force)").update();
    }

    /** Each module table's row count and the MD5 of its rows as text in order. */
    private static Map<String, String> fingerprints(JdbcClient db) {
        Map<String, String> prints = new TreeMap<>();
        List<String[]> tables = db.sql("""
                select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where c.relkind = 'r' and n.nspname in ('certification', 'governance', 'recovery', 'registry', 'sharing', 'vault')""")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        for (String[] t : tables) {
            prints.put(t[0] + "." + t[1], db.sql("select count(*) || ' ' || md5(coalesce(string_agg(r::text, E'\\n' order by"
                    + " r::text), '')) from \"" + t[0] + "\".\"" + t[1] + "\" r").query(String.class).single());
        }
        return prints;
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("vigil-backup-test-");
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
