package org.vigil.registry;

/** The eight social-insurance schemes of the registry (REG-1). */
public enum Scheme {
    EMPLOYEE_PENSION("城镇职工基本养老保险", true),
    RESIDENT_PENSION("城乡居民基本养老保险", false),
    EMPLOYEE_MEDICAL("城镇职工基本医疗保险", true),
    RESIDENT_MEDICAL("城镇居民基本医疗保险", false),
    NCMS("新型农村合作医疗", false),
    WORK_INJURY("工伤保险", true),
    MATERNITY("生育保险", true),
    UNEMPLOYMENT("失业保险", true);

    private final String chinese;
    private final boolean employeeScheme;

    Scheme(String chinese, boolean employeeScheme) {
        this.chinese = chinese;
        this.employeeScheme = employeeScheme;
    }

    public String chinese() {
        return chinese;
    }

    /** Whether enrollment goes through an employer, which must then be named. */
    public boolean employeeScheme() {
        return employeeScheme;
    }
}
