package org.vigil.certification;

import java.util.EnumMap;
import java.util.Map;

/**
 * A ledger's size in one division, by how soon the periods end.
 *
 * @param region the district, street or community code
 */
public record LedgerCounts(String region, Map<DueBucket, Long> byBucket) {

    public LedgerCounts {
        Map<DueBucket, Long> all = new EnumMap<>(DueBucket.class);
        for (DueBucket b : DueBucket.values()) {
            all.put(b, byBucket.getOrDefault(b, 0L));
        }
        byBucket = Map.copyOf(all);
    }

    public long count(DueBucket bucket) {
        return byBucket.get(bucket);
    }

    public long total() {
        return byBucket.values().stream().mapToLong(Long::longValue).sum();
    }
}
