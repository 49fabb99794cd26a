package org.vigil.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.runtime.DataScope;

/**
 * A table's column of {@link SealedValues}, bound to each row by a {@code bigint} (the row's id or
 * the person number), as a {@link Resealable}: what a module publishes so rotation can move it
 * (ADR 0035). The module gives its three statements as fixed text:
 * <ul>
 *   <li>count: one parameter, the key prefix; returns the number of values under it;</li>
 *   <li>select: the key prefix and a limit; returns the number each value is bound to, the sealed
 *       value, then the columns that identify its row, locking the rows ({@code for update skip
 *       locked}, so a busy row waits for the next step);</li>
 *   <li>update: the new sealed value, then the row's identifying columns as the select gave them.</li>
 * </ul>
 * A value that does not open is left where it is and logged: it was changed outside Vigil, and its
 * key must not be retired while that is looked into. Counting and moving run at the system's data
 * scope, each in a transaction and on a connection of its own (the scope is set when a connection
 * is taken): whoever runs a rotation (a security administrator, the scheduler) must reach every
 * row, not only the rows of a jurisdiction, or a key could be retired while values still need it.
 */
public final class SealedColumn implements Resealable {

    private static final Logger log = LoggerFactory.getLogger(SealedColumn.class);

    private final String place;
    private final String count;
    private final String select;
    private final String update;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SealedValues sealed;

    public SealedColumn(String place, String count, String select, String update, JdbcTemplate jdbc,
            TransactionTemplate transactions, KeyService keys) {
        this.place = Objects.requireNonNull(place, "place");
        this.count = Objects.requireNonNull(count, "count");
        this.select = Objects.requireNonNull(select, "select");
        this.update = Objects.requireNonNull(update, "update");
        this.jdbc = jdbc;
        // a transaction of its own, whatever the caller's: see the class comment
        this.transactions = new TransactionTemplate(Objects.requireNonNull(transactions.getTransactionManager(),
                "a transaction manager"));
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
            Long n = transactions.execute(t -> jdbc.queryForObject(count, Long.class, (Object) SealedValues.keyPrefix(keyId)));
            return n == null ? 0 : n;
        }
    }

    @Override
    public int reseal(String keyId, int limit) {
        try (DataScope.Binding b = DataScope.bind(DataScope.system())) {
            return moveUnder(keyId, limit);
        }
    }

    private int moveUnder(String keyId, int limit) {
        Integer moved = transactions.execute(t -> {
            List<Object[]> rows = jdbc.query(select, (rs, i) -> {
                int columns = rs.getMetaData().getColumnCount();
                Object[] row = new Object[columns];
                row[0] = rs.getLong(1);
                row[1] = rs.getBytes(2);
                for (int c = 3; c <= columns; c++) {
                    row[c - 1] = rs.getObject(c);
                }
                return row;
            }, SealedValues.keyPrefix(keyId), limit);
            List<Object[]> updates = new ArrayList<>();
            for (Object[] r : rows) {
                try {
                    Object[] update = new Object[r.length - 1];
                    update[0] = sealed.reseal(place, (Long) r[0], (byte[]) r[1]);
                    System.arraycopy(r, 2, update, 1, r.length - 2);
                    updates.add(update);
                }
                catch (KeyService.TamperedException e) {
                    log.warn("A sealed value of {} bound to {} does not open: it was changed outside Vigil", place, r[0]);
                }
            }
            jdbc.batchUpdate(update, updates);
            return updates.size();
        });
        return moved == null ? 0 : moved;
    }
}
