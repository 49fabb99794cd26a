package org.vigil.sharing.agreement;

import java.util.Optional;

/**
 * The file kinds a signed agreement's scan may be. The kind is read from the file's first bytes,
 * not from its name or the uploader's content type, so a renamed file cannot pass for a scan.
 */
public enum ScanFormat {

    PDF("application/pdf", "pdf"),
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    TIFF("image/tiff", "tif");

    /** How many leading bytes {@link #detect} needs at most. */
    static final int SIGNATURE_LENGTH = 8;

    private final String mediaType;
    private final String extension;

    ScanFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format whose signature the bytes start with. */
    static Optional<ScanFormat> detect(byte[] head, int length) {
        if (startsWith(head, length, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return Optional.of(PDF);
        }
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, length, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, length, 0x49, 0x49, 0x2A, 0x00) || startsWith(head, length, 0x4D, 0x4D, 0x00, 0x2A)) {
            return Optional.of(TIFF);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int length, int... signature) {
        if (length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
