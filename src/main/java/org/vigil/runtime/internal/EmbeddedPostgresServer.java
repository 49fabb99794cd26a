package org.vigil.runtime.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of the try-it-and-develop default. Its data folder survives restarts;
 * fsync is off and local connections are trusted, which is why it is never the production setup.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean ephemeral;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean ephemeral) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.ephemeral = ephemeral;
    }

    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean clean) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            removeStalePidFile(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(clean)
                    .setServerConfig("max_connections", "60")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "32MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("timezone", "Asia/Shanghai");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            }
            catch (IllegalStateException e) {
                if (String.valueOf(e.getMessage()).contains("could not lock")) {
                    // the library's own message names a lock file, not the likely cause
                    throw new IllegalStateException("the embedded PostgreSQL data in " + dir
                            + " is in use by another running Vigil; stop it first", e);
                }
                throw e;
            }
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dir);
            return new EmbeddedPostgresServer(postgres, dir, clean);
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * A process killed without a clean shutdown leaves postmaster.pid behind, and PostgreSQL then
     * refuses to start. The pid in it is checked: only a file naming a dead process is removed.
     */
    private static void removeStalePidFile(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            Files.delete(pidFile);
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        }
        catch (NumberFormatException e) {
            log.warn("Unreadable {} ({}); removing it", pidFile, e.getMessage());
            Files.delete(pidFile);
            return;
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return;
        }
        log.warn("Removing {} left by PostgreSQL process {} that is no longer running", pidFile, pid);
        Files.delete(pidFile);
    }

    /** The superuser's URL, with the user in it: for tools and tests that administer the server. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** The database's URL without a user, so that the connecting role is whoever the pool names. */
    public String databaseUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server; a clean (throw-away) data folder is removed with it. */
    @Override
    public void close() {
        try {
            postgres.close();
            if (ephemeral) {
                org.springframework.util.FileSystemUtils.deleteRecursively(dataDirectory);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}
