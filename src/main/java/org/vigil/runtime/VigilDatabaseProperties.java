package org.vigil.runtime;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Vigil's PostgreSQL is. With no {@code url} (environment {@code VIGIL_DB_URL}) Vigil starts
 * its embedded PostgreSQL; with one it uses that server and never starts its own.
 *
 * @param url      JDBC URL of an external PostgreSQL 15+ ({@code VIGIL_DB_URL})
 * @param user     its user ({@code VIGIL_DB_USER})
 * @param password its password ({@code VIGIL_DB_PASSWORD})
 * @param migrationUser     the role that owns the schemas and runs the migrations
 *                          ({@code VIGIL_DB_MIGRATION_USER}); when it differs from {@code user}, the
 *                          application runs with only the privileges the modules grant it (ADR 0021)
 * @param migrationPassword its password ({@code VIGIL_DB_MIGRATION_PASSWORD})
 * @param embedded settings of the embedded default
 */
@ConfigurationProperties("vigil.db")
public record VigilDatabaseProperties(String url, String user, String password, String migrationUser,
        String migrationPassword, @DefaultValue Embedded embedded) {

    /** The role the embedded server's application connects as; the superuser only migrates. */
    public static final String EMBEDDED_APP_ROLE = "vigil_app";

    public boolean external() {
        return url != null && !url.isBlank();
    }

    /**
     * The embedded default.
     *
     * @param dir   its data folder; kept across restarts
     * @param port  its port; 0 picks a free one at each start
     * @param clean whether the data folder is thrown away: wiped at start, removed at stop (tests)
     */
    public record Embedded(@DefaultValue("var/postgres") Path dir, @DefaultValue("0") int port,
            @DefaultValue("false") boolean clean) {
    }
}
