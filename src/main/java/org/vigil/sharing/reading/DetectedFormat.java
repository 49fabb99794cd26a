package org.vigil.sharing.reading;

import java.util.Objects;

/**
 * What a delivered file turned out to be.
 *
 * @param format   its shape
 * @param encoding its text encoding; {@code null} for XLSX, whose XML parts declare their own
 */
public record DetectedFormat(FileFormat format, TextEncoding encoding) {

    public DetectedFormat {
        Objects.requireNonNull(format, "format");
        if ((format == FileFormat.XLSX) != (encoding == null)) {
            throw new IllegalArgumentException("a text encoding goes with text formats only: " + format + " " + encoding);
        }
    }
}
