package org.vigil.sharing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import org.vigil.sharing.reading.ByteTap;

/**
 * Keeps every delivered file exactly as it arrived, under its SHA-256, so a fact can always be
 * traced to the bytes it came from and a quarantined delivery can be re-run from them. A stored
 * file is never rewritten: the same bytes map to the same path, and a new file is copied to a
 * temporary name and moved into place, so a crash never leaves a half-written file under a hash.
 *
 * <p>A file can be stored while it is parsed ({@link #begin}): the reader shows the store the
 * bytes it reads, which are hashed and copied from the reader's own buffers, and the store reads
 * only what the reader did not (a byte-order mark, the rest after a fatal defect). The file is then
 * read once instead of twice, and what was parsed is by construction what was stored, even if the
 * delivered file were changed meanwhile.
 */
final class RawFileStore {

    /** A stored file. */
    record StoredFile(String sha256, long size, Path path) {
    }

    private static final int BUFFER_BYTES = 1 << 20;

    private final Path root;

    RawFileStore(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** Stores the whole file at once. */
    StoredFile store(Path file) {
        try (Incoming incoming = begin(file)) {
            return incoming.complete();
        }
    }

    /**
     * Starts storing a file whose bytes a reader will show through the returned tap; {@link
     * Incoming#complete()} then stores it. Close it in any case: an incomplete file is removed.
     */
    Incoming begin(Path file) {
        try {
            Files.createDirectories(root);
            FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
            Path temporary;
            try {
                temporary = Files.createTempFile(root, "incoming-", ".part");
            }
            catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
            return new Incoming(file, in, temporary);
        }
        catch (IOException e) {
            throw failure(file, e);
        }
    }

    Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /**
     * A file being stored. Not thread-safe: the reader serialises its calls to the tap, and {@link
     * #complete()} comes after the reading has returned.
     */
    final class Incoming implements ByteTap, AutoCloseable {

        private final Path source;
        private final FileChannel in;
        private final Path temporary;
        private final MessageDigest digest = sha256();
        private final FileChannel out;
        /** How many bytes from the start have been hashed and copied. */
        private long received;
        private StoredFile stored;
        private boolean closed;

        private Incoming(Path source, FileChannel in, Path temporary) throws IOException {
            this.source = source;
            this.in = in;
            this.temporary = temporary;
            this.out = FileChannel.open(temporary, StandardOpenOption.WRITE);
        }

        @Override
        public void bytes(long position, byte[] buffer, int offset, int length) {
            if (stored != null || closed) {
                throw new IllegalStateException("the file is stored already");
            }
            try {
                if (position > received) {
                    copyFromSource(position);
                }
                long seen = received - position;
                if (seen >= length) {
                    return;
                }
                int from = offset + (int) seen;
                int n = length - (int) seen;
                take(buffer, from, n);
            }
            catch (IOException e) {
                throw failure(source, e);
            }
        }

        /** Reads what the reader did not show, and moves the file into place under its hash. */
        StoredFile complete() {
            if (stored != null) {
                return stored;
            }
            if (closed) {
                throw new IllegalStateException("the incoming file was given up");
            }
            try {
                copyFromSource(Long.MAX_VALUE);
                out.close();
                String hash = HexFormat.of().formatHex(digest.digest());
                Path target = pathOf(hash);
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    moveIntoPlace(temporary, target);
                }
                stored = new StoredFile(hash, received, target);
                return stored;
            }
            catch (IOException e) {
                throw failure(source, e);
            }
        }

        /** How many bytes have been hashed and copied so far. */
        long received() {
            return received;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            IOException failure = null;
            for (AutoCloseable c : new AutoCloseable[] {out, in}) {
                try {
                    c.close();
                }
                catch (Exception e) {
                    failure = failure == null ? new IOException(e) : failure;
                }
            }
            try {
                // after a successful move there is nothing left here
                Files.deleteIfExists(temporary);
            }
            catch (IOException e) {
                failure = failure == null ? e : failure;
            }
            if (failure != null && stored == null) {
                throw failure(source, failure);
            }
        }

        private void copyFromSource(long until) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
            while (received < until) {
                buffer.clear();
                if (until - received < buffer.capacity()) {
                    buffer.limit((int) (until - received));
                }
                int n = in.read(buffer, received);
                if (n < 0) {
                    return;
                }
                take(buffer.array(), 0, n);
            }
        }

        private void take(byte[] bytes, int from, int length) throws IOException {
            digest.update(bytes, from, length);
            ByteBuffer data = ByteBuffer.wrap(bytes, from, length);
            while (data.hasRemaining()) {
                out.write(data);
            }
            received += length;
        }
    }

    private static UncheckedIOException failure(Path file, IOException e) {
        return new UncheckedIOException("could not store the delivered file " + file.getFileName() + ": " + e.getMessage(), e);
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (FileAlreadyExistsException e) {
            // Another ingestion stored the same bytes first; its file is identical.
        }
        catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
