package org.vigil.registry.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.KeyService;
import org.vigil.governance.Resealable;
import org.vigil.governance.SealedColumn;

/**
 * The registry's part in a key rotation (DATA-15, ADR 0035): one {@link Resealable} per sealed
 * column, each moving its values to the current data key in short transactions, rows locked and
 * skipped when a change holds them (the change writes them under the current key anyway).
 *
 * <p>The statements are put together here from the constant names below, never from input.
 */
@Configuration(proxyBeanMethods = false)
class RegistryKeys {

    /**
     * A sealed column: its table, the columns that identify a row (one or two), the column holding
     * the number the values are bound to, and the value's place.
     */
    record Column(String table, String column, String key1, String key2, String rowColumn, String place) {

        String count() {
            return "select count(*) from " + table + " where substring(" + column + " from 1 for 9) = ?";
        }

        String select() {
            return "select " + rowColumn + ", " + column + ", " + key1 + (key2 == null ? "" : ", " + key2) + " from "
                    + table + " where substring(" + column + " from 1 for 9) = ? order by " + key1
                    + (key2 == null ? "" : ", " + key2) + " limit ? for update skip locked";
        }

        String update() {
            return "update " + table + " set " + column + " = ? where " + key1 + " = ?"
                    + (key2 == null ? "" : " and " + key2 + " = ?");
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
        return new SealedColumn(c.place(), c.count(), c.select(), c.update(), jdbc, transactions, keys);
    }
}
