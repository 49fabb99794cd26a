package org.vigil.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The PostgreSQL server Vigil's database lives on, as the role that owns the schemas reaches it:
 * what backups, restores and drills (DATA-16) need beyond the application's pool. The application's
 * role owns nothing and, once row-level security arrives (issue 5 §1), would not even see every
 * row, so a backup that must hold everything reads as the owner; a restore creates schemas, which
 * only the owner may.
 */
public interface DatabaseServer {

    /** Whether this is the embedded server of the try-it default, where the owner is its superuser. */
    boolean embedded();

    /** The name of the database Vigil runs on. */
    String database();

    /** The JDBC URL, without credentials, of a database of that name on this server. */
    String urlOf(String database);

    /** The role that owns the schemas and runs the migrations. */
    String owner();

    /** The role the application connects as, when it is not the owner. */
    Optional<String> applicationRole();

    /**
     * Connections to the database at that JDBC URL as the owning role. Unpooled: each is opened
     * for one job and closed, so nothing of the owner's stays connected.
     */
    DataSource asOwner(String url);

    /** Whether a database of that name exists on this server. */
    boolean exists(String database);

    /**
     * Creates an empty database on this server, as the owner (the embedded superuser; outside, a
     * migration user with the right to create databases).
     *
     * @throws IllegalArgumentException when the name is not a plain PostgreSQL name
     */
    void create(String database);

    /**
     * Drops a database of this server, ending its sessions first. Vigil's own database and the
     * server's system databases are never dropped.
     *
     * @throws IllegalArgumentException for Vigil's own database or a system database
     */
    void drop(String database);

    /** The module schemas Vigil has migrations for, in name order. */
    List<String> moduleSchemas();

    /**
     * Creates the given schemas in the database behind {@code owner} by running their migrations
     * up to exactly the given versions, then grants the application's role what each module allows.
     *
     * @param versions schema → Flyway version
     * @throws IllegalArgumentException when this Vigil has no migrations for a schema or version
     */
    void migrate(DataSource owner, Map<String, String> versions);

    /**
     * The {@code vigil.db.*} settings under which an application runs on another database of this
     * server with the same roles as this one: for a drill's check that needs the whole application
     * on a restored database.
     */
    Map<String, String> settingsFor(String url);
}
