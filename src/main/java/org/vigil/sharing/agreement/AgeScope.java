package org.vigil.sharing.agreement;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

import org.vigil.identity.Gender;
import org.vigil.identity.ResidentId;

/**
 * Whom a provider's file of a feed covers. When volumes are large, a provider may deliver only men
 * aged 60 and over and women aged 50 and over (SHARE-4, 000 三(三)2); ingestion must then read the
 * absence of a younger person as not delivered, never as no event.
 */
public enum AgeScope {

    /** Every person the provider holds. */
    EVERYONE("全部人员", "everyone"),
    /** Only men aged 60+ and women aged 50+ on the delivery's reference date (SHARE-4). */
    MEN_60_WOMEN_50("男60周岁以上、女50周岁以上", "men aged 60+ and women aged 50+");

    /** The ages of SHARE-4. */
    public static final int MEN_FROM_AGE = 60;
    public static final int WOMEN_FROM_AGE = 50;

    private final String chinese;
    private final String english;

    AgeScope(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /** Whether the holder of a citizen ID number is within the scope on {@code on}, by the number's sex and birth date. */
    public boolean covers(ResidentId id, LocalDate on) {
        return covers(id.gender(), id.birthDate(), on);
    }

    /**
     * Whether a person of this sex born on {@code birthDate} is within the scope on {@code on}.
     * Age is counted in completed years, so a man turns 60 on his 60th birthday (周岁).
     */
    public boolean covers(Gender gender, LocalDate birthDate, LocalDate on) {
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(on, "on");
        if (this == EVERYONE) {
            return true;
        }
        if (birthDate.isAfter(on)) {
            return false;
        }
        int age = Period.between(birthDate, on).getYears();
        return age >= (gender == Gender.MALE ? MEN_FROM_AGE : WOMEN_FROM_AGE);
    }
}
