package org.vigil.governance.internal;

import java.util.Locale;

/**
 * The password rule of 等保 level 3 (identity authentication with complexity): at least twelve
 * characters, from at least three of lower case, upper case, digits and symbols, not containing
 * the username.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    static void check(char[] password, String username) {
        if (password == null || password.length < MIN_LENGTH || password.length > MAX_LENGTH) {
            throw new IllegalArgumentException("a password is " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters / 密码长度须为" + MIN_LENGTH + "至" + MAX_LENGTH + "位");
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (char c : password) {
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("a password has no control characters / 密码不得含控制字符");
            }
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
            digit |= Character.isDigit(c);
            symbol |= !Character.isLetterOrDigit(c);
        }
        int kinds = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
        if (kinds < 3) {
            throw new IllegalArgumentException("a password mixes at least three of lower case, upper case, digits and "
                    + "symbols / 密码须包含大写字母、小写字母、数字、符号中的至少三类");
        }
        if (new String(password).toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("a password does not contain the username / 密码不得包含用户名");
        }
    }
}
