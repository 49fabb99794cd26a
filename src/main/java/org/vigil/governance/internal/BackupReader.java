package org.vigil.governance.internal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import org.vigil.governance.KeyService;
import org.vigil.governance.backup.BackupRefusedException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a backup and proves it before anything is restored from it (DATA-16): the manifest's SM2
 * signature, then every chunk of every table in order, each of which opens only in its own place,
 * and each table's chunk count, bytes, rows and SHA-256 against the manifest. Whatever does not
 * hold is refused with the file, table and chunk where it was found.
 */
final class BackupReader {

    private static final HexFormat HEX = HexFormat.of();
    private static final TypeReference<Map<String, String>> SIGNATURE = new TypeReference<>() {
    };

    private final KeyService keys;
    private final JsonMapper json;

    BackupReader(KeyService keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /** A backup whose manifest is signed by a key this service holds and says what it should. */
    record Opened(Path folder, BackupManifest manifest) {
    }

    /** Receives a table's plaintext, chunk by chunk, once the chunk has opened. */
    @FunctionalInterface
    interface ChunkSink {
        void accept(byte[] plaintext, int length) throws Exception;
    }

    Opened open(Path folder) {
        String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
        if (name.endsWith(BackupFormat.PARTIAL)) {
            throw new BackupRefusedException(folder + " is an unfinished backup (its name ends in " + BackupFormat.PARTIAL
                    + "): the backup that wrote it never completed");
        }
        if (!Files.isDirectory(folder)) {
            throw new BackupRefusedException("no backup folder " + folder);
        }
        byte[] manifestBytes = read(folder, BackupFormat.MANIFEST);
        Map<String, String> sig;
        try {
            sig = json.readValue(read(folder, BackupFormat.SIGNATURE), SIGNATURE);
        }
        catch (JacksonException e) {
            throw new BackupRefusedException(BackupFormat.SIGNATURE + " of backup " + folder + " is not readable: "
                    + e.getOriginalMessage(), e);
        }
        String keyId = sig.get("key");
        String value = sig.get("signature");
        if (keyId == null || value == null || !BackupFormat.SIGNATURE_ALGORITHM.equals(sig.get("algorithm"))) {
            throw new BackupRefusedException(BackupFormat.SIGNATURE + " of backup " + folder
                    + " does not name an " + BackupFormat.SIGNATURE_ALGORITHM + " key and signature");
        }
        if (!keys.holds(keyId)) {
            throw new BackupRefusedException(BackupFormat.MANIFEST + " of backup " + folder + " is signed with SM2 key "
                    + keyId + ", which the key service does not hold: restore with the key folder the backup was taken with");
        }
        boolean valid;
        try {
            valid = keys.verify(keyId, manifestBytes, HEX.parseHex(value));
        }
        catch (IllegalArgumentException e) {
            throw new BackupRefusedException(BackupFormat.SIGNATURE + " of backup " + folder + " is damaged: "
                    + e.getMessage(), e);
        }
        if (!valid) {
            throw new BackupRefusedException(BackupFormat.MANIFEST + " of backup " + folder + " does not match its SM2"
                    + " signature (key " + keyId + "): the manifest was changed after the backup was taken");
        }
        BackupManifest manifest;
        try {
            manifest = json.readValue(manifestBytes, BackupManifest.class);
        }
        catch (JacksonException e) {
            throw new BackupRefusedException(BackupFormat.MANIFEST + " of backup " + folder + " is signed but not readable"
                    + " by this Vigil: " + e.getOriginalMessage(), e);
        }
        if (!BackupFormat.FORMAT.equals(manifest.format())) {
            throw new BackupRefusedException("backup " + folder + " is of format " + manifest.format() + "; this Vigil reads "
                    + BackupFormat.FORMAT);
        }
        Set<String> files = new HashSet<>();
        for (BackupManifest.Table t : manifest.tables()) {
            // signed, so written by Vigil; still, a file name never leads out of the folder
            if (!t.file().matches("[A-Za-z0-9_.-]+") || t.file().startsWith(".") || !files.add(t.file())) {
                throw new BackupRefusedException(BackupFormat.MANIFEST + " of backup " + folder + " names an unusable file "
                        + t.file() + " for table " + t.display());
            }
        }
        return new Opened(folder, manifest);
    }

    /** Opens every chunk of every table, without keeping any. */
    void verify(Opened backup) {
        for (BackupManifest.Table t : backup.manifest().tables()) {
            read(backup, t, (plain, n) -> {
            });
        }
    }

    /**
     * Streams a table's plaintext to the sink chunk by chunk, and checks the table against the
     * manifest once its file ends. A failure of the sink is passed on as it is.
     */
    void read(Opened backup, BackupManifest.Table t, ChunkSink sink) {
        Path file = backup.folder().resolve(t.file());
        String where = "table " + t.display() + " (file " + t.file() + ")";
        MessageDigest sha256 = sha256();
        long bytes = 0;
        long rows = 0;
        long chunk = 0;
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            long size = Files.size(file);
            byte[] magic = new byte[BackupFormat.FILE_MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, BackupFormat.FILE_MAGIC)) {
                throw new BackupRefusedException(where + " is not a Vigil backup file");
            }
            long position = magic.length;
            int largest = backup.manifest().chunkBytes() + BackupFormat.SEAL_OVERHEAD;
            while (position < size) {
                chunk++;
                if (size - position < 4) {
                    throw new BackupRefusedException(where + " ends inside chunk " + chunk + ": truncated");
                }
                int length = in.readInt();
                position += 4;
                if (length < BackupFormat.SEAL_OVERHEAD || length > largest || length > size - position) {
                    throw new BackupRefusedException(where + ", chunk " + chunk + " is damaged: its length " + length
                            + " cannot be a sealed chunk here (changed or truncated)");
                }
                byte[] sealed = new byte[length];
                in.readFully(sealed);
                position += length;
                boolean last = position == size;
                byte[] plain;
                try {
                    plain = keys.decrypt(t.dataKey(), sealed, BackupFormat.associatedData(backup.manifest().id(), t.schema(),
                            t.name(), chunk, last));
                }
                catch (KeyService.TamperedException e) {
                    throw new BackupRefusedException(where + ", chunk " + chunk + " of " + t.chunks() + " does not open"
                            + (last ? " as the table's last" : "") + ": it was changed, dropped, reordered or swapped,"
                            + " or it belongs to another backup or table", e);
                }
                catch (KeyService.UnknownKeyException e) {
                    throw new BackupRefusedException(where + " is sealed with SM4 key " + t.dataKey() + ", which the key"
                            + " service does not hold: restore with the key folder the backup was taken with", e);
                }
                sha256.update(plain);
                bytes += plain.length;
                for (byte b : plain) {
                    // COPY's text format ends every row with a newline and escapes those inside values
                    if (b == '\n') {
                        rows++;
                    }
                }
                try {
                    sink.accept(plain, plain.length);
                }
                catch (RuntimeException e) {
                    throw e;
                }
                catch (Exception e) {
                    throw new IllegalStateException("restoring " + where + ", chunk " + chunk + ": " + e.getMessage(), e);
                }
            }
        }
        catch (NoSuchFileException e) {
            throw new BackupRefusedException(where + " is missing from backup " + backup.folder(), e);
        }
        catch (EOFException e) {
            throw new BackupRefusedException(where + " ends inside chunk " + Math.max(chunk, 1) + ": truncated", e);
        }
        catch (IOException e) {
            throw new BackupRefusedException("could not read " + where + " of backup " + backup.folder() + ": "
                    + e.getMessage(), e);
        }
        if (chunk != t.chunks()) {
            throw new BackupRefusedException(where + " has " + chunk + " chunk(s), the manifest says " + t.chunks()
                    + ": chunks were dropped or added");
        }
        if (bytes != t.bytes() || rows != t.rows() || !HEX.formatHex(sha256.digest()).equals(t.sha256())) {
            throw new BackupRefusedException(where + " does not give the manifest's " + t.rows() + " rows, " + t.bytes()
                    + " bytes and SHA-256 (found " + rows + " rows, " + bytes + " bytes)");
        }
    }

    private static byte[] read(Path folder, String name) {
        try {
            return Files.readAllBytes(folder.resolve(name));
        }
        catch (NoSuchFileException e) {
            throw new BackupRefusedException("backup " + folder + " has no " + name + ": not a complete backup", e);
        }
        catch (IOException e) {
            throw new BackupRefusedException("could not read " + name + " of backup " + folder + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
