package org.vigil.simulator.internal;

/**
 * A file written, for the monthly manifests, {@code city.properties} and the summary.
 *
 * @param path  relative to the city folder, with forward slashes
 * @param kind  the path without the month, such as {@code feeds/police/death_deregistration}
 * @param feed  the feed it carries, null for agency and truth files
 */
record FileRecord(String path, String kind, FileFormat format, TextEncoding encoding, long rows, long bytes, FeedSpec feed) {

    static FileRecord of(TableSink sink, String root, String kind, FileFormat format, TextEncoding encoding, FeedSpec feed) {
        String rel = root.isEmpty() ? sink.target().toString() : sink.target().toString().substring(root.length() + 1);
        return new FileRecord(rel.replace('\\', '/'), kind, format, encoding, sink.rows(), sink.bytes(), feed);
    }
}
