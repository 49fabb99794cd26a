package org.vigil.governance;

/**
 * Where every module writes what it audits (DATA-18). An entry is appended in the caller's
 * transaction, so the act and its record commit together or not at all; appending takes the
 * chain's lock until that transaction ends, so callers record as the last step of the act.
 */
public interface AuditTrail {

    /**
     * Appends the entry to the chain.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException when called outside a transaction
     */
    AuditedEvent record(AuditEntry entry);
}
