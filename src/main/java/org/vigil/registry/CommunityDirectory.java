package org.vigil.registry;

import java.util.List;

import org.vigil.identity.Region;

/**
 * The communities and villages the agency registered (REG-3), which no shipped division table
 * lists, so that lists and ledgers can name them beside the streets and districts
 * ({@link org.vigil.identity.RegionDirectory#withDivisions}).
 */
public interface CommunityDirectory {

    /** Every registered community and village, in code order. */
    List<Region> communities();
}
