package org.vigil.certification;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Everything certification and recovery store, as text, read as the role that owns the tables (no
 * row-level security): what a copy of the database or a look by an administrator would show
 * (DATA-15). Sealed values come out encoded, so a name or ID number found here is one stored in clear.
 */
public final class StoredText {

    private StoredText() {
    }

    /** Each table of the two schemas with all its rows as XML text, by schema-qualified name. */
    public static Map<String, String> of(DataSource application) throws SQLException {
        JdbcClient owner = JdbcClient.create(new DriverManagerDataSource(
                application.unwrap(HikariDataSource.class).getJdbcUrl(), "postgres", ""));
        Map<String, String> tables = new LinkedHashMap<>();
        owner.sql("""
                        select table_schema || '.' || table_name,
                               query_to_xml(format('select * from %I.%I', table_schema, table_name), true, false, '')::text
                          from information_schema.tables
                         where table_schema in ('certification', 'recovery') and table_type = 'BASE TABLE'
                         order by 1""")
                .query(rs -> {
                    tables.put(rs.getString(1), rs.getString(2));
                });
        return tables;
    }
}
