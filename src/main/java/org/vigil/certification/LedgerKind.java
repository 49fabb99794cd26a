package org.vigil.certification;

import java.util.Locale;

/**
 * The ledgers a district, street and community keep from a month's to-be-verified list.
 */
public enum LedgerKind {
    /** 第二十条: periods ending within 1, 2 or 3 months (the policy's ledger months) without certification. */
    DUE("到期未认证人员台账"),
    /** 第二十条: everyone on the to-be-verified list, to be verified one by one. */
    VERIFY("待核实人员台账"),
    /** 第二十三条: those to be verified who are aged, sick or disabled, to be certified at home. */
    HOME_VISIT("高龄病残人员上门服务台账");

    private final String chinese;

    LedgerKind(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** The ledger's name on the command line and in file names: {@code home-visit}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads {@code due}, {@code verify}, {@code home-visit} or the constant's name. */
    public static LedgerKind parse(String text) {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (LedgerKind k : values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown ledger '" + text + "'; one of due, verify, home-visit / 台账类别无效");
    }
}
