package org.vigil.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.vigil.runtime.DatabaseServer;
import org.vigil.runtime.VigilDatabaseProperties;

/**
 * Who connects where: the database's URL, the owning role that migrates and the application's
 * role that runs (ADR 0021), for the external server as configured and for the embedded one as it
 * sets itself up ({@code postgres} migrates, {@code vigil_app} runs).
 */
final class ServerAccess implements DatabaseServer {

    /** What CREATE DATABASE accepts unquoted; anything else is refused rather than quoted into surprises. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Set<String> SYSTEM_DATABASES = Set.of("postgres", "template0", "template1");

    private final boolean embedded;
    private final String url;
    private final String appUser;
    private final String appPassword;
    private final String owner;
    private final String ownerPassword;

    private ServerAccess(boolean embedded, String url, String appUser, String appPassword, String owner,
            String ownerPassword) {
        this.embedded = embedded;
        this.url = url;
        this.appUser = appUser;
        this.appPassword = appPassword;
        this.owner = owner;
        this.ownerPassword = ownerPassword;
    }

    static ServerAccess of(VigilDatabaseProperties properties, EmbeddedPostgresServer server) {
        if (properties.external()) {
            boolean separate = properties.migrationUser() != null && !properties.migrationUser().isBlank();
            return new ServerAccess(false, properties.url(), properties.user(), properties.password(),
                    separate ? properties.migrationUser() : properties.user(),
                    separate ? properties.migrationPassword() : properties.password());
        }
        return new ServerAccess(true, server.databaseUrl(), VigilDatabaseProperties.EMBEDDED_APP_ROLE, null, "postgres",
                null);
    }

    String url() {
        return url;
    }

    String appUser() {
        return appUser;
    }

    String appPassword() {
        return appPassword;
    }

    @Override
    public boolean embedded() {
        return embedded;
    }

    @Override
    public String database() {
        return JdbcUrls.database(url);
    }

    @Override
    public String urlOf(String database) {
        return JdbcUrls.withDatabase(url, database);
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public Optional<String> applicationRole() {
        return appUser != null && !appUser.equals(owner) ? Optional.of(appUser) : Optional.empty();
    }

    @Override
    public DataSource asOwner(String databaseUrl) {
        return new DriverManagerDataSource(databaseUrl, owner, ownerPassword);
    }

    @Override
    public boolean exists(String database) {
        try (Connection c = asOwner(url).getConnection();
                PreparedStatement s = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            s.setString(1, database);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not look for database " + database + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void create(String database) {
        requirePlainName(database);
        // CREATE DATABASE takes no parameters; the name is checked above and quoted as an identifier
        administer("create database " + quote(database), "create database " + database);
    }

    @Override
    public void drop(String database) {
        requirePlainName(database);
        if (database.equals(database()) || SYSTEM_DATABASES.contains(database)) {
            throw new IllegalArgumentException("refusing to drop database " + database
                    + ": it is Vigil's own database or a system database");
        }
        administer("drop database if exists " + quote(database) + " with (force)", "drop database " + database);
    }

    @Override
    public List<String> moduleSchemas() {
        return ModuleSchemaMigrations.discoverSchemas();
    }

    @Override
    public void migrate(DataSource ownerSource, Map<String, String> versions) {
        ModuleSchemaMigrations.migrateTo(ownerSource, applicationRole(), versions);
    }

    @Override
    public Map<String, String> settingsFor(String databaseUrl) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("vigil.db.url", databaseUrl);
        settings.put("vigil.db.user", appUser == null ? "" : appUser);
        settings.put("vigil.db.password", appPassword == null ? "" : appPassword);
        settings.put("vigil.db.migration-user", owner == null ? "" : owner);
        settings.put("vigil.db.migration-password", ownerPassword == null ? "" : ownerPassword);
        return settings;
    }

    private void administer(String sql, String what) {
        try (Connection c = asOwner(url).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not " + what + " as " + owner + ": " + e.getMessage(), e);
        }
    }

    private static void requirePlainName(String database) {
        if (database == null || !NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("a database name is 1 to 63 lower-case letters, digits and underscores,"
                    + " starting with a letter or underscore: " + database);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
