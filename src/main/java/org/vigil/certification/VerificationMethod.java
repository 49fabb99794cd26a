package org.vigil.certification;

import java.util.Locale;

/**
 * How a community worker, the agency or an employing unit verified a recipient on the
 * to-be-verified list (第二十一、二十二条): face recognition first, the other channels as the
 * fallback; institution pensions are verified by the employing unit. A confirmed verification is
 * evidence of the policy's kind {@code verification.<method>}.
 */
public enum VerificationMethod {
    WINDOW("窗口认证"),
    FACE("人脸识别认证"),
    PHONE("电话核实"),
    HOME_VISIT("上门认证"),
    BANK("银行确认"),
    VOLUNTEER("时间银行志愿者确认"),
    EMPLOYER("所在单位确认");

    private final String chinese;

    VerificationMethod(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** The method as the feed of its evidence's provenance: {@code home_visit}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy's evidence kind of a confirmed verification by this method: {@code verification.home_visit}. */
    public String evidenceKind() {
        return "verification." + code();
    }

    /** Reads a method by its name or code, in any case: {@code HOME_VISIT}, {@code home-visit}. */
    public static VerificationMethod parse(String text) {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (VerificationMethod m : values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown verification method '" + text + "'; one of " + names(values())
                + " / 核实方式无效");
    }

    static String names(Enum<?>[] values) {
        StringBuilder s = new StringBuilder();
        for (Enum<?> v : values) {
            s.append(s.isEmpty() ? "" : ", ").append(v.name());
        }
        return s.toString();
    }
}
