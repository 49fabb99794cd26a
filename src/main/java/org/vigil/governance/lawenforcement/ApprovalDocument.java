package org.vigil.governance.lawenforcement;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The scan of the approval document the officers showed (DATA-11: approval documents shown and
 * kept). Its kind is read from its first bytes, not from its name, so a renamed file cannot pass
 * for a scan; its SHA-256 is what the register and the audit log name it by.
 *
 * @param fileName the name it was uploaded under, for the download; may be null
 */
public record ApprovalDocument(String fileName, Format format, byte[] content) {

    /** The file kinds a scan may be. */
    public enum Format {
        PDF("application/pdf"), JPEG("image/jpeg"), PNG("image/png");

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    public ApprovalDocument {
        if (content == null || content.length == 0) {
            throw new LawEnforcementException(LawEnforcementProblem.DOCUMENT_EMPTY, "approval", "");
        }
        Format detected = detect(content);
        if (detected == null || format != null && format != detected) {
            throw new LawEnforcementException(LawEnforcementProblem.DOCUMENT_FORMAT, "approval", "");
        }
        format = detected;
        fileName = fileName == null || fileName.isBlank() ? null : trimmedName(fileName);
        content = content.clone();
    }

    /** A scan as uploaded: the format is read from the bytes. */
    public static ApprovalDocument of(String fileName, byte[] content) {
        return new ApprovalDocument(fileName, null, content);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    /** The SHA-256 of the scan in lower-case hex. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ApprovalDocument[" + format + ", " + content.length + " bytes]";
    }

    private static Format detect(byte[] b) {
        if (startsWith(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return Format.PDF;
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return Format.JPEG;
        }
        if (startsWith(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Format.PNG;
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int... signature) {
        if (b.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((b[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /** Only the last path element, without control characters, at most 200 characters. */
    private static String trimmedName(String name) {
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (last.isEmpty()) {
            return null;
        }
        return last.length() > 200 ? last.substring(last.length() - 200) : last;
    }
}
