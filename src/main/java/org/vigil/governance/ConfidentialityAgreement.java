package org.vigil.governance;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The confidentiality agreement a member of staff signed before handling the data (DATA-14, 004
 * 第十六条): the day it was signed and the archive reference of the signed paper, which the agency
 * keeps. An account is opened only with one on record, and signs in only while one is.
 *
 * @param reference the archive number of the signed agreement, 1 to 64 printable characters
 */
public record ConfidentialityAgreement(LocalDate signedOn, String reference) {

    public ConfidentialityAgreement {
        Objects.requireNonNull(signedOn, "signedOn");
        if (reference == null || reference.isBlank() || reference.strip().length() > 64
                || reference.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a confidentiality agreement's archive reference is 1 to 64 printable "
                    + "characters / 保密协议存档编号须为1至64个可打印字符");
        }
        reference = reference.strip();
    }
}
