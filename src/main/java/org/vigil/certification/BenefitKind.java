package org.vigil.certification;

/** The benefits whose recipients are certified (CERT-1); institution pensions are organised by the employing unit (CERT-2). */
public enum BenefitKind {
    ENTERPRISE_PENSION("企业职工基本养老金"),
    INSTITUTION_PENSION("机关事业单位养老金"),
    RESIDENT_PENSION("城乡居民养老保险待遇"),
    WORK_INJURY("工伤保险长期待遇"),
    DEPENDENT("供养亲属抚恤金");

    private final String chinese;

    BenefitKind(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
