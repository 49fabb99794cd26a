package org.vigil.sharing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One thing departments delivered about a person that bears on a benefit: a death, a sentence, a
 * custody interval, a registry fact about a dependent, or the latest sign of life of a feed. The
 * kind is the feed's code, so a consumer's own catalogue maps it without knowing how the sharing
 * module stores it; two feeds are split or joined on the way (see {@link SharedEvidence}).
 *
 * @param idNumber the person's normalised 18-character ID number
 * @param kind     the evidence kind: the feed's code, {@value SharedEvidence#COMMUNITY_VISIT} for a
 *                 community report's visits, {@value SharedEvidence#PRISON} for a prison interval
 * @param date     the day it happened; a sentence's or a custody interval's first day
 * @param endDate  a sentence's or custody interval's last day, inclusive; none while it lasts or
 *                 where the kind has no end
 * @param source   the delivered row the evidence comes from
 * @param closedBy for a custody interval whose release came in a row of its own, that row
 */
public record EvidenceItem(String idNumber, String kind, LocalDate date, LocalDate endDate, Provenance source,
        Provenance closedBy) {

    public EvidenceItem {
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(source, "source");
    }

    /**
     * Where a row came from: a delivery of a provider's feed, and the row number in that file, so
     * the stored raw file shows what the department wrote (SHARE-6, CERT-19).
     */
    public record Provenance(String provider, String feed, long deliveryId, long row) {

        public Provenance {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(feed, "feed");
        }

        @Override
        public String toString() {
            return provider + "/" + feed + "#" + deliveryId + ":" + row;
        }
    }
}
