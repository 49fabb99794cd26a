package org.vigil.runtime;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Reads a clean CSV exchange file with {@link CsvTable} and streams the rows its handler accepts
 * into a COPY on the connection of the current transaction, so a file with any bad row leaves
 * nothing behind once the transaction rolls back.
 */
public final class CsvCopy {

    private CsvCopy() {
    }

    /** Validates one row and, when it is clean, writes it to the COPY. */
    @FunctionalInterface
    public interface RowCopier {
        void accept(CsvTable.Row row, CopyWriter out) throws Exception;
    }

    /**
     * @param copyStatement a constant COPY statement of the caller
     * @return data rows read
     */
    public static long copy(DataSource dataSource, Path csv, String copyStatement, RowCopier copier,
            String... requiredColumns) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (CopyWriter out = CopyWriter.open(connection, copyStatement)) {
            long read = CsvTable.of(csv, requiredColumns).forEachRow(row -> copier.accept(row, out));
            out.finish();
            return read;
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not load " + csv.getFileName() + ": " + e.getMessage(), e);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
