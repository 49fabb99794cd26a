package org.vigil.governance.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The layout of a backup folder (DATA-16, docs/backups.md): {@code manifest.json}, its SM2
 * signature in {@code manifest.sig}, and one file per table of length-prefixed SM4-GCM chunks.
 * A chunk's associated data binds it to its backup, table, place and whether it is the table's
 * last, so a chunk changed, dropped, reordered, cut off at the end or brought from another backup
 * or table does not open.
 */
final class BackupFormat {

    static final String FORMAT = "vigil-backup/1";
    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "manifest.sig";
    static final String PARTIAL = ".partial";
    static final String SIGNATURE_ALGORITHM = "SM2-with-SM3";
    static final byte[] FILE_MAGIC = "VIGILBK1".getBytes(StandardCharsets.US_ASCII);
    /** SM4-GCM's 96-bit nonce and 128-bit tag around each chunk. */
    static final int SEAL_OVERHEAD = 12 + 16;
    static final int MIN_CHUNK = 1024;
    static final int MAX_CHUNK = 64 * 1024 * 1024;

    /** Ids sort as their times do, so the newest backup is the last name; a suffix separates two in one millisecond. */
    static final Pattern ID = Pattern.compile("\\d{8}T\\d{6}\\.\\d{3}Z(-\\d{1,4})?");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final byte[] CHUNK_TAG = "vigil-backup-chunk/1".getBytes(StandardCharsets.US_ASCII);

    private BackupFormat() {
    }

    static String id(Instant at, int attempt) {
        String base = ID_TIME.format(at);
        return attempt <= 1 ? base : base + "-" + attempt;
    }

    /**
     * What a chunk's seal authenticates besides its bytes. Each field is length-prefixed, as the
     * audit chain's are, so no two different places give the same bytes.
     *
     * @param chunk 1 for a table's first chunk
     */
    static byte[] associatedData(String backupId, String schema, String table, long chunk, boolean last) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        field(out, CHUNK_TAG);
        field(out, backupId.getBytes(StandardCharsets.UTF_8));
        field(out, schema.getBytes(StandardCharsets.UTF_8));
        field(out, table.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(ByteBuffer.allocate(9).putLong(chunk).put((byte) (last ? 1 : 0)).array());
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    /** A table's file name: its place in the backup first, then a readable name safe on any file system. */
    static String fileName(int index, String schema, String table) {
        return String.format(java.util.Locale.ROOT, "%03d-%s.%s.sm4", index, safe(schema), safe(table));
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** A name from the catalogue, quoted as an SQL identifier: never spliced in as it is. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    static String display(String schema, String table) {
        return schema + "." + table;
    }
}
