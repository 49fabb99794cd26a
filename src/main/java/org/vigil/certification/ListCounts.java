package org.vigil.certification;

/**
 * The three lists' sizes in one division (CERT-7, CERT-11).
 *
 * @param region the district, street or community code
 */
public record ListCounts(String region, long qualified, long disqualified, long toBeVerified) {

    public long total() {
        return qualified + disqualified + toBeVerified;
    }
}
