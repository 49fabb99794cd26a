package org.vigil.certification.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.KeyService;
import org.vigil.governance.Resealable;
import org.vigil.governance.SealedColumn;

/**
 * This module's sealed values in a key rotation (DATA-15, ADR 0035): one bean per sealed column. A
 * recipient's values are bound to its person number; the row is found by its id.
 */
@Configuration(proxyBeanMethods = false)
class CertificationKeys {

    @Bean
    Resealable recipientNames(JdbcTemplate jdbc, PlatformTransactionManager transactions, KeyService keys) {
        return new SealedColumn(Persons.NAME,
                "select count(*) from certification.recipient where substring(name_sealed from 1 for 9) = ?",
                "select person, name_sealed, id from certification.recipient where substring(name_sealed from 1 for 9) = ? "
                        + "order by id limit ? for update skip locked",
                "update certification.recipient set name_sealed = ? where id = ?",
                jdbc, new TransactionTemplate(transactions), keys);
    }

    @Bean
    Resealable recipientBankAccounts(JdbcTemplate jdbc, PlatformTransactionManager transactions, KeyService keys) {
        return new SealedColumn(Persons.BANK_ACCOUNT,
                "select count(*) from certification.recipient where substring(bank_account_sealed from 1 for 9) = ?",
                "select person, bank_account_sealed, id from certification.recipient "
                        + "where substring(bank_account_sealed from 1 for 9) = ? order by id limit ? for update skip locked",
                "update certification.recipient set bank_account_sealed = ? where id = ?",
                jdbc, new TransactionTemplate(transactions), keys);
    }

    @Bean
    Resealable ownQueryProxies(JdbcTemplate jdbc, PlatformTransactionManager transactions, KeyService keys) {
        return new OwnQueryKeys(jdbc, transactions, keys);
    }
}
