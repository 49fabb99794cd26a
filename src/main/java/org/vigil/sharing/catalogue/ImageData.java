package org.vigil.sharing.catalogue;

import java.util.Arrays;
import java.util.Objects;

/**
 * A decoded image cell: its format, recognised from the bytes themselves rather than from what
 * the file says, and the bytes.
 */
public record ImageData(Format format, byte[] bytes) {

    /** The formats recognised by their leading bytes. */
    public enum Format {
        PNG, JPEG, BMP, GIF
    }

    public ImageData {
        Objects.requireNonNull(format, "format");
        bytes = bytes.clone();
    }

    /** A copy of the bytes, so the value stays immutable. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageData other && format == other.format && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * format.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ImageData[" + format + ", " + bytes.length + " bytes]";
    }
}
