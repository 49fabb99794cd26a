package org.vigil.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.vigil.runtime.DataScope;

/**
 * Hands out pooled connections that carry the asking thread's {@link DataScope} (ADR 0026). The
 * setting is written at every checkout, not once per physical connection, because a pooled
 * connection serves a district officer's request after a city officer's: a scope left from the
 * last user must never survive. It is set outside any transaction, so a rollback cannot undo it.
 */
final class ScopedDataSource extends DelegatingDataSource implements AutoCloseable {

    /** Its setting name is {@link DataScope#SETTING}. */
    private static final String SET_SCOPE = "select set_config('vigil.scope', ?, false)";

    private final HikariDataSource pool;

    ScopedDataSource(HikariDataSource pool) {
        super(pool);
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(pool.getConnection(username, password));
    }

    private static Connection scoped(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SET_SCOPE)) {
            s.setString(1, DataScope.current().setting());
            s.execute();
            return c;
        }
        catch (SQLException | RuntimeException e) {
            // a connection whose scope could not be set must not be used: give it back, then fail
            c.close();
            throw e;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
