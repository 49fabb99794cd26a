package org.vigil.sharing.agreement;

import org.vigil.identity.RegionLevel;

/**
 * The tier of government a provider belongs to. The sharing notice (000 三(一)) asks city
 * departments, districts, streets and communities each to name a liaison; the tier says which
 * division code fits the provider.
 */
public enum ProviderLevel {

    /** A city department or a company delivering for the whole city (市级); some of these are province-wide. */
    CITY("市级", "city"),
    /** A district, county or development zone (区县级). */
    DISTRICT("区县级", "district"),
    /** A street or town (街道（乡镇）级). */
    STREET("街道（乡镇）级", "street"),
    /** A residents' community or village (社区（村）级). */
    COMMUNITY("社区（村）级", "community");

    private final String chinese;
    private final String english;

    ProviderLevel(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /**
     * Whether a division of this level can be the provider's region. A city-level provider may sit
     * at province level too: the railway bureau, the airport and the telecom operators' provincial
     * branches deliver the city's data from there.
     */
    public boolean fits(RegionLevel region) {
        switch (this) {
            case CITY:
                return region == RegionLevel.CITY || region == RegionLevel.PROVINCE;
            case DISTRICT:
                return region == RegionLevel.COUNTY;
            case STREET:
                return region == RegionLevel.TOWNSHIP;
            default:
                return region == RegionLevel.VILLAGE;
        }
    }
}
