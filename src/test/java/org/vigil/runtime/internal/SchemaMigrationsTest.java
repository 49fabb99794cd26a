package org.vigil.runtime.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.VigilIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The application boots on embedded PostgreSQL and every module's migrations run in its own schema (DATA-7). */
@VigilIntegrationTest
class SchemaMigrationsTest {

    private final JdbcClient jdbc;

    @Autowired
    SchemaMigrationsTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void everyModuleMigratesIntoItsOwnSchemaWithItsOwnHistory() {
        List<String> schemas = ModuleSchemaMigrations.discoverSchemas();
        assertThat(schemas).contains("registry", "certification");
        for (String schema : schemas) {
            Long failed = jdbc.sql("select count(*) from " + schema + ".flyway_schema_history where not success")
                    .query(Long.class).single();
            Long applied = jdbc.sql("select count(*) from " + schema + ".flyway_schema_history where success and version is not null")
                    .query(Long.class).single();
            assertThat(failed).as("failed migrations in %s", schema).isZero();
            assertThat(applied).as("applied migrations in %s", schema).isPositive();
        }
    }

    @Test
    void theDatabaseIsPostgresql15OrLater() {
        Integer version = jdbc.sql("select current_setting('server_version_num')::int").query(Integer.class).single();
        assertThat(version).isGreaterThanOrEqualTo(150000);
    }

    @Test
    void tablesLiveInTheirModulesSchemas() {
        List<String> tables = jdbc.sql("""
                select table_schema || '.' || table_name from information_schema.tables
                where table_schema in ('registry', 'certification') and table_name <> 'flyway_schema_history'
                order by 1""").query(String.class).list();
        assertThat(tables).contains("registry.community", "registry.person", "registry.employer", "registry.enrollment",
                "certification.recipient");
    }
}
