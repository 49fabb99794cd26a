package org.vigil.certification;

/** The three lists of the monthly verification (CERT-7, seed 003 第十六条). */
public enum EligibilityStatus {
    /** 具备领取资格: qualifying evidence since the last certification, or no period to certify (CERT-8). */
    QUALIFIED("具备领取资格"),
    /** 丧失领取资格: conclusive evidence of death, custody or a lost dependent's right (CERT-9). */
    DISQUALIFIED("丧失领取资格"),
    /** 待核实: everyone else, verified one by one through social services (CERT-10). */
    TO_BE_VERIFIED("待核实");

    private final String chinese;

    EligibilityStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
