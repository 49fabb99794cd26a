package org.vigil.registry.change;

/** The two kinds of basic-data record the registry keeps and changes (DATA-1: individuals and employers). */
public enum RecordKind {
    PERSON("个人", "person"),
    EMPLOYER("单位", "employer");

    private final String chinese;
    private final String subjectPrefix;

    RecordKind(String chinese, String subjectPrefix) {
        this.chinese = chinese;
        this.subjectPrefix = subjectPrefix;
    }

    public String chinese() {
        return chinese;
    }

    /** How the audit log names a record of this kind: {@code person:12}, by internal id, never by ID number. */
    public String subject(long recordId) {
        return subjectPrefix + ":" + recordId;
    }
}
