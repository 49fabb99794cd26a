package org.vigil.governance.disclosure;

import java.util.List;

import org.vigil.governance.StaffPrincipal;

/**
 * Seeing a person's data in full (SHARE-2, DATA-9): an act with a stated purpose, allowed only to
 * roles that may unmask, within each account's daily quota, and recorded in the audit log in the
 * caller's transaction. Every reveal and every single-person look-up also feeds a watch for
 * enumeration: one account looking up many people in a short time raises an alert for the
 * security administrator.
 */
public interface Disclosures {

    /** The longest note a disclosure or an export request may carry. */
    int MAX_NOTE = 200;

    /**
     * Allows and records the reveal of one subject's personal data. Call it in the transaction that
     * reads the data, before handing the data out: when it refuses, nothing is shown and nothing is
     * stored; when the transaction rolls back, the record goes with it.
     *
     * @param subject the internal id of whose data is shown, e.g. {@code recipient:123}; never an ID number
     * @param note    what the officer adds to the purpose (a case number, a call); at most {@link #MAX_NOTE} characters
     * @throws DisclosureRefusedException when the role may not unmask, no purpose is given or the quota is used up
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    Disclosure reveal(StaffPrincipal who, String subject, Purpose why, String note);

    /**
     * Records a look-up of one person that shows no personal data in full (the explanation of a
     * person's decisions, asked for by ID number), for the enumeration watch and the audit log.
     * Joins the caller's transaction or runs in its own.
     *
     * @param subject the internal id of who was looked up, or {@code person:unknown} when nobody was found
     */
    void lookedUp(StaffPrincipal who, String subject);

    /** The enumeration alerts raised, newest first. */
    List<DisclosureAlert> alerts(int limit);
}
