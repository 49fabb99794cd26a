package org.vigil.recovery.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;
import org.vigil.governance.KeyService;
import org.vigil.governance.Resealable;
import org.vigil.governance.SealedValues;
import org.vigil.runtime.DataScope;

/**
 * The cases' sealed names in a key rotation (DATA-15, ADR 0035): opened and sealed again under the
 * current key, a block per short transaction, at the system's scope on a connection of its own so
 * that no district's cases are left out of the count that decides whether a key may go.
 */
@Component
class RecoveryKeys implements Resealable {

    private static final Logger log = LoggerFactory.getLogger(RecoveryKeys.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SealedValues sealed;

    RecoveryKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions, KeyService keys) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sealed = new SealedValues(keys);
    }

    @Override
    public String name() {
        return OverpaymentCaseStore.NAME;
    }

    @Override
    public long countUnder(String keyId) {
        try (DataScope.Binding b = DataScope.bind(DataScope.system())) {
            Long n = transactions.execute(t -> jdbc.queryForObject("""
                    select count(*) from recovery.overpayment_case where substring(name_sealed from 1 for 9) = ?""",
                    Long.class, (Object) SealedValues.keyPrefix(keyId)));
            return n == null ? 0 : n;
        }
    }

    @Override
    public int reseal(String keyId, int limit) {
        try (DataScope.Binding b = DataScope.bind(DataScope.system())) {
            Integer moved = transactions.execute(t -> {
                List<Object[]> rows = jdbc.query("""
                        select recipient_id, suspension_month, person, name_sealed from recovery.overpayment_case
                         where substring(name_sealed from 1 for 9) = ?
                         order by recipient_id, suspension_month limit ? for update skip locked""",
                        (rs, i) -> new Object[] {rs.getLong(1), rs.getDate(2), rs.getLong(3), rs.getBytes(4)},
                        SealedValues.keyPrefix(keyId), limit);
                List<Object[]> updates = new ArrayList<>();
                for (Object[] r : rows) {
                    try {
                        updates.add(new Object[] {sealed.reseal(OverpaymentCaseStore.NAME, (Long) r[2], (byte[]) r[3]),
                                r[0], r[1]});
                    }
                    catch (KeyService.TamperedException e) {
                        // left under the old key, so the key cannot be retired while the incident is open
                        log.warn("The sealed name of the case of recipient {} does not open: changed outside Vigil", r[0]);
                    }
                }
                jdbc.batchUpdate("""
                        update recovery.overpayment_case set name_sealed = ?
                         where recipient_id = ? and suspension_month = ?""", updates);
                return updates.size();
            });
            return moved == null ? 0 : moved;
        }
    }
}
