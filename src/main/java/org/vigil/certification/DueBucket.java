package org.vigil.certification;

/**
 * How soon a recipient on the to-be-verified list runs out of certification period: the ledgers
 * of CERT-11 at 3, 2 and 1 months before the end, and those whose period has already ended.
 */
public enum DueBucket {
    OVERDUE("已到期"),
    ONE_MONTH("1个月内到期"),
    TWO_MONTHS("2个月内到期"),
    THREE_MONTHS("3个月内到期"),
    LATER("3个月后到期");

    private final String chinese;

    DueBucket(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** The bucket of a period ending within {@code months} months (1 to 3). */
    static DueBucket within(int months) {
        return switch (months) {
            case 1 -> ONE_MONTH;
            case 2 -> TWO_MONTHS;
            case 3 -> THREE_MONTHS;
            default -> throw new IllegalArgumentException("ledgers are kept at 1, 2 and 3 months, not " + months);
        };
    }
}
