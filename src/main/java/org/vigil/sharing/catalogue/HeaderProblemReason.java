package org.vigil.sharing.catalogue;

import org.vigil.identity.RejectionReason;

/** Why a delivered file's header row was refused. */
public enum HeaderProblemReason implements RejectionReason {

    MISSING_COLUMN("a required column is missing", "缺少必需的列"),
    DUPLICATE_HEADER("the same header appears twice", "列名重复"),
    SAME_COLUMN_TWICE("two headers name the same column", "两个列名对应同一数据项"),
    EMPTY_HEADER("a header cell is empty", "列名为空");

    private final String english;
    private final String chinese;

    HeaderProblemReason(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public String english() {
        return english;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
