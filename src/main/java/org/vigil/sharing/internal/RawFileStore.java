package org.vigil.sharing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Keeps every delivered file exactly as it arrived, under its SHA-256, so a fact can always be
 * traced to the bytes it came from and a quarantined delivery can be re-run from them. A stored
 * file is never rewritten: the same bytes map to the same path, and a new file is copied to a
 * temporary name and moved into place, so a crash never leaves a half-written file under a hash.
 */
final class RawFileStore {

    /** A stored file. */
    record StoredFile(String sha256, long size, Path path) {
    }

    private final Path root;

    RawFileStore(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    StoredFile store(Path file) {
        try {
            Files.createDirectories(root);
            Path temporary = Files.createTempFile(root, "incoming-", ".part");
            try {
                MessageDigest digest = sha256();
                long size;
                try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest);
                        OutputStream out = Files.newOutputStream(temporary)) {
                    size = in.transferTo(out);
                }
                String hash = HexFormat.of().formatHex(digest.digest());
                Path target = pathOf(hash);
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    moveIntoPlace(temporary, target);
                }
                return new StoredFile(hash, size, target);
            }
            finally {
                Files.deleteIfExists(temporary);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not store the delivered file " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
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
