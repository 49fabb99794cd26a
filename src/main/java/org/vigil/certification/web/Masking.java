package org.vigil.certification.web;

import java.time.Clock;

import org.vigil.identity.PersonName;
import org.vigil.identity.PhoneNumber;
import org.vigil.identity.ResidentId;

/**
 * What the certification API shows of a person by default: the ID number, name and phone masked,
 * as the lists do. A value that does not parse is hidden whole rather than shown.
 */
final class Masking {

    private final Clock clock;

    Masking(Clock clock) {
        this.clock = clock;
    }

    String id(String idNumber) {
        return ResidentId.parse(idNumber, clock).toOptional().map(ResidentId::masked).orElse("******");
    }

    static String name(String name) {
        return PersonName.parse(name).toOptional().map(PersonName::masked).orElse("*");
    }

    static String phone(String phone) {
        return phone == null ? null : PhoneNumber.parse(phone).toOptional().map(PhoneNumber::masked).orElse("****");
    }
}
