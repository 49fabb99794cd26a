package org.vigil.governance.lawenforcement;

/** The credential an officer showed at the counter (DATA-11: credentials shown and registered). */
public enum CredentialType {
    POLICE("人民警察证"),
    PROCURATOR("检察官证"),
    JUDGE("法官证"),
    SUPERVISION("监察执法证件"),
    ADMINISTRATIVE_ENFORCEMENT("行政执法证");

    private final String chinese;

    CredentialType(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
