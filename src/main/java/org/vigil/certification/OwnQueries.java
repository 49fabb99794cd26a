package org.vigil.certification;

import java.util.Optional;

import org.vigil.governance.StaffPrincipal;

/**
 * People's own and proxy queries at the service window (DATA-9, 004 第十条; ADR 0031). Vigil has no
 * citizen login: a staff member who may unmask verifies the person (or the proxy and the written
 * authorisation) and asks on their behalf. Each answer is a disclosure for the purpose of answering
 * the person's own query, and is recorded.
 */
public interface OwnQueries {

    /** How many of the latest verified months the answer shows. */
    int MONTHS = 3;

    /**
     * Answers the query and records it, the reveal and the audit event in one transaction.
     *
     * @return the person's record, or empty when the person is no recipient within the staff member's
     *         jurisdiction (the attempt still counts towards the enumeration watch)
     * @throws IllegalArgumentException when a proxy query lacks the authorisation, the proxy's details,
     *                                  or names the person as their own proxy; or the file is no PDF, JPEG or PNG
     * @throws org.vigil.governance.disclosure.DisclosureRefusedException when the role may not unmask or
     *                                  the daily quota is used up
     */
    Optional<OwnRecord> answer(StaffPrincipal who, OwnQuery query);
}
