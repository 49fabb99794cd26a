package org.vigil.identity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount in yuan to the fen: pensions, back pay, overpayments. Exact decimal arithmetic only;
 * an amount with a fraction of a fen is refused, never rounded silently.
 */
public final class Money implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO.setScale(2));

    private final BigDecimal yuan;

    private Money(BigDecimal yuan) {
        this.yuan = yuan;
    }

    /** Parses {@code 3000}, {@code 3000.5}, {@code 3000.50}; refuses more than two decimals and non-numbers. */
    public static Parsed<Money> parse(CharSequence raw) {
        if (raw == null || raw.toString().isBlank()) {
            return Parsed.invalid(MoneyReason.EMPTY, "");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(raw.toString().trim());
        } catch (NumberFormatException e) {
            return Parsed.invalid(MoneyReason.NOT_A_NUMBER, raw.toString());
        }
        if (value.stripTrailingZeros().scale() > 2) {
            return Parsed.invalid(MoneyReason.FRACTION_OF_A_FEN, raw.toString());
        }
        return Parsed.valid(new Money(value.setScale(2, RoundingMode.UNNECESSARY)));
    }

    /** An amount known to be whole fen, such as a NUMERIC(12,2) column. */
    public static Money of(BigDecimal yuan) {
        Objects.requireNonNull(yuan, "yuan");
        if (yuan.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException(new Rejection(MoneyReason.FRACTION_OF_A_FEN, yuan.toPlainString()));
        }
        return new Money(yuan.setScale(2, RoundingMode.UNNECESSARY));
    }

    public static Money ofFen(long fen) {
        return new Money(BigDecimal.valueOf(fen, 2));
    }

    public BigDecimal yuan() {
        return yuan;
    }

    public Money plus(Money other) {
        return new Money(yuan.add(other.yuan));
    }

    public Money minus(Money other) {
        return new Money(yuan.subtract(other.yuan));
    }

    public Money times(long count) {
        return new Money(yuan.multiply(BigDecimal.valueOf(count)));
    }

    public boolean isNegative() {
        return yuan.signum() < 0;
    }

    public boolean isZero() {
        return yuan.signum() == 0;
    }

    @Override
    public int compareTo(Money o) {
        return yuan.compareTo(o.yuan);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && yuan.equals(m.yuan);
    }

    @Override
    public int hashCode() {
        return yuan.hashCode();
    }

    /** {@code 3000.00}, the form exports and the database use. */
    @Override
    public String toString() {
        return yuan.toPlainString();
    }

    /** Why an amount was refused. */
    public enum MoneyReason implements RejectionReason {
        EMPTY("no amount given", "金额为空"),
        NOT_A_NUMBER("not a number", "金额不是数字"),
        FRACTION_OF_A_FEN("more than two decimals (a fraction of a fen)", "金额精度超过分");

        private final String english;
        private final String chinese;

        MoneyReason(String english, String chinese) {
            this.english = english;
            this.chinese = chinese;
        }

        @Override
        public String code() {
            return name();
        }

        @Override
        public String english() {
            return english;
        }

        @Override
        public String chinese() {
            return chinese;
        }
    }
}
