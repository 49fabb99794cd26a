package org.vigil.registry;

import java.util.Map;

/** Routine counts over the registry (DATA-10: routine statistics as functions). */
public interface RegistryStatistics {

    /** Registered people by the six-digit district or county of their residence. */
    Map<String, Long> personsByDistrict();

    /** Registered communities and villages by the six-digit district or county they belong to. */
    Map<String, Long> communitiesByDistrict();
}
