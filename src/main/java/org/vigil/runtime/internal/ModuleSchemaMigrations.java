package org.vigil.runtime.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Runs each module's Flyway migrations in that module's own schema, with its own history table,
 * so a module's versions never collide with another's and a module can be lifted out whole.
 * A module declares its migrations by placing them in {@code db/migration/<schema>/}.
 */
public final class ModuleSchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(ModuleSchemaMigrations.class);
    private static final Pattern MODULE_FOLDER = Pattern.compile("db/migration/([a-z_]+)/[^/]+\\.sql$");

    private ModuleSchemaMigrations() {
    }

    /** The schemas that have migrations on the class path, in name order. */
    public static List<String> discoverSchemas() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:db/migration/*/*.sql");
            TreeSet<String> schemas = new TreeSet<>();
            for (Resource resource : resources) {
                Matcher m = MODULE_FOLDER.matcher(resource.getURL().toString());
                if (m.find()) {
                    schemas.add(m.group(1));
                }
            }
            return List.copyOf(schemas);
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not list the migrations on the class path", e);
        }
    }

    /**
     * Migrates every module's schema as the connecting (owning) role. With an application role,
     * each module's {@code afterMigrate.sql} then grants that role what it may do with the module's
     * tables (ADR 0021); without one the application owns its tables and nothing is granted.
     */
    public static void migrate(DataSource dataSource, Optional<String> appRole) {
        for (String schema : discoverSchemas()) {
            MigrateResult result = configure(dataSource, schema, appRole).load().migrate();
            log.info("Schema {}: {} migration(s) applied, now at version {}", schema,
                    result.migrationsExecuted, result.targetSchemaVersion);
        }
    }

    /**
     * Migrates only the named schemas, each to exactly its given version and no further. A restore
     * (DATA-16) recreates the schemas as they were when the backup was taken, so that its data fits
     * them; the next start of Vigil on that database then brings them up to date like any older one.
     *
     * @param versions schema → Flyway version, e.g. {@code certification → 5}
     * @throws IllegalArgumentException when Vigil has no migrations for a schema or no such version
     */
    public static void migrateTo(DataSource dataSource, Optional<String> appRole, Map<String, String> versions) {
        List<String> known = discoverSchemas();
        for (Map.Entry<String, String> e : new TreeMap<>(versions).entrySet()) {
            String schema = e.getKey();
            if (!known.contains(schema)) {
                throw new IllegalArgumentException("this Vigil has no migrations for schema " + schema);
            }
            MigrateResult result;
            try {
                result = configure(dataSource, schema, appRole).target(MigrationVersion.fromVersion(e.getValue()))
                        .load().migrate();
            }
            catch (FlywayException fe) {
                throw new IllegalArgumentException("could not migrate schema " + schema + " to version " + e.getValue()
                        + ": " + fe.getMessage(), fe);
            }
            if (!MigrationVersion.fromVersion(e.getValue()).equals(MigrationVersion.fromVersion(result.targetSchemaVersion))) {
                throw new IllegalArgumentException("schema " + schema + " reached version " + result.targetSchemaVersion
                        + ", not " + e.getValue() + ": this Vigil does not have that version's migration");
            }
            log.info("Schema {}: {} migration(s) applied, at version {}", schema, result.migrationsExecuted,
                    result.targetSchemaVersion);
        }
    }

    private static FluentConfiguration configure(DataSource dataSource, String schema, Optional<String> appRole) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration/" + schema)
                .placeholders(Map.of("app_role", appRole.orElse("")))
                .skipDefaultCallbacks(appRole.isEmpty());
    }
}
