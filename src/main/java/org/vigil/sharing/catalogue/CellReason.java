package org.vigil.sharing.catalogue;

import org.vigil.identity.RejectionReason;

/**
 * Why a cell was refused, for the column types the identity kernel does not cover itself (ID
 * numbers, names, dates, codes, phones and e-mail refuse with the kernel's own reasons).
 */
public enum CellReason implements RejectionReason {

    EMPTY("no value given", "值为空"),
    FUTURE_DATE("after the as-of date", "日期晚于基准日期"),
    TOO_LONG("longer than the column allows", "超过允许长度"),
    CONTROL_CHARACTER("contains a control character", "含有控制字符"),
    NOT_A_CHOICE("not one of the column's values", "不是允许的取值"),
    NOT_A_NUMBER("not a number", "不是数字"),
    OUT_OF_RANGE("too large a number", "数值超出范围"),
    TOO_MANY_DECIMALS("an amount in yuan has at most two decimal places", "金额小数位数超过两位"),
    NOT_A_YEAR("not a four-digit year", "不是四位年份"),
    NOT_BASE64("not Base64 text", "不是Base64编码"),
    NOT_AN_IMAGE("not a PNG, JPEG, BMP or GIF image", "不是可识别的图像"),
    IMAGE_TOO_LARGE("the image is larger than allowed", "图像过大"),
    ID_AS_NUMBER("an ID number a spreadsheet stored as a number, which keeps 15 digits: its last digits are lost",
            "身份证号被表格存为数值，末几位已丢失");

    private final String english;
    private final String chinese;

    CellReason(String english, String chinese) {
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
