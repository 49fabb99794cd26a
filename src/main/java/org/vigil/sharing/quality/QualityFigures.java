package org.vigil.sharing.quality;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The DATA-12 figures of a set of deliveries (one month of a feed, a year, a provider's year):
 * how many were read, refused and held, their rows, and the five rates as summed counts.
 *
 * @param deliveries deliveries whose rows were read (applied, held or discarded)
 * @param refused    deliveries refused before their rows were read (no agreement, unreadable file)
 * @param held       deliveries the gate held, whatever an officer decided since
 * @param rowsRead   data rows read
 * @param accepted   rows accepted
 * @param rates      the five rates; a metric with nothing to measure has {@link Rate#NONE}
 */
public record QualityFigures(long deliveries, long refused, long held, long rowsRead, long accepted,
        Map<QualityMetric, Rate> rates) {

    public static final QualityFigures NONE = new QualityFigures(0, 0, 0, 0, 0, Map.of());

    public QualityFigures {
        EnumMap<QualityMetric, Rate> copy = new EnumMap<>(QualityMetric.class);
        for (QualityMetric m : QualityMetric.values()) {
            copy.put(m, Objects.requireNonNullElse(rates.get(m), Rate.NONE));
        }
        rates = Collections.unmodifiableMap(copy);
    }

    public Rate rate(QualityMetric metric) {
        return rates.get(metric);
    }

    /** Both sets together: every count added, so each rate is the sum of numerators over the sum of denominators. */
    public QualityFigures plus(QualityFigures other) {
        EnumMap<QualityMetric, Rate> sum = new EnumMap<>(QualityMetric.class);
        for (QualityMetric m : QualityMetric.values()) {
            sum.put(m, rate(m).plus(other.rate(m)));
        }
        return new QualityFigures(deliveries + other.deliveries, refused + other.refused, held + other.held,
                rowsRead + other.rowsRead, accepted + other.accepted, sum);
    }
}
