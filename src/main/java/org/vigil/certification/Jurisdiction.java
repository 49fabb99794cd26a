package org.vigil.certification;

import java.util.Objects;

/**
 * Who organises a recipient's certification (CERT-2, 第六、七条): the district, street and
 * community of residence for residents of the city the benefit is paid in, otherwise the district
 * that pays it; institution pensions are verified by the employing unit, but they stay on their
 * district's lists so the district sees everyone it pays.
 *
 * @param regionCode the division the recipient is listed under
 * @param street     the 9-digit street or town, none when listed by the paying district
 * @param community  the 12-digit community or village, none when listed by the paying district
 */
public record Jurisdiction(String regionCode, String district, String street, String community, Basis basis,
        Organiser organisedBy, String employerCreditCode) {

    public Jurisdiction {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(organisedBy, "organisedBy");
    }

    /** Why the recipient is listed where they are. */
    public enum Basis {
        /** Living in the city that pays the benefit: listed by residence. */
        RESIDENCE("按居住地"),
        /** Living elsewhere: listed by the district that pays the benefit. */
        PAYING_PLACE("按待遇发放地");

        private final String chinese;

        Basis(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    /** Who verifies a recipient on the to-be-verified list. */
    public enum Organiser {
        /** Streets and communities, under the district's retiree management (第六条). */
        COMMUNITY("街道社区"),
        /** The employing unit, for institution pensions (第七条). */
        EMPLOYER("用人单位");

        private final String chinese;

        Organiser(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }
}
