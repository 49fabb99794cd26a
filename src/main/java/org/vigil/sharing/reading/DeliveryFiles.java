package org.vigil.sharing.reading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Opens the files departments deliver, whatever their format and encoding. */
public final class DeliveryFiles {

    private DeliveryFiles() {
    }

    /**
     * Detects what the file is and opens it, reading its header.
     *
     * @param displayName what problems call the file (the name it was delivered under)
     * @throws org.vigil.identity.BadInputException naming the file (row 0 for the file as a whole,
     *         the row for a defective header) when it is empty, binary, not a table, in an
     *         undetectable encoding, a damaged or hostile XLSX, or has no header
     * @throws UncheckedIOException when the file cannot be read
     */
    public static TableSource open(Path file, String displayName, ReadLimits limits) {
        return open(file, displayName, limits, null);
    }

    /**
     * As {@link #open(Path, String, ReadLimits)}, showing the tap every byte of a CSV or JSON Lines
     * file that is read for its header and rows, in file order, as it is read. An XLSX workbook is
     * not read in file order and is not shown to the tap: see {@link #isWorkbook}.
     *
     * @param tap the tap, or {@code null}
     */
    public static TableSource open(Path file, String displayName, ReadLimits limits, ByteTap tap) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(limits, "limits");
        byte[] prefix = new byte[FormatDetector.PREFIX_BYTES];
        int length;
        long size;
        FormatDetector.TextSample sample;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            length = in.readNBytes(prefix, 0, prefix.length);
            sample = new FormatDetector.TextSample(prefix, length, length < size);
            if (length < size && FormatDetector.isAscii(prefix, length) && !FormatDetector.isZip(prefix, length)) {
                sample = firstNonAscii(in, length, size);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not read " + displayName + ": " + e.getMessage(), e);
        }
        DetectedFormat format = FormatDetector.detect(displayName, prefix, length, size, sample);
        return switch (format.format()) {
            case XLSX -> XlsxTableSource.open(file, displayName, limits);
            case CSV, JSON_LINES -> TextTableSource.open(file, displayName, format, limits, tap);
        };
    }

    /**
     * Whether the file starts like an XLSX workbook (a ZIP archive), which is read by its parts
     * rather than in file order. Anything else is either text or refused when opened.
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    public static boolean isWorkbook(Path file) {
        byte[] prefix = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            return FormatDetector.isZip(prefix, in.readNBytes(prefix, 0, prefix.length));
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The first window after an all-ASCII prefix that holds a non-ASCII byte; it starts on a
     * character boundary, since everything before it is ASCII. An all-ASCII file gives an empty
     * sample, which reads as UTF-8.
     */
    private static FormatDetector.TextSample firstNonAscii(InputStream in, long read, long size) throws IOException {
        byte[] window = new byte[FormatDetector.PREFIX_BYTES];
        long position = read;
        int n;
        while ((n = in.readNBytes(window, 0, window.length)) > 0) {
            position += n;
            if (!FormatDetector.isAscii(window, n)) {
                return new FormatDetector.TextSample(window, n, position < size);
            }
        }
        return new FormatDetector.TextSample(window, 0, false);
    }
}
