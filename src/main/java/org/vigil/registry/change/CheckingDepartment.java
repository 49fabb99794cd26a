package org.vigil.registry.change;

/**
 * The department whose records confirm a new value of a field under manual review (DATA-6: manual
 * review with cross-department verification): public security's household registration for who a
 * person is, market regulation for what an employer is.
 */
public enum CheckingDepartment {
    PUBLIC_SECURITY_HOUSEHOLD("公安户籍"),
    MARKET_REGULATION("市场监管");

    private final String chinese;

    CheckingDepartment(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
