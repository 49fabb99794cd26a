package org.vigil.runtime.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps its data across restarts, and survives a crash's leftovers. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestart() throws Exception {
        Path data = dir.resolve("pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, false)) {
            execute(server, "create table kept (v text); insert into kept values ('守望')");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, false)) {
            assertThat(queryOne(server, "select v from kept")).isEqualTo("守望");
        }
    }

    @Test
    void aStalePidFileFromACrashDoesNotPreventTheStart() throws Exception {
        Path data = dir.resolve("pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, false)) {
            execute(server, "create table kept (v int); insert into kept values (7)");
        }
        // what a killed postmaster leaves behind: a pid file naming a process that is gone
        long deadPid = ProcessHandle.current().pid() + 4_000_000L;
        Files.writeString(data.resolve("postmaster.pid"), deadPid + "\n" + data + "\n");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, false)) {
            assertThat(queryOne(server, "select v::text from kept")).isEqualTo("7");
        }
    }

    @Test
    void aCleanServerThrowsItsDataAway() throws Exception {
        Path data = dir.resolve("pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, true)) {
            execute(server, "create table gone (v int)");
        }
        assertThat(data).doesNotExist();
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String queryOne(EmbeddedPostgresServer server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
