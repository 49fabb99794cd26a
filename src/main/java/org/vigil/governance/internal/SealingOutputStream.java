package org.vigil.governance.internal;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.vigil.governance.KeyService;

/**
 * One table's COPY stream, cut into chunks and sealed as it arrives, so that a table of any size
 * needs one chunk of memory. A full chunk is held until more data comes: only then is it known not
 * to be the last, which its seal says.
 */
final class SealingOutputStream extends OutputStream {

    private final FileOutputStream file;
    private final DataOutputStream out;
    private final KeyService keys;
    private final String dataKey;
    private final String backupId;
    private final String schema;
    private final String table;
    private final byte[] chunk;
    private final MessageDigest sha256;
    private int filled;
    private long chunks;
    private long bytes;
    private boolean finished;

    SealingOutputStream(Path path, KeyService keys, String dataKey, String backupId, String schema, String table,
            int chunkBytes) throws IOException {
        this.file = new FileOutputStream(path.toFile());
        this.out = new DataOutputStream(new BufferedOutputStream(file, 1 << 16));
        this.keys = keys;
        this.dataKey = dataKey;
        this.backupId = backupId;
        this.schema = schema;
        this.table = table;
        this.chunk = new byte[chunkBytes];
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
        out.write(BackupFormat.FILE_MAGIC);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (filled == chunk.length) {
                seal(false);
            }
            int n = Math.min(len, chunk.length - filled);
            System.arraycopy(b, off, chunk, filled, n);
            sha256.update(b, off, n);
            filled += n;
            bytes += n;
            off += n;
            len -= n;
        }
    }

    /** Seals what is held as the table's last chunk (an empty table has one empty chunk) and syncs the file to disk. */
    void finish() throws IOException {
        seal(true);
        finished = true;
        out.flush();
        file.getFD().sync();
    }

    private void seal(boolean last) throws IOException {
        byte[] plain = filled == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, filled);
        chunks++;
        byte[] sealed = keys.encrypt(dataKey, plain, BackupFormat.associatedData(backupId, schema, table, chunks, last));
        out.writeInt(sealed.length);
        out.write(sealed);
        filled = 0;
    }

    long chunks() {
        return chunks;
    }

    long bytes() {
        return bytes;
    }

    byte[] sha256() {
        if (!finished) {
            throw new IllegalStateException("the table's stream is not finished");
        }
        return sha256.digest();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
