package org.vigil.certification;

/**
 * Who did something to a verification task. Until staff accounts come with governance (issue 5)
 * an operator is the name or staff number the caller gives, kept as given.
 */
public final class Operators {

    public static final int MAX_LENGTH = 64;

    private Operators() {
    }

    /**
     * The operator as kept: stripped, not blank, at most {@value #MAX_LENGTH} printable characters.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String require(String operator) {
        String o = operator == null ? "" : operator.strip();
        if (o.isEmpty()) {
            throw new IllegalArgumentException("an operator is required / 须填写操作人员");
        }
        if (o.length() > MAX_LENGTH || o.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("an operator is at most " + MAX_LENGTH
                    + " printable characters / 操作人员格式有误");
        }
        return o;
    }
}
