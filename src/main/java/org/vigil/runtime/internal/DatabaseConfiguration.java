package org.vigil.runtime.internal;


import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigil.runtime.VigilDatabaseProperties;

/**
 * The one data source: the external PostgreSQL when configured, else the embedded one. Every
 * module's migrations run before the data source is handed out, so no bean can see a schema
 * that is not yet migrated.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VigilDatabaseProperties.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresHolder embeddedPostgres(VigilDatabaseProperties properties) {
        if (properties.external()) {
            return new EmbeddedPostgresHolder(null);
        }
        VigilDatabaseProperties.Embedded embedded = properties.embedded();
        return new EmbeddedPostgresHolder(
                EmbeddedPostgresServer.start(embedded.dir(), embedded.port(), embedded.clean()));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(VigilDatabaseProperties properties, EmbeddedPostgresHolder embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("vigil");
        config.setMaximumPoolSize(10);
        if (properties.external()) {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
        }
        else {
            config.setJdbcUrl(embedded.server().jdbcUrl());
            config.setUsername("postgres");
        }
        // batched inserts are rewritten into multi-row statements by the driver
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource dataSource = new HikariDataSource(config);
        ModuleSchemaMigrations.migrate(dataSource);
        return dataSource;
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
