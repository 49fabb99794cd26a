package org.vigil.certification.internal;

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
 * The files kept with verification tasks (第二十八条), each under its SHA-256 in a folder named by
 * the hash's first two digits. Bytes go to a temporary file beside their final place, are forced to
 * disk and then renamed in one step, so nobody ever reads half a photo under a hash; the same bytes
 * uploaded twice are one file. A file whose database row never committed stays behind unreferenced,
 * which costs disk and nothing else, so nothing tries to delete it.
 */
@Component
class AttachmentStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final long maxBytes;

    AttachmentStore(@Value("${vigil.certification.attachment-dir:var/verifications}") Path root,
            @Value("${vigil.certification.attachment-max-bytes:67108864}") long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
    }

    /** An attachment as stored. */
    record Stored(String sha256, long size) {
    }

    /**
     * Streams the content to disk while hashing it.
     *
     * @throws IllegalArgumentException when the content is empty or larger than the limit
     */
    Stored store(InputStream content) {
        try {
            Files.createDirectories(root);
            Path temporary = Files.createTempFile(root, ".incoming-", ".part");
            try {
                MessageDigest digest = sha256();
                long size;
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                        OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest)) {
                    size = copy(content, out);
                    out.flush();
                    channel.force(true);
                }
                if (size == 0) {
                    throw new IllegalArgumentException("the attachment is empty / 附件为空");
                }
                String hash = HexFormat.of().formatHex(digest.digest());
                Path target = pathOf(hash);
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    place(temporary, target);
                }
                return new Stored(hash, size);
            }
            finally {
                Files.deleteIfExists(temporary);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not keep the attachment under " + root + ": " + e.getMessage(), e);
        }
    }

    /** The stored file of a hash, when there is one. */
    Optional<Path> find(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path path = pathOf(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    Path root() {
        return root;
    }

    private Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > maxBytes) {
                throw new IllegalArgumentException("the attachment is larger than " + maxBytes + " bytes / 附件过大");
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static void place(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (FileAlreadyExistsException e) {
            // the same bytes arrived at the same time through another upload: that file is this one
        }
        catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the attachment folder's file system cannot rename in one step", e);
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
