package org.vigil.certification;

import java.util.Optional;

import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.disclosure.Purpose;

/**
 * A recipient's ID number, name and phone in full (SHARE-2, DATA-9): everything else Vigil shows
 * masks them. Seeing them is a disclosure: allowed to roles that may unmask, for a stated purpose,
 * within the account's daily quota, recorded in the audit log with the read.
 */
public interface RecipientIdentities {

    /**
     * @return the recipient's identity in full, or empty when there is no such recipient (the
     *         attempt still counts towards the enumeration watch)
     * @throws org.vigil.governance.disclosure.DisclosureRefusedException when the disclosure is refused
     */
    Optional<RecipientIdentity> reveal(StaffPrincipal who, long recipientId, Purpose why, String note);
}
