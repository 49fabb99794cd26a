package org.vigil.certification;

import java.util.Objects;

/**
 * Where a piece of evidence came from, so every decision leads back to a file and a row (CERT-19,
 * SHARE-6): for department data the provider, feed, delivery and row number; for a verification
 * recorded by a community worker the source {@code verification}, the method as feed, and the
 * task's number as document.
 */
public record EvidenceRef(String source, String feed, long document, long row) {

    /** The source of a verification recorded on a task (ADR 0017). */
    public static final String VERIFICATION = "verification";

    public EvidenceRef {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(feed, "feed");
        if (source.isBlank() || feed.isBlank()) {
            throw new IllegalArgumentException("evidence needs its source and feed");
        }
        if (document < 0 || row < 0) {
            throw new IllegalArgumentException("document and row are not negative");
        }
    }

    /** Whether the evidence is a verification task's outcome rather than a department's row. */
    public boolean isVerification() {
        return VERIFICATION.equals(source);
    }

    /** {@code provider/feed#delivery:row}, the form explanations and exports print. */
    @Override
    public String toString() {
        return source + "/" + feed + "#" + document + ":" + row;
    }
}
