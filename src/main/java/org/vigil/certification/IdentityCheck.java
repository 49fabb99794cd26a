package org.vigil.certification;

/**
 * How the staff member at the window verified that the person in front of them is who they say
 * (DATA-9, 004 第十条: a query in person with the ID card). For a proxy query it is the proxy's
 * card that is checked; the written authorisation speaks for the person.
 */
public enum IdentityCheck {
    /** The resident identity card read by the card reader at the window. */
    ID_CARD_READER("身份证读卡"),
    /** The face matched against the card's or the registry's photo. */
    FACE_MATCH("人脸比对"),
    /** The card shown and checked by the staff member without a reader. */
    STAFF_CHECKED_ID_CARD("人工核验证件");

    private final String chinese;

    IdentityCheck(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
