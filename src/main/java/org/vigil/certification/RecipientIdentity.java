package org.vigil.certification;

import org.vigil.governance.disclosure.Disclosure;

/**
 * A recipient's identity in full, as revealed for a stated purpose.
 *
 * @param phone the phone number on the registry's record, or null when it has none
 */
public record RecipientIdentity(long recipientId, String idNumber, String name, String phone, Disclosure disclosure) {
}
