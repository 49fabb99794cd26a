package org.vigil.governance;

/** What kind of act an audit event records (DATA-18): the acts issue 5 lists, each with its Chinese name. */
public enum AuditAction {
    LOGIN("登录"),
    UNMASKED_VIEW("查看明文个人信息"),
    QUERY("查询"),
    EXPORT("导出"),
    CHANGE("数据变更"),
    APPROVAL("审批"),
    PARAMETER_CHANGE("参数变更"),
    DECISION("资格认证决定"),
    INGESTION("数据交付入库"),
    /** Something a watch noticed and the security administrator should follow up (DATA-9: enumeration). */
    SECURITY_ALERT("安全告警"),
    /** A key made current or destroyed (DATA-15, DATA-17). */
    KEY_MANAGEMENT("密钥管理");

    private final String chinese;

    AuditAction(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
