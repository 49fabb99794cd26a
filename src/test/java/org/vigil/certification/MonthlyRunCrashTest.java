package org.vigil.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.VigilApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.identity.ResidentId;
import org.vigil.sharing.agreement.AgreementIntegrationTest;

/**
 * Issue 4 §8: a {@code kill -9} in the middle of a monthly run, then a re-run, leaves the same
 * state as a run never interrupted. Two fresh databases on the test server hold the same 30,000
 * recipients; in one, {@code vigil verify} runs in a child JVM that is killed while it writes the
 * decisions, and is then run again; in the other it runs once. The killed run must leave nothing
 * of itself, and the two databases must end with the same decisions row for row.
 */
@AgreementIntegrationTest
class MonthlyRunCrashTest {

    static final int RECIPIENTS = 30_000;
    static final String MONTH = "2026-02";

    @Autowired
    DataSource dataSource;

    @TempDir
    Path workspace;

    @Test
    void cert6_aRunKilledWhileWritingLeavesNothingAndItsReRunEqualsAnUninterruptedRun() throws Exception {
        String base;
        try (Connection c = dataSource.getConnection()) {
            base = c.getMetaData().getURL();
        }
        String killed = "crash_killed_" + System.nanoTime();
        String clean = "crash_clean_" + System.nanoTime();
        // databases are made and dropped by the superuser: the application's own role may not
        try (Connection c = DriverManager.getConnection(base, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("create database " + killed);
            s.execute("create database " + clean);
        }
        String killedUrl = urlOf(base, killed);
        String cleanUrl = urlOf(base, clean);
        // the first start of the application migrates each database's schemas
        Process a = vigil(killedUrl, "providers", "list");
        Process b = vigil(cleanUrl, "providers", "list");
        assertThat(finish(a)).isZero();
        assertThat(finish(b)).isZero();
        // through the application's own loader, so the ID numbers go to each database's vault (DATA-15)
        Path recipients = workspace.resolve("recipients.csv");
        Files.writeString(recipients, recipientsCsv());
        assertThat(finish(load(killedUrl, recipients))).isZero();
        assertThat(finish(load(cleanUrl, recipients))).isZero();

        Process uninterrupted = vigil(cleanUrl, "verify", "--month", MONTH);
        Process victim = vigil(killedUrl, "verify", "--month", MONTH);
        boolean caught = waitForDecisionWrites(killedUrl, victim);
        victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(caught).as("the run was killed while it wrote decisions").isTrue();
        assertThat(finish(uninterrupted)).isZero();

        try (Connection c = DriverManager.getConnection(killedUrl, "postgres", "")) {
            assertThat(count(c, "select count(*) from certification.verification_run")).as("no run row survives").isZero();
            assertThat(count(c, "select count(*) from certification.decision")).as("no decision survives").isZero();
            assertThat(count(c, "select count(*) from certification.certification_history")).isZero();
        }
        assertThat(finish(vigil(killedUrl, "verify", "--month", MONTH))).isZero();

        try (Connection k = DriverManager.getConnection(killedUrl, "postgres", "");
                Connection u = DriverManager.getConnection(cleanUrl, "postgres", "")) {
            String decisions = """
                    select count(*) || ':' || md5(string_agg(concat_ws('|', person, status, reason_code, reasons::text,
                        loss_from, certified_on, period_end, bucket, investigate, evidence::text, district), ',' order by person))
                      from certification.decision""";
            String afterCrash = text(k, decisions);
            assertThat(afterCrash).startsWith(RECIPIENTS + ":");
            assertThat(afterCrash).isEqualTo(text(u, decisions));
            String run = "select concat_ws('|', month, as_of, policy_version, revision, recipients, qualified, disqualified, "
                    + "to_be_verified) from certification.verification_run";
            assertThat(text(k, run)).isEqualTo(text(u, run));
        } finally {
            try (Connection c = DriverManager.getConnection(base, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + killed + " with (force)");
                s.execute("drop database if exists " + clean + " with (force)");
            }
        }
    }

    private static String urlOf(String base, String database) {
        int slash = base.lastIndexOf('/');
        int query = base.indexOf('?', slash);
        return base.substring(0, slash + 1) + database + (query < 0 ? "" : base.substring(query));
    }

    /** Vigil's command line in a JVM of its own, on an external database. */
    private Process vigil(String url, String... args) throws Exception {
        return java(url, "org.vigil.cli.VigilCli", args);
    }

    /** The recipients loaded by the application in a JVM of its own: the command line has no such command. */
    private Process load(String url, Path csv) throws Exception {
        return java(url, LoadRecipients.class.getName(), csv.toString());
    }

    private Process java(String url, String main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "-Dvigil.db.url=" + url, "-Dvigil.db.user=postgres",
                "-Dvigil.db.password=", "-Dvigil.sharing.agreement-dir=" + workspace.resolve("agreements"),
                "-Dvigil.sharing.raw-dir=" + workspace.resolve("deliveries"), "-Dvigil.keys.dir=" + workspace.resolve("keys"),
                main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Files.createTempFile(workspace, "vigil", ".log").toFile()).start();
    }

    private static int finish(Process p) throws InterruptedException {
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("vigil did not finish in 120 s");
        }
        return p.exitValue();
    }

    /** Polls the server until the run is seen writing decisions; false if it ended first. */
    private static boolean waitForDecisionWrites(String url, Process victim) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (victim.isAlive() && System.nanoTime() < deadline) {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                        select count(*) from pg_stat_activity
                         where datname = current_database() and pid <> pg_backend_pid() and state = 'active'
                           and (query ilike '%decision_load%' or query ilike '%into certification.decision%')""")) {
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

    /** The recipients file: pensioners with valid IDs, certified a year ago or more. */
    private static String recipientsCsv() {
        StringBuilder out = new StringBuilder(RECIPIENTS * 96);
        out.append("id_number,name,benefit_kind,benefit_start,monthly_amount,region_code,paying_region_code,last_certified\n");
        LocalDate birth = LocalDate.of(1940, 1, 1);
        for (int i = 0; i < RECIPIENTS; i++) {
            LocalDate b = birth.plusDays(i % 9000);
            String first17 = "220202" + b.toString().replace("-", "") + String.format("%03d", i / 9000);
            String id = first17 + ResidentId.checkDigit(first17);
            out.append(id).append(",甲").append(i).append(",ENTERPRISE_PENSION,2010-01-01,3000.00,220202001001,220202001001,")
                    .append(LocalDate.of(2025, 1, 1).plusDays(i % 400)).append('\n');
        }
        return out.toString();
    }

    /** Loads a recipients file into the database the system properties name, as the application does. */
    static final class LoadRecipients {

        private LoadRecipients() {
        }

        public static void main(String[] args) {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VigilApplication.class)
                    .web(WebApplicationType.NONE).run()) {
                context.getBean(RecipientBaseline.class).loadRecipients(Path.of(args[0]));
            }
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String text(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
