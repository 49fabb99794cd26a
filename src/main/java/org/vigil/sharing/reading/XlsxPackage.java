package org.vigil.sharing.reading;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The ZIP container of a workbook, opened defensively. Before anything is inflated, the central
 * directory must be present (a truncated upload lacks it), hold a sane number of parts, and
 * declare sizes within the limits; then every part read is counted as it inflates, because a
 * crafted archive can declare small sizes and inflate without end.
 */
final class XlsxPackage implements Closeable {

    /** A workbook has a few dozen parts; thousands are a crafted archive. */
    static final int MAX_PARTS = 10_000;
    /** Parts smaller than this are not held to the compression ratio: tiny XML compresses oddly well. */
    static final long RATIO_GRACE_BYTES = 1 << 20;

    private static final int END_OF_DIRECTORY_SIGNATURE = 0x06054b50;
    private static final int END_OF_DIRECTORY_BYTES = 22;
    private static final int MAX_COMMENT_BYTES = 0xFFFF;
    private static final int ENTRY_COUNT_OFFSET = 10;
    private static final int ZIP64_MARKER_16 = 0xFFFF;

    private final ZipFile zip;
    private final String file;
    private final ReadLimits limits;
    private long inflated;

    private XlsxPackage(ZipFile zip, String file, ReadLimits limits) {
        this.zip = zip;
        this.file = file;
        this.limits = limits;
    }

    static XlsxPackage open(Path path, String file, ReadLimits limits) {
        checkDirectory(path, file);
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(path).get();
        }
        catch (IOException e) {
            throw Problems.ofFile(file, "not a readable XLSX workbook: the ZIP container is damaged (" + e.getMessage() + ")");
        }
        XlsxPackage pkg = new XlsxPackage(zip, file, limits);
        try {
            pkg.checkDeclaredSizes();
        }
        catch (RuntimeException e) {
            pkg.close();
            throw e;
        }
        return pkg;
    }

    /** Whether the package has a part of this name. */
    boolean has(String part) {
        return zip.getEntry(part) != null;
    }

    /**
     * A part's content, counted as it inflates.
     *
     * @throws org.vigil.identity.BadInputException when the part is missing
     */
    InputStream open(String part) {
        ZipArchiveEntry entry = zip.getEntry(part);
        if (entry == null) {
            throw Problems.ofFile(file, "not a complete XLSX workbook: the part " + part + " is missing");
        }
        try {
            return new Guard(zip.getInputStream(entry), entry);
        }
        catch (IOException e) {
            throw Problems.ofFile(file, "the XLSX part " + part + " cannot be read: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkDeclaredSizes() {
        long total = 0;
        Enumeration<ZipArchiveEntry> entries = zip.getEntries();
        while (entries.hasMoreElements()) {
            ZipArchiveEntry entry = entries.nextElement();
            long size = entry.getSize();
            if (size < 0) {
                throw Problems.ofFile(file, "the XLSX part " + entry.getName() + " does not declare its size");
            }
            total += size;
            if (total > limits.maxXlsxUncompressedBytes()) {
                throw Problems.ofFile(file, "the XLSX workbook inflates to more than the limit of "
                        + limits.maxXlsxUncompressedBytes() + " bytes");
            }
            if (exceedsRatio(size, entry.getCompressedSize())) {
                throw Problems.ofFile(file, "the XLSX part " + entry.getName() + " would inflate " + ratio(size, entry)
                        + " times, more than the limit of " + limits.maxCompressionRatio() + " (a zip bomb?)");
            }
        }
    }

    private boolean exceedsRatio(long inflatedBytes, long compressedBytes) {
        return inflatedBytes > RATIO_GRACE_BYTES && inflatedBytes > Math.max(compressedBytes, 1) * limits.maxCompressionRatio();
    }

    private static long ratio(long inflatedBytes, ZipArchiveEntry entry) {
        return inflatedBytes / Math.max(entry.getCompressedSize(), 1);
    }

    /**
     * Finds the end-of-central-directory record at the end of the file, where every complete ZIP
     * has it, and checks the number of parts it announces.
     */
    private static void checkDirectory(Path path, String file) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            int tail = (int) Math.min(size, END_OF_DIRECTORY_BYTES + MAX_COMMENT_BYTES);
            ByteBuffer buf = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            while (buf.hasRemaining() && channel.read(buf, size - tail + buf.position()) >= 0) {
                // read on: a channel may return fewer bytes than asked
            }
            for (int p = tail - END_OF_DIRECTORY_BYTES; p >= 0; p--) {
                if (buf.getInt(p) == END_OF_DIRECTORY_SIGNATURE) {
                    int parts = Short.toUnsignedInt(buf.getShort(p + ENTRY_COUNT_OFFSET));
                    if (parts >= Math.min(MAX_PARTS, ZIP64_MARKER_16)) {
                        throw Problems.ofFile(file, "the XLSX archive has " + (parts == ZIP64_MARKER_16 ? "too many" : parts)
                                + " parts, more than the limit of " + MAX_PARTS);
                    }
                    return;
                }
            }
            throw Problems.ofFile(file, "not a complete XLSX workbook: the end of the ZIP directory is missing (truncated file?)");
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Counts inflated bytes against the part's declared size, the ratio and the workbook's total. */
    private final class Guard extends FilterInputStream {

        private final String part;
        private final long declared;
        private final long compressed;
        private long count;

        Guard(InputStream in, ZipArchiveEntry entry) {
            super(in);
            this.part = entry.getName();
            this.declared = entry.getSize();
            this.compressed = entry.getCompressedSize();
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            count += n;
            inflated += n;
            if (count > declared) {
                throw Problems.ofFile(file, "the XLSX part " + part + " inflates to more than the " + declared
                        + " bytes it declares (a crafted archive?)");
            }
            if (inflated > limits.maxXlsxUncompressedBytes()) {
                throw Problems.ofFile(file, "the XLSX workbook inflates to more than the limit of "
                        + limits.maxXlsxUncompressedBytes() + " bytes");
            }
            if (exceedsRatio(count, compressed)) {
                throw Problems.ofFile(file, "the XLSX part " + part + " inflates more than " + limits.maxCompressionRatio()
                        + " times (a zip bomb?)");
            }
        }
    }
}
