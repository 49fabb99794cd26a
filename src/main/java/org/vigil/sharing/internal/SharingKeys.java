package org.vigil.sharing.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.KeyService;
import org.vigil.governance.Resealable;
import org.vigil.governance.SealedValues;
import org.vigil.runtime.DataScope;

/**
 * This module's part in a key rotation (DATA-15, ADR 0035): each sealed column moves to the current
 * data key in short transactions, by the row id its values are bound to. The rows are read and
 * written under the system's scope, since row-level security would otherwise hide a provider's
 * rejects or the review queue from whoever runs the rotation.
 */
@Configuration(proxyBeanMethods = false)
class SharingKeys {

    private static final Logger log = LoggerFactory.getLogger(SharingKeys.class);

    @Bean
    Resealable sharingRejectValues(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return new Column(jdbc, transactions, keys, "reject", "value_sealed", DeliveryStore.REJECT_VALUE);
    }

    @Bean
    Resealable sharingReviewNames(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return new Column(jdbc, transactions, keys, "review_item", "name_sealed", DeliveryStore.REVIEW_NAME);
    }

    @Bean
    Resealable sharingCandidateNames(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return new Column(jdbc, transactions, keys, "review_item", "candidate_names", DeliveryStore.CANDIDATE_NAMES);
    }

    /**
     * One sealed column of a table whose rows have an {@code id}. Table and column names are this
     * class's own constants, never input, so they are part of the statements' text.
     */
    private static final class Column implements Resealable {

        private final JdbcTemplate jdbc;
        private final TransactionTemplate transactions;
        private final SealedValues sealed;
        private final String place;
        private final String count;
        private final String select;
        private final String update;

        Column(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys, String table, String column,
                String place) {
            this.jdbc = jdbc;
            this.transactions = transactions;
            this.sealed = new SealedValues(keys);
            this.place = place;
            String from = "sharing." + table;
            this.count = "select count(*) from " + from + " where substring(" + column + " from 1 for 9) = ?";
            this.select = "select id, " + column + " from " + from + " where substring(" + column
                    + " from 1 for 9) = ? order by id limit ? for update skip locked";
            this.update = "update " + from + " set " + column + " = ? where id = ?";
        }

        @Override
        public String name() {
            return place;
        }

        @Override
        public long countUnder(String keyId) {
            try (DataScope.Binding b = DataScope.bind(DataScope.system())) {
                Long n = jdbc.queryForObject(count, Long.class, (Object) SealedValues.keyPrefix(keyId));
                return n == null ? 0 : n;
            }
        }

        @Override
        public int reseal(String keyId, int limit) {
            try (DataScope.Binding b = DataScope.bind(DataScope.system())) {
                Integer moved = transactions.execute(t -> {
                    List<Object[]> rows = jdbc.query(select, (rs, i) -> new Object[] {rs.getLong(1), rs.getBytes(2)},
                            SealedValues.keyPrefix(keyId), limit);
                    List<Object[]> updates = new ArrayList<>(rows.size());
                    for (Object[] r : rows) {
                        try {
                            updates.add(new Object[] {sealed.reseal(place, (Long) r[0], (byte[]) r[1]), r[0]});
                        }
                        catch (KeyService.TamperedException e) {
                            // left under the old key, so the key cannot be retired while the incident is open
                            log.warn("The sealed value of {} row {} does not open: it was changed outside Vigil", place, r[0]);
                        }
                    }
                    jdbc.batchUpdate(update, updates);
                    return updates.size();
                });
                return moved == null ? 0 : moved;
            }
        }
    }
}
