package org.vigil.registry;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import org.vigil.identity.Gender;
import org.vigil.identity.Parsed;
import org.vigil.identity.PersonName;
import org.vigil.identity.RegionCode;

/**
 * What a department row without a usable ID says about the person: a name, a birth date or both,
 * and optionally the sex and the place. A query always has a name or a birth date, because sex
 * and place alone describe tens of thousands of people, which is no list for a reviewer.
 * Immutable; the {@code with…} methods return a new query.
 */
public final class CandidateQuery {

    private final PersonName name;
    private final LocalDate birthDate;
    private final Gender gender;
    private final RegionCode region;

    private CandidateQuery(PersonName name, LocalDate birthDate, Gender gender, RegionCode region) {
        if (name == null && birthDate == null) {
            throw new IllegalArgumentException("a candidate query needs a name or a birth date");
        }
        this.name = name;
        this.birthDate = birthDate;
        this.gender = gender;
        this.region = region;
    }

    public static CandidateQuery named(PersonName name) {
        return new CandidateQuery(Objects.requireNonNull(name, "name"), null, null, null);
    }

    /**
     * A query on a name as the department wrote it (padded, traditional characters, full-width
     * letters), normalised by {@link PersonName#parse}. Text that is no name comes back as the
     * rejection: a department's bad value is an expected outcome, not an exception.
     */
    public static Parsed<CandidateQuery> named(CharSequence rawName) {
        return PersonName.parse(rawName).map(CandidateQuery::named);
    }

    public static CandidateQuery bornOn(LocalDate birthDate) {
        return new CandidateQuery(null, Objects.requireNonNull(birthDate, "birthDate"), null, null);
    }

    /**
     * A query from a row's fields, any of which may be null, except that a name or a birth date
     * must be there.
     *
     * @throws IllegalArgumentException when both the name and the birth date are null
     */
    public static CandidateQuery of(PersonName name, LocalDate birthDate, Gender gender, RegionCode region) {
        return new CandidateQuery(name, birthDate, gender, region);
    }

    public CandidateQuery withName(PersonName newName) {
        return new CandidateQuery(Objects.requireNonNull(newName, "name"), birthDate, gender, region);
    }

    public CandidateQuery withBirthDate(LocalDate newBirthDate) {
        return new CandidateQuery(name, Objects.requireNonNull(newBirthDate, "birthDate"), gender, region);
    }

    /** Only persons of this sex are candidates. */
    public CandidateQuery withGender(Gender newGender) {
        return new CandidateQuery(name, birthDate, Objects.requireNonNull(newGender, "gender"), region);
    }

    /**
     * Where the row places the person, at any level: a 6-digit district, a 9-digit street or a
     * 12-digit community. Persons there rank higher; persons elsewhere are still listed, since
     * department addresses lag behind moves.
     */
    public CandidateQuery withRegion(RegionCode newRegion) {
        return new CandidateQuery(name, birthDate, gender, Objects.requireNonNull(newRegion, "region"));
    }

    public Optional<PersonName> name() {
        return Optional.ofNullable(name);
    }

    public Optional<LocalDate> birthDate() {
        return Optional.ofNullable(birthDate);
    }

    public Optional<Gender> gender() {
        return Optional.ofNullable(gender);
    }

    public Optional<RegionCode> region() {
        return Optional.ofNullable(region);
    }

    /** Says which fields are set, never their values: the query describes a person. */
    @Override
    public String toString() {
        return "CandidateQuery[name=" + (name != null) + ", birthDate=" + (birthDate != null) + ", gender="
                + (gender != null) + ", region=" + (region == null ? "none" : region.level()) + "]";
    }
}
