package org.vigil.simulator;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a generation produced.
 *
 * @param spec          the city asked for
 * @param rowsByKind    data rows (headers not counted) per kind of file, such as {@code agency/persons},
 *                      {@code truth/recipients} or {@code truth/defects} (all months together) or
 *                      {@code feeds/police/death_deregistration}
 * @param filesByKind   files written per kind
 * @param filesWritten  all files written, manifests and {@code city.properties} included
 * @param bytesWritten  their total size
 * @param elapsed       wall time of the generation (measured, never written into the city)
 */
public record GenerationSummary(CitySpec spec, SortedMap<String, Long> rowsByKind, SortedMap<String, Integer> filesByKind,
        int filesWritten, long bytesWritten, Duration elapsed) {

    public GenerationSummary {
        rowsByKind = Collections.unmodifiableSortedMap(new TreeMap<>(rowsByKind));
        filesByKind = Collections.unmodifiableSortedMap(new TreeMap<>(filesByKind));
    }

    /** Data rows over every file. */
    public long totalRows() {
        long n = 0;
        for (long v : rowsByKind.values()) {
            n += v;
        }
        return n;
    }

    public long rows(String kind) {
        return rowsByKind.getOrDefault(kind, 0L);
    }

    /** A few lines for a person at a terminal. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("City of ").append(spec.residents()).append(" residents, ").append(spec.months())
                .append(" months from ").append(spec.startMonth()).append(", seed ").append(spec.seed())
                .append(", in ").append(spec.out()).append('\n');
        for (Map.Entry<String, Long> e : rowsByKind.entrySet()) {
            sb.append(String.format("  %-52s %5d file(s) %,13d rows%n", e.getKey(), filesByKind.getOrDefault(e.getKey(), 0),
                    e.getValue()));
        }
        sb.append(String.format("%,d files, %,d rows, %,.1f MB in %.1f s", filesWritten, totalRows(),
                bytesWritten / 1e6, elapsed.toMillis() / 1000.0));
        return sb.toString();
    }
}
