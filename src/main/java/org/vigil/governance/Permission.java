package org.vigil.governance;

/**
 * What a staff account may do (DATA-3, DATA-9: staff are limited by function permissions). Each
 * REST operation and each command names the permission it needs; a role grants a fixed set of
 * them ({@link StaffRole#may}). Which people's data an allowed act reaches is the other half, the
 * jurisdiction, which PostgreSQL enforces (ADR 0026).
 */
public enum Permission {
    /** Keep a session and see who one is; every role has it. */
    SESSION("登录会话"),
    STATISTICS_VIEW("查看统计"),
    CERTIFICATION_VIEW("查看认证名单与结论"),
    /** Run a month's verification and build its suspension batch. */
    MONTHLY_RUN("执行月度核验"),
    TASK_VIEW("查看核验任务"),
    TASK_ASSIGN("分派核验任务"),
    VERIFICATION_RECORD("录入核验结果"),
    SUSPENSION_VIEW("查看暂停发放批次"),
    SUSPENSION_APPROVE("审批暂停发放"),
    RECOVERY_VIEW("查看追回案件"),
    SHARING_VIEW("查看数据提供单位与协议"),
    SHARING_MANAGE("维护数据提供单位与协议"),
    DELIVERY_VIEW("查看数据交付"),
    DELIVERY_UPLOAD("报送数据"),
    DELIVERY_RELEASE("放行或退回隔离的交付"),
    MATCH_REVIEW("人工匹配复核"),
    QUALITY_VIEW("查看数据质量"),
    QUALITY_MANAGE("数据质量核查与整改"),
    /** Policy, business and system parameters: the city administrator's alone (DATA-8). */
    PARAMETER_CHANGE("维护参数"),
    /** See a person's ID number, name or phone in full, for a stated purpose (SHARE-2, DATA-9). */
    UNMASK("查看明文个人信息"),
    EXPORT("导出"),
    EXPORT_APPROVE("审批导出"),
    CHANGE_APPLY("申请变更基础数据"),
    CHANGE_REVIEW("审核基础数据变更"),
    CHANGE_BATCH_APPROVE("审批批量变更"),
    AUDIT_VIEW("查看与校验审计日志"),
    STAFF_MANAGE("管理用户账号"),
    SECURITY_MANAGE("安全管理"),
    BACKUP("备份与恢复"),
    LAW_ENFORCEMENT_REGISTER("登记执法协查"),
    LAW_ENFORCEMENT_APPROVE("审批执法协查"),
    /** Receive and handle tip-offs about fraudulent claims (CERT-20). */
    TIP_OFF_RECORD("受理举报"),
    /** See who made a tip-off, to pay its reward; the reporter's identity is otherwise kept secret (CERT-20). */
    TIP_OFF_REPORTER("查看举报人信息");

    private final String chinese;

    Permission(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
