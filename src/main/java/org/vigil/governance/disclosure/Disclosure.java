package org.vigil.governance.disclosure;

import java.time.Instant;

/**
 * A reveal that was allowed and recorded.
 *
 * @param auditSeq  the audit event that records it
 * @param usedToday the reveals of the account today, this one included
 * @param quota     how many the account's role allows a day
 */
public record Disclosure(String subject, Purpose purpose, Instant at, long auditSeq, int usedToday, int quota) {
}
