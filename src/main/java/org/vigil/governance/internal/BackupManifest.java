package org.vigil.governance.internal;

import java.util.List;

/**
 * What a backup holds, signed as a whole: its id and time, the snapshot it was read from, each
 * schema's migration version (so a restore recreates the schemas its data fits), and per table the
 * columns, rows, bytes and SHA-256 of the plaintext stream, the chunks and the data key they are
 * sealed with.
 *
 * @param takenAt ISO-8601 instant from the injected clock when the snapshot was taken
 */
record BackupManifest(String format, String id, String takenAt, String database, String server, String snapshot,
        int chunkBytes, List<Schema> schemas, List<Table> tables) {

    BackupManifest {
        schemas = List.copyOf(schemas);
        tables = List.copyOf(tables);
    }

    long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    long bytes() {
        return tables.stream().mapToLong(Table::bytes).sum();
    }

    /** A module schema and the last migration applied to it. */
    record Schema(String name, String version) {
    }

    /** A table's data: the COPY text stream of its columns, cut into chunks and sealed. */
    record Table(String schema, String name, List<String> columns, String file, long rows, long bytes, long chunks,
            String sha256, String dataKey) {

        Table {
            columns = List.copyOf(columns);
        }

        String display() {
            return BackupFormat.display(schema, name);
        }

        String qualified() {
            return BackupFormat.qualified(schema, name);
        }
    }
}
