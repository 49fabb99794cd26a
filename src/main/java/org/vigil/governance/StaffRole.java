package org.vigil.governance;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.vigil.identity.RegionLevel;

/**
 * What a staff account may be (DATA-3, 等保 level 3): one role per account, each bound to the
 * level of division it works in. The system, security and audit administrators are the three
 * separated duties of 等保 (三权分立): one person never holds two of them, nor one of them and a
 * business role.
 */
public enum StaffRole {

    CITY_ADMINISTRATOR("市级业务管理员", RegionLevel.CITY, Duty.BUSINESS,
            EnumSet.complementOf(EnumSet.of(Permission.AUDIT_VIEW, Permission.STAFF_MANAGE,
                    Permission.SECURITY_MANAGE, Permission.BACKUP, Permission.LAW_ENFORCEMENT_REGISTER))),
    SYSTEM_ADMINISTRATOR("系统管理员", RegionLevel.CITY, Duty.SYSTEM,
            EnumSet.of(Permission.SESSION, Permission.STAFF_MANAGE, Permission.BACKUP)),
    SECURITY_ADMINISTRATOR("安全管理员", RegionLevel.CITY, Duty.SECURITY,
            EnumSet.of(Permission.SESSION, Permission.SECURITY_MANAGE)),
    AUDIT_ADMINISTRATOR("审计管理员", RegionLevel.CITY, Duty.AUDIT,
            EnumSet.of(Permission.SESSION, Permission.AUDIT_VIEW)),
    CITY_OFFICER("市级认证经办人员", RegionLevel.CITY, Duty.BUSINESS,
            EnumSet.of(Permission.SESSION, Permission.STATISTICS_VIEW, Permission.CERTIFICATION_VIEW,
                    Permission.MONTHLY_RUN, Permission.TASK_VIEW, Permission.TASK_ASSIGN, Permission.VERIFICATION_RECORD,
                    Permission.SUSPENSION_VIEW, Permission.SUSPENSION_APPROVE, Permission.RECOVERY_VIEW,
                    Permission.SHARING_VIEW, Permission.DELIVERY_VIEW, Permission.DELIVERY_UPLOAD,
                    Permission.DELIVERY_RELEASE, Permission.MATCH_REVIEW, Permission.QUALITY_VIEW,
                    Permission.QUALITY_MANAGE, Permission.UNMASK, Permission.EXPORT, Permission.CHANGE_APPLY,
                    Permission.CHANGE_REVIEW, Permission.TIP_OFF_RECORD)),
    DISTRICT_OFFICER("区县认证经办人员", RegionLevel.COUNTY, Duty.BUSINESS,
            EnumSet.of(Permission.SESSION, Permission.STATISTICS_VIEW, Permission.CERTIFICATION_VIEW,
                    Permission.TASK_VIEW, Permission.TASK_ASSIGN, Permission.VERIFICATION_RECORD,
                    Permission.SUSPENSION_VIEW, Permission.SUSPENSION_APPROVE, Permission.RECOVERY_VIEW,
                    Permission.UNMASK, Permission.EXPORT, Permission.CHANGE_APPLY, Permission.CHANGE_REVIEW,
                    Permission.TIP_OFF_RECORD)),
    STREET_WORKER("街道（乡镇）工作人员", RegionLevel.TOWNSHIP, Duty.BUSINESS,
            EnumSet.of(Permission.SESSION, Permission.STATISTICS_VIEW, Permission.CERTIFICATION_VIEW,
                    Permission.TASK_VIEW, Permission.TASK_ASSIGN, Permission.VERIFICATION_RECORD, Permission.UNMASK,
                    Permission.CHANGE_APPLY)),
    COMMUNITY_WORKER("社区（村）工作人员", RegionLevel.VILLAGE, Duty.BUSINESS,
            EnumSet.of(Permission.SESSION, Permission.STATISTICS_VIEW, Permission.CERTIFICATION_VIEW,
                    Permission.TASK_VIEW, Permission.VERIFICATION_RECORD, Permission.UNMASK,
                    Permission.CHANGE_APPLY)),
    /** A department's data provider: bound to a provider, not to a division; sees only its own deliveries. */
    DATA_PROVIDER("部门数据报送人员", null, Duty.BUSINESS,
            EnumSet.of(Permission.SESSION, Permission.DELIVERY_VIEW, Permission.DELIVERY_UPLOAD)),
    AUDITOR("审计检查人员", RegionLevel.CITY, Duty.BUSINESS,
            EnumSet.of(Permission.SESSION, Permission.STATISTICS_VIEW, Permission.CERTIFICATION_VIEW,
                    Permission.TASK_VIEW, Permission.SUSPENSION_VIEW, Permission.RECOVERY_VIEW,
                    Permission.SHARING_VIEW, Permission.DELIVERY_VIEW, Permission.QUALITY_VIEW,
                    Permission.AUDIT_VIEW)),
    LEADERSHIP("领导（只读统计）", RegionLevel.CITY, Duty.BUSINESS,
            EnumSet.of(Permission.SESSION, Permission.STATISTICS_VIEW)),
    LAW_ENFORCEMENT_LIAISON("执法协查联络人员", RegionLevel.CITY, Duty.BUSINESS,
            EnumSet.of(Permission.SESSION, Permission.LAW_ENFORCEMENT_REGISTER));

    /** The duties 等保 keeps apart; everything staff do day to day is business. */
    public enum Duty {
        BUSINESS, SYSTEM, SECURITY, AUDIT
    }

    private final String chinese;
    private final RegionLevel level;
    private final Duty duty;
    private final Set<Permission> permissions;

    StaffRole(String chinese, RegionLevel level, Duty duty, EnumSet<Permission> permissions) {
        this.chinese = chinese;
        this.level = level;
        this.duty = duty;
        this.permissions = Collections.unmodifiableSet(permissions);
    }

    public String chinese() {
        return chinese;
    }

    /** The level of the division an account of this role is bound to; null for a data provider. */
    public RegionLevel level() {
        return level;
    }

    public Duty duty() {
        return duty;
    }

    /** Whether this role grants the permission (DATA-3, ADR 0026). */
    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /** Everything this role may do. */
    public Set<Permission> permissions() {
        return permissions;
    }

    /** Whether one person may hold both roles, in two accounts. */
    public boolean compatibleWith(StaffRole other) {
        return duty == Duty.BUSINESS && other.duty == Duty.BUSINESS || this == other;
    }
}
