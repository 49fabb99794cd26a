package org.vigil.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.vigil.identity.ResidentId;
import org.vigil.simulator.CityGenerator;
import org.vigil.simulator.CitySpec;

/**
 * Issue 3: a {@code kill -9} while a delivery is being written leaves nothing of it, and the same
 * file then simply runs again and is applied. The life signs are written by a thread of their own while the rest
 * of the delivery is combined (ADR 0022), in the delivery's one transaction: the child JVM is
 * killed once the server shows that transaction writing into {@code sharing.life_sign}, and the
 * database must then hold no delivery, life sign or reject, and no half-stored raw file may sit
 * under a hash.
 */
@SpringBootTest
@ActiveProfiles("test")
class IngestionCrashTest {

    /** Persons nobody registered, a sign each: enough that the COPY takes a while, however fast the machine. */
    static final int STRANGERS = 300_000;
    /** Rows of the registry's persons, so that the quality gate finds the recorded rate normal. */
    static final int REGISTERED_ROWS = 200_000;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path workspace;

    @Test
    void share6_anIngestionKilledWhileItWritesLeavesNothing_andTheSameFileThenApplies() throws Exception {
        String base;
        try (Connection c = dataSource.getConnection()) {
            base = c.getMetaData().getURL();
        }
        String database = "ingest_crash_" + System.nanoTime();
        // databases are made and dropped by the superuser: the application's own role may not
        try (Connection c = DriverManager.getConnection(base, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
        String url = urlOf(base, database);
        try {
            Path city = workspace.resolve("city");
            new CityGenerator(3).generate(new CitySpec(1_000, 1, 11, YearMonth.of(2026, 1), city));
            List<String> registered = Files.readAllLines(city.resolve("agency/persons.csv")).stream().skip(1)
                    .map(line -> line.substring(0, line.indexOf(','))).toList();
            Path file = proofOfLife(workspace.resolve("telecom.csv"), registered);
            long signs = STRANGERS + registered.size();

            Process victim = child(url, file, "register", city.toString());
            boolean caught = waitForLifeSignWrites(url, victim);
            victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(caught).as("the run was killed while it wrote the life signs").isTrue();

            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                assertThat(count(c, "select count(*) from sharing.delivery")).as("no delivery row survives").isZero();
                assertThat(count(c, "select count(*) from sharing.life_sign")).as("no life sign survives").isZero();
                assertThat(count(c, "select count(*) from sharing.reject")).as("no reject survives").isZero();
            }
            try (Stream<Path> stored = Files.walk(workspace.resolve("deliveries"))) {
                // a killed run may leave an incoming copy behind, but a file under a hash is whole
                for (Path p : stored.filter(Files::isRegularFile).toList()) {
                    if (!p.getFileName().toString().endsWith(".part")) {
                        assertThat(sha256(p)).isEqualTo(p.getFileName().toString());
                    }
                }
            }

            Process again = child(url, file, "ingest", "");
            assertThat(finish(again)).isZero();
            assertThat(Files.readString(log(again))).contains("STATUS APPLIED " + signs);
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                assertThat(count(c, "select count(*) from sharing.delivery")).isEqualTo(1);
                assertThat(count(c, "select count(*) from sharing.life_sign")).isEqualTo(signs);
            }
        }
        finally {
            try (Connection c = DriverManager.getConnection(base, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    /**
     * A telecom month: a row each for the strangers (outside the registry's region codes), many rows
     * for each registered person, every row different.
     */
    private static Path proofOfLife(Path file, List<String> registered) throws Exception {
        StringBuilder out = new StringBuilder((STRANGERS + REGISTERED_ROWS) * 64).append("机主姓名,证件号码,手机号码,最近通话时间\r\n");
        for (int i = 0; i < STRANGERS; i++) {
            String first17 = "110101" + LocalDate.of(1930, 1, 1).plusDays(i / 900).toString().replace("-", "")
                    + String.format("%03d", i % 900);
            row(out, first17 + ResidentId.checkDigit(first17), i);
        }
        for (int i = 0; i < REGISTERED_ROWS; i++) {
            row(out, registered.get(i % registered.size()), STRANGERS + i);
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
        return file;
    }

    private static void row(StringBuilder out, String id, int i) {
        out.append("王秀英,").append(id).append(',').append(13900000000L + i).append(",2026-03-")
                .append(String.format("%02d", 1 + i % 28)).append(' ').append(String.format("%02d:%02d:%02d", i / 3600 % 24,
                        i / 60 % 60, i % 60)).append("\r\n");
    }

    private final Map<Process, Path> logs = new HashMap<>();

    private Process child(String url, Path file, String mode, String city) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "-Dvigil.db.url=" + url, "-Dvigil.db.user=postgres",
                "-Dvigil.db.password=", "-Dvigil.sharing.agreement-dir=" + workspace.resolve("agreements"),
                "-Dvigil.sharing.raw-dir=" + workspace.resolve("deliveries"), "-Dvigil.keys.dir=" + workspace.resolve("keys"),
                CrashingIngestion.class.getName(), file.toString(), "crash_telecom", mode, city);
        Path log = Files.createTempFile(workspace, "child", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        logs.put(p, log);
        return p;
    }

    private Path log(Process p) {
        return logs.get(p);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static int finish(Process p) throws InterruptedException {
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child did not finish in 180 s");
        }
        return p.exitValue();
    }

    /**
     * Polls the server until a session of the child holds the lock a COPY into the life signs takes
     * (kept until its transaction ends); false if the child ended first.
     */
    private static boolean waitForLifeSignWrites(String url, Process victim) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (victim.isAlive() && System.nanoTime() < deadline) {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                        select count(*) from pg_locks l join pg_class t on t.oid = l.relation
                         join pg_namespace n on n.oid = t.relnamespace
                         where n.nspname = 'sharing' and t.relname = 'life_sign' and l.mode = 'RowExclusiveLock'
                           and l.granted and l.pid <> pg_backend_pid()""")) {
                    r.next();
                    if (r.getLong(1) > 0) {
                        return true;
                    }
                }
                Thread.sleep(2);
            }
            return false;
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String urlOf(String base, String database) {
        int slash = base.lastIndexOf('/');
        int query = base.indexOf('?', slash);
        return base.substring(0, slash + 1) + database + (query < 0 ? "" : base.substring(query));
    }
}
