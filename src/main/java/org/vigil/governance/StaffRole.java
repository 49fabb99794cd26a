package org.vigil.governance;

import org.vigil.identity.RegionLevel;

/**
 * What a staff account may be (DATA-3, 等保 level 3): one role per account, each bound to the
 * level of division it works in. The system, security and audit administrators are the three
 * separated duties of 等保 (三权分立): one person never holds two of them, nor one of them and a
 * business role.
 */
public enum StaffRole {
    CITY_ADMINISTRATOR("市级业务管理员", RegionLevel.CITY, Duty.BUSINESS),
    SYSTEM_ADMINISTRATOR("系统管理员", RegionLevel.CITY, Duty.SYSTEM),
    SECURITY_ADMINISTRATOR("安全管理员", RegionLevel.CITY, Duty.SECURITY),
    AUDIT_ADMINISTRATOR("审计管理员", RegionLevel.CITY, Duty.AUDIT),
    CITY_OFFICER("市级认证经办人员", RegionLevel.CITY, Duty.BUSINESS),
    DISTRICT_OFFICER("区县认证经办人员", RegionLevel.COUNTY, Duty.BUSINESS),
    STREET_WORKER("街道（乡镇）工作人员", RegionLevel.TOWNSHIP, Duty.BUSINESS),
    COMMUNITY_WORKER("社区（村）工作人员", RegionLevel.VILLAGE, Duty.BUSINESS),
    /** A department's data provider: bound to a provider, not to a division; sees only its own deliveries. */
    DATA_PROVIDER("部门数据报送人员", null, Duty.BUSINESS),
    AUDITOR("审计检查人员", RegionLevel.CITY, Duty.BUSINESS),
    LEADERSHIP("领导（只读统计）", RegionLevel.CITY, Duty.BUSINESS),
    LAW_ENFORCEMENT_LIAISON("执法协查联络人员", RegionLevel.CITY, Duty.BUSINESS);

    /** The duties 等保 keeps apart; everything staff do day to day is business. */
    public enum Duty {
        BUSINESS, SYSTEM, SECURITY, AUDIT
    }

    private final String chinese;
    private final RegionLevel level;
    private final Duty duty;

    StaffRole(String chinese, RegionLevel level, Duty duty) {
        this.chinese = chinese;
        this.level = level;
        this.duty = duty;
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

    /** Whether one person may hold both roles, in two accounts. */
    public boolean compatibleWith(StaffRole other) {
        return duty == Duty.BUSINESS && other.duty == Duty.BUSINESS || this == other;
    }
}
