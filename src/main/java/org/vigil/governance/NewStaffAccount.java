package org.vigil.governance;

import java.util.Objects;
import java.util.regex.Pattern;

import org.vigil.identity.RegionCode;
import org.vigil.identity.ResidentId;

/**
 * An account to be opened: who it is for (their ID number, kept sealed, so one person's accounts
 * can be found without anyone reading the number), the role and where it works. A role bound to
 * a division needs a region of exactly that level; a data provider needs a provider instead. No
 * account is opened for someone who has not signed the confidentiality agreement (DATA-14).
 */
public record NewStaffAccount(String username, String displayName, ResidentId person, StaffRole role, RegionCode region,
        String provider, ConfidentialityAgreement agreement) {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

    public NewStaffAccount {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(agreement, "a signed confidentiality agreement (DATA-14) / 须先签订保密协议");
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a username is 3 to 32 lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter / 用户名为3至32位小写字母、数字或._-，以字母开头");
        }
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 64) {
            throw new IllegalArgumentException("a display name is 1 to 64 characters / 姓名须为1至64个字符");
        }
        displayName = displayName.strip();
        if (role.level() == null) {
            if (provider == null || provider.isBlank() || region != null) {
                throw new IllegalArgumentException("a data provider's account names its provider and no region / "
                        + "部门数据报送账号须指定报送部门，不设辖区");
            }
            provider = provider.strip();
        }
        else {
            if (provider != null) {
                throw new IllegalArgumentException("only a data provider's account names a provider / 仅部门数据报送账号可指定报送部门");
            }
            if (region == null || region.level() != role.level()) {
                throw new IllegalArgumentException("a " + role.name() + " works in a division of level "
                        + role.level().name() + ", not " + (region == null ? "none" : region.value() + " ("
                        + region.level().name() + ")") + " / " + role.chinese() + "须绑定" + role.level().chinese() + "辖区");
            }
        }
    }
}
