package org.vigil.sharing.agreement;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import org.vigil.identity.PersonName;
import org.vigil.identity.PhoneNumber;

/**
 * One entry of a provider's liaison roster (联系人员明细表, 000 附件1): who, in what post, on what
 * phone, and from when until when. A change of liaison ends one entry and starts another, so the
 * roster keeps who the agency could call on any past date.
 *
 * @param id           the entry's number, stable for the life of the roster
 * @param servingUntil the last day served; empty while still serving
 */
public record Liaison(long id, PersonName name, String post, PhoneNumber phone, LocalDate servingFrom,
        Optional<LocalDate> servingUntil) {

    public Liaison {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(servingFrom, "servingFrom");
        Objects.requireNonNull(servingUntil, "servingUntil");
    }

    /** Whether the liaison served on that day. */
    public boolean servesOn(LocalDate day) {
        return !day.isBefore(servingFrom) && servingUntil.map(until -> !day.isAfter(until)).orElse(true);
    }
}
