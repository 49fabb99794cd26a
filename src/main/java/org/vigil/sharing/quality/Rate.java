package org.vigil.sharing.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A rate as its two counts. Months and years add counts ({@link #plus}), so an aggregate rate is
 * the sum of numerators over the sum of denominators: a large delivery weighs as much as its rows.
 *
 * @param numerator   what is counted, such as accepted rows
 * @param denominator what it is counted out of, such as rows read; 0 when there was nothing to measure
 */
public record Rate(long numerator, long denominator) {

    public static final Rate NONE = new Rate(0, 0);

    public Rate {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("a rate is 0 ≤ numerator ≤ denominator, found " + numerator + "/" + denominator);
        }
    }

    public Rate plus(Rate other) {
        return new Rate(numerator + other.numerator, denominator + other.denominator);
    }

    /** The ratio to four decimal places (0.9512), or empty when there was nothing to measure. */
    public Optional<BigDecimal> value() {
        if (denominator == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP));
    }

    /** As people read it: {@code 95.1%}, or {@code —} when there was nothing to measure. */
    public String percent() {
        if (denominator == 0) {
            return "—";
        }
        // rounded once, from the counts: rounding the four-decimal value again would turn 77.049 % into 77.1 %
        return BigDecimal.valueOf(numerator).movePointRight(2)
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A fraction as a percentage with one decimal: 0.05 → {@code 5.0%}. */
    public static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
