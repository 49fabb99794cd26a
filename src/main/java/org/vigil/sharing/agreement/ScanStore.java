package org.vigil.sharing.agreement;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps signed scans by content: a file's name is its SHA-256, under a folder named by the first
 * two hex digits so no folder grows huge. Writing goes to a temporary file in the same folder,
 * forced to disk, then moved into place in one step, so a reader never sees half a scan and a
 * crash leaves at most a temporary file. The same bytes stored twice are one file.
 */
@Component
class ScanStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String TEMP_PREFIX = ".upload-";

    private final Path root;
    private final long maxBytes;

    ScanStore(@Value("${vigil.sharing.agreement-dir:var/agreements}") Path root,
            @Value("${vigil.sharing.agreement-scan-max-bytes:67108864}") long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
    }

    /** A scan as stored. */
    record Stored(String sha256, long bytes, ScanFormat format) {
    }

    /**
     * Streams the content to disk while hashing it.
     *
     * @throws RegisterException when the content is empty, too large or not a PDF or image
     */
    Stored store(InputStream content) {
        try {
            Files.createDirectories(root);
            Path temp = Files.createTempFile(root, TEMP_PREFIX, ".tmp");
            try {
                MessageDigest sha = sha256();
                long size;
                ScanFormat format;
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                        OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), sha)) {
                    byte[] head = new byte[ScanFormat.SIGNATURE_LENGTH];
                    int headLength = content.readNBytes(head, 0, head.length);
                    if (headLength == 0) {
                        throw RegisterException.of("scan", RegisterProblem.SCAN_EMPTY, "");
                    }
                    format = ScanFormat.detect(head, headLength).orElseThrow(() -> RegisterException.of("scan",
                            RegisterProblem.SCAN_FORMAT, "the file starts with bytes " + HexFormat.of().formatHex(head, 0, headLength)));
                    out.write(head, 0, headLength);
                    size = headLength + copyAtMost(content, out, maxBytes - headLength);
                    out.flush();
                    channel.force(true);
                }
                String hex = HexFormat.of().formatHex(sha.digest());
                Path target = path(hex);
                Files.createDirectories(target.getParent());
                moveInto(temp, target);
                return new Stored(hex, size, format);
            }
            finally {
                Files.deleteIfExists(temp);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not store the scan under " + root, e);
        }
    }

    /** The folder the scans are kept in. */
    Path root() {
        return root;
    }

    /** The stored file of a hash, if present. */
    Optional<Path> find(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path path = path(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    private Path path(String hex) {
        return root.resolve(hex.substring(0, 2)).resolve(hex);
    }

    private long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            copied += n;
            if (copied > limit) {
                throw RegisterException.of("scan", RegisterProblem.SCAN_TOO_LARGE, "larger than " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return copied;
    }

    /**
     * Moves the finished temporary file to its name. When that name exists, it holds these very
     * bytes (the name is their hash), so the temporary file is simply dropped.
     */
    private static void moveInto(Path temp, Path target) throws IOException {
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (FileAlreadyExistsException e) {
            // another upload of the same bytes got there first: same content, nothing to do
        }
        catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the scan folder's file system cannot rename atomically", e);
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
