package org.vigil.simulator.internal;

import java.util.List;

/**
 * A file written, for the monthly manifests, {@code city.properties} and the summary.
 *
 * @param path     relative to the city folder, with forward slashes
 * @param kind     the path without the month, such as {@code feeds/police/death_deregistration}
 * @param feed     the feed it carries, null for agency and truth files
 * @param defects  the imperfections injected into a feed file, in row order; empty for other files
 */
record FileRecord(String path, String kind, FileFormat format, TextEncoding encoding, long rows, long bytes, FeedSpec feed,
        List<DefectLine> defects) {

    FileRecord {
        defects = List.copyOf(defects);
    }

    static FileRecord of(TableSink sink, String root, String kind, FileFormat format, TextEncoding encoding, FeedSpec feed) {
        return of(sink, root, kind, format, encoding, feed, List.of());
    }

    static FileRecord of(TableSink sink, String root, String kind, FileFormat format, TextEncoding encoding, FeedSpec feed,
            List<DefectLine> defects) {
        String rel = root.isEmpty() ? sink.target().toString() : sink.target().toString().substring(root.length() + 1);
        return new FileRecord(rel.replace('\\', '/'), kind, format, encoding, sink.rows(), sink.bytes(), feed, defects);
    }
}
