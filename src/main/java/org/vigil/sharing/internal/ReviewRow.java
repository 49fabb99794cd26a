package org.vigil.sharing.internal;

import java.time.LocalDate;

import org.vigil.identity.Gender;
import org.vigil.sharing.catalogue.FactKind;

/** A row without an ID: what a reviewer needs to find the person. Any field may be missing. */
record ReviewRow(long row, FactKind kind, String name, Gender gender, LocalDate birthDate, String regionCode,
        LocalDate eventDate) {
}
