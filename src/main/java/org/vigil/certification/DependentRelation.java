package org.vigil.certification;

/** How a dependent is related to the deceased worker whose benefit supports them (CERT-1, CERT-9). */
public enum DependentRelation {
    SPOUSE("配偶"),
    CHILD("子女"),
    GRANDCHILD("孙子女、外孙子女"),
    SIBLING("兄弟姐妹"),
    PARENT("父母"),
    OTHER("其他亲属");

    private final String chinese;

    DependentRelation(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
