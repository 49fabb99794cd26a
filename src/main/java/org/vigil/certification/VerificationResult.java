package org.vigil.certification;

import java.util.Locale;

/**
 * What a verification found (第十九条: every verification is recorded). Only a confirmation is
 * evidence that certifies; a reported death is a lead that a conclusive source must confirm
 * (ADR 0017); the others leave the recipient to be verified and become the noted reason when the
 * period ends (第二十四条).
 */
public enum VerificationResult {
    /** Seen or heard alive by the method recorded: certifies as of the verification date. */
    CONFIRMED_ALIVE("确认生存，认证通过"),
    /** Neither the recipient nor anyone who could confirm them was reached. */
    NOT_REACHED("未能联系到本人"),
    /** Someone reported the recipient dead: indicative only, never a disqualification by itself. */
    DECEASED_REPORTED("报告已死亡，待确定性来源确认"),
    /** The recipient or the family refused to take part. */
    REFUSED("拒绝配合认证");

    private final String chinese;

    VerificationResult(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return switch (this) {
            case CONFIRMED_ALIVE -> "confirmed alive";
            case NOT_REACHED -> "not reached";
            case DECEASED_REPORTED -> "reported deceased, to be confirmed by a conclusive source";
            case REFUSED -> "refused";
        };
    }

    /** Reads a result by its name, in any case, with - for _. */
    public static VerificationResult parse(String text) {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (VerificationResult r : values()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown verification result '" + text + "'; one of "
                + VerificationMethod.names(values()) + " / 核实结果无效");
    }
}
