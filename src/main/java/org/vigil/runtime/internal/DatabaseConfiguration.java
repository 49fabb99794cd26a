package org.vigil.runtime.internal;


import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigil.runtime.VigilDatabaseProperties;

/**
 * The one data source: the external PostgreSQL when configured, else the embedded one. Every
 * module's migrations run before the data source is handed out, so no bean can see a schema
 * that is not yet migrated. They run as the role that owns the schemas; the application then
 * connects as a role that owns nothing and holds only what the modules grant it (ADR 0021).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VigilDatabaseProperties.class)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresHolder embeddedPostgres(VigilDatabaseProperties properties) {
        if (properties.external()) {
            return new EmbeddedPostgresHolder(null);
        }
        VigilDatabaseProperties.Embedded embedded = properties.embedded();
        return new EmbeddedPostgresHolder(
                EmbeddedPostgresServer.start(embedded.dir(), embedded.port(), embedded.clean()));
    }

    /** Who connects where; also what backups, restores and drills administer the server through (DATA-16). */
    @Bean
    ServerAccess databaseServer(VigilDatabaseProperties properties, EmbeddedPostgresHolder embedded) {
        return ServerAccess.of(properties, embedded.server());
    }

    @Bean(destroyMethod = "close")
    ScopedDataSource dataSource(ServerAccess server) {
        Optional<String> appRole = server.applicationRole();
        // unpooled: Flyway opens and closes what it needs, and nothing of the owner's stays connected
        DataSource migrations = server.asOwner(server.url());
        if (server.embedded()) {
            createEmbeddedAppRole(migrations);
        }
        ModuleSchemaMigrations.migrate(migrations, appRole);
        if (appRole.isEmpty()) {
            log.warn("The application connects as {}, the role that owns the schemas: set VIGIL_DB_MIGRATION_USER to an "
                    + "owning role so the application cannot alter the schema or the audit log (ADR 0021)", server.owner());
        }
        return new ScopedDataSource(pool("vigil", server.url(), server.appUser(), server.appPassword(), 10));
    }

    private static HikariDataSource pool(String name, String url, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        // batched inserts are rewritten into multi-row statements by the driver
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /** The embedded server trusts local connections, so the role needs no password. */
    private static void createEmbeddedAppRole(DataSource owner) {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    do $$
                    begin
                        if not exists (select 1 from pg_roles where rolname = 'vigil_app') then
                            create role vigil_app login;
                        end if;
                    end $$""");
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not create the application's role in the embedded PostgreSQL: "
                    + e.getMessage(), e);
        }
    }

    /** Holds the embedded server, or nothing when an external database is configured. */
    record EmbeddedPostgresHolder(EmbeddedPostgresServer server) implements AutoCloseable {
        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }

}
