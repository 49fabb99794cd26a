package org.vigil.certification.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.KeyService;
import org.vigil.governance.Resealable;
import org.vigil.governance.SealedValues;
import org.vigil.runtime.DataScope;

/**
 * One of this module's sealed columns in a key rotation (ADR 0035): its values under an old key are
 * opened and sealed again under the current one, a block of rows per short transaction. It works
 * at the system's scope on a connection of its own, whoever asked: a rotation that saw only one
 * district's rows would let a key be destroyed while others' values still need it.
 *
 * <p>The table, key and column names are this class's own constants, never values from outside.
 */
final class SealedColumn implements Resealable {

    private static final Logger log = LoggerFactory.getLogger(SealedColumn.class);

    private final String table;
    private final String column;
    private final String place;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SealedValues sealed;

    /**
     * @param table  schema and table, with an {@code id} key and the {@code person} the values are bound to
     * @param column the sealed {@code bytea} column
     * @param place  the place the values were sealed for ({@link SealedValues#seal})
     */
    SealedColumn(String table, String column, String place, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            KeyService keys) {
        this.table = table;
        this.column = column;
        this.place = place;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sealed = new SealedValues(keys);
    }

    @Override
    public String name() {
        return place;
    }

    @Override
    public long countUnder(String keyId) {
        try (DataScope.Binding b = DataScope.bind(DataScope.system())) {
            Long n = transactions.execute(t -> jdbc.queryForObject("select count(*) from " + table + " where substring("
                    + column + " from 1 for 9) = ?", Long.class, (Object) SealedValues.keyPrefix(keyId)));
            return n == null ? 0 : n;
        }
    }

    @Override
    public int reseal(String keyId, int limit) {
        try (DataScope.Binding b = DataScope.bind(DataScope.system())) {
            Integer moved = transactions.execute(t -> {
                List<Object[]> rows = jdbc.query("select id, person, " + column + " from " + table + " where substring("
                        + column + " from 1 for 9) = ? order by id limit ? for update skip locked",
                        (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBytes(3)},
                        SealedValues.keyPrefix(keyId), limit);
                List<Object[]> updates = new ArrayList<>();
                for (Object[] r : rows) {
                    try {
                        updates.add(new Object[] {sealed.reseal(place, (Long) r[1], (byte[]) r[2]), r[0]});
                    }
                    catch (KeyService.TamperedException e) {
                        // left under the old key, so the key cannot be retired while the incident is open
                        log.warn("{} of row {} does not open: it was changed or moved outside Vigil", place, r[0]);
                    }
                }
                jdbc.batchUpdate("update " + table + " set " + column + " = ? where id = ?", updates);
                return updates.size();
            });
            return moved == null ? 0 : moved;
        }
    }
}
