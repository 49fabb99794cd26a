package org.vigil.certification;

/** Whether the agency's payment system pays a recipient's benefit (CERT-16, CERT-17). */
public enum PaymentStatus {
    /** 正常发放: every recipient the agency loads, until a released suspension. */
    PAYING("正常发放"),
    /** 暂停发放: a released suspension stopped payment; a released restoration resumes it. */
    SUSPENDED("暂停发放");

    private final String chinese;

    PaymentStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
