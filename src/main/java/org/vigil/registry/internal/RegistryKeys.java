package org.vigil.registry.internal;

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

/**
 * The registry's part in a key rotation (DATA-15, ADR 0035): one {@link Resealable} per sealed
 * column, each moving its values to the current data key in short transactions, rows locked and
 * skipped when a change holds them (the change writes them under the current key anyway).
 *
 * <p>The statements are put together here from the constant names below, never from input.
 */
@Configuration(proxyBeanMethods = false)
class RegistryKeys {

    private static final Logger log = LoggerFactory.getLogger(RegistryKeys.class);

    /**
     * A sealed column: its table, the columns that identify a row (one or two), the column holding
     * the number the values are bound to, and the value's place.
     */
    record Column(String table, String column, String key1, String key2, String rowColumn, String place) {

        String name() {
            return table + "." + column;
        }

        String count() {
            return "select count(*) from " + table + " where substring(" + column + " from 1 for 9) = ?";
        }

        String select() {
            return "select " + key1 + ", " + (key2 == null ? "0" : key2) + ", " + rowColumn + ", " + column + " from "
                    + table + " where substring(" + column + " from 1 for 9) = ? order by " + key1
                    + (key2 == null ? "" : ", " + key2) + " limit ? for update skip locked";
        }

        String update() {
            return "update " + table + " set " + column + " = ? where " + key1 + " = ?"
                    + (key2 == null ? " and ? = 0" : " and " + key2 + " = ?");
        }
    }

    static final List<Column> COLUMNS = List.of(
            new Column("registry.person", "name", "id", null, "person", PersonalValues.PERSON_NAME),
            new Column("registry.person", "address", "id", null, "person", PersonalValues.PERSON_ADDRESS),
            new Column("registry.person", "phone", "id", null, "person", PersonalValues.PERSON_PHONE),
            new Column("registry.person", "email", "id", null, "person", PersonalValues.PERSON_EMAIL),
            new Column("registry.person_version", "name", "person_id", "version", "person", PersonTable.VERSION_NAME),
            new Column("registry.person_version", "address", "person_id", "version", "person", PersonTable.VERSION_ADDRESS),
            new Column("registry.person_version", "phone", "person_id", "version", "person", PersonTable.VERSION_PHONE),
            new Column("registry.person_version", "email", "person_id", "version", "person", PersonTable.VERSION_EMAIL),
            new Column("registry.change_item", "old_sealed", "id", null, "id", ChangeRequestStore.OLD_VALUE),
            new Column("registry.change_item", "new_sealed", "id", null, "id", ChangeRequestStore.NEW_VALUE));

    @Bean
    Resealable registryPersonName(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return resealable(COLUMNS.get(0), jdbc, transactions, keys);
    }

    @Bean
    Resealable registryPersonAddress(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return resealable(COLUMNS.get(1), jdbc, transactions, keys);
    }

    @Bean
    Resealable registryPersonPhone(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return resealable(COLUMNS.get(2), jdbc, transactions, keys);
    }

    @Bean
    Resealable registryPersonEmail(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return resealable(COLUMNS.get(3), jdbc, transactions, keys);
    }

    @Bean
    Resealable registryVersionName(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return resealable(COLUMNS.get(4), jdbc, transactions, keys);
    }

    @Bean
    Resealable registryVersionAddress(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return resealable(COLUMNS.get(5), jdbc, transactions, keys);
    }

    @Bean
    Resealable registryVersionPhone(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return resealable(COLUMNS.get(6), jdbc, transactions, keys);
    }

    @Bean
    Resealable registryVersionEmail(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return resealable(COLUMNS.get(7), jdbc, transactions, keys);
    }

    @Bean
    Resealable registryChangeOldValue(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return resealable(COLUMNS.get(8), jdbc, transactions, keys);
    }

    @Bean
    Resealable registryChangeNewValue(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return resealable(COLUMNS.get(9), jdbc, transactions, keys);
    }

    static Resealable resealable(Column c, JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        SealedValues sealed = new SealedValues(keys);
        String count = c.count();
        String select = c.select();
        String update = c.update();
        return new Resealable() {

            @Override
            public String name() {
                return c.name();
            }

            @Override
            public long countUnder(String keyId) {
                Long n = jdbc.queryForObject(count, Long.class, (Object) SealedValues.keyPrefix(keyId));
                return n == null ? 0 : n;
            }

            @Override
            public int reseal(String keyId, int limit) {
                Integer moved = transactions.execute(t -> {
                    List<Object[]> rows = jdbc.query(select, (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2),
                        rs.getLong(3), rs.getBytes(4)}, SealedValues.keyPrefix(keyId), limit);
                    List<Object[]> updates = new ArrayList<>(rows.size());
                    for (Object[] r : rows) {
                        try {
                            updates.add(new Object[] {sealed.reseal(c.place(), (Long) r[2], (byte[]) r[3]), r[0], r[1]});
                        }
                        catch (KeyService.TamperedException e) {
                            // left under the old key, so the key cannot be retired while the incident is open
                            log.warn("A sealed value of {} (row {}) does not open: it was changed outside Vigil", c.name(),
                                    r[0]);
                        }
                    }
                    jdbc.batchUpdate(update, updates);
                    return updates.size();
                });
                return moved == null ? 0 : moved;
            }
        };
    }
}
