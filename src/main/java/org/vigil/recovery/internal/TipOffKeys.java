package org.vigil.recovery.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.KeyService;
import org.vigil.governance.Resealable;
import org.vigil.governance.SealedColumn;

/**
 * The tip-off register's part in a key rotation (ADR 0035): each sealed column moves to the current
 * data key a batch at a time. The statements are fixed text per column, never assembled from input.
 */
@Configuration(proxyBeanMethods = false)
class TipOffKeys {

    /** A sealed column, its place (associated data) and its two statements. */
    private record Column(String place, String count, String select, String update) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column(JdbcTipOffs.SUBJECT_NAME,
                    "select count(*) from recovery.tip_off where substring(subject_name_sealed from 1 for 9) = ?",
                    "select id, subject_name_sealed, id from recovery.tip_off where substring(subject_name_sealed from 1 for 9) = ? "
                            + "order by id limit ? for update skip locked",
                    "update recovery.tip_off set subject_name_sealed = ? where id = ?"),
            new Column(JdbcTipOffs.ACCOUNT,
                    "select count(*) from recovery.tip_off where substring(account_sealed from 1 for 9) = ?",
                    "select id, account_sealed, id from recovery.tip_off where substring(account_sealed from 1 for 9) = ? "
                            + "order by id limit ? for update skip locked",
                    "update recovery.tip_off set account_sealed = ? where id = ?"),
            new Column(JdbcTipOffs.REPORTER_NAME,
                    "select count(*) from recovery.tip_off where substring(reporter_name_sealed from 1 for 9) = ?",
                    "select id, reporter_name_sealed, id from recovery.tip_off where substring(reporter_name_sealed from 1 for 9) = ? "
                            + "order by id limit ? for update skip locked",
                    "update recovery.tip_off set reporter_name_sealed = ? where id = ?"),
            new Column(JdbcTipOffs.REPORTER_PHONE,
                    "select count(*) from recovery.tip_off where substring(reporter_phone_sealed from 1 for 9) = ?",
                    "select id, reporter_phone_sealed, id from recovery.tip_off where substring(reporter_phone_sealed from 1 for 9) = ? "
                            + "order by id limit ? for update skip locked",
                    "update recovery.tip_off set reporter_phone_sealed = ? where id = ?"),
            new Column(JdbcTipOffs.REPORTER_ID,
                    "select count(*) from recovery.tip_off where substring(reporter_id_sealed from 1 for 9) = ?",
                    "select id, reporter_id_sealed, id from recovery.tip_off where substring(reporter_id_sealed from 1 for 9) = ? "
                            + "order by id limit ? for update skip locked",
                    "update recovery.tip_off set reporter_id_sealed = ? where id = ?"));

    @Bean
    Resealable tipOffSubjectNames(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return column(COLUMNS.get(0), jdbc, transactions, keys);
    }

    @Bean
    Resealable tipOffAccounts(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return column(COLUMNS.get(1), jdbc, transactions, keys);
    }

    @Bean
    Resealable tipOffReporterNames(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return column(COLUMNS.get(2), jdbc, transactions, keys);
    }

    @Bean
    Resealable tipOffReporterPhones(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return column(COLUMNS.get(3), jdbc, transactions, keys);
    }

    @Bean
    Resealable tipOffReporterIds(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return column(COLUMNS.get(4), jdbc, transactions, keys);
    }

    private static Resealable column(Column c, JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return new SealedColumn(c.place(), c.count(), c.select(), c.update(), jdbc, transactions, keys);
    }
}
