package org.vigil.certification.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.vigil.governance.KeyService;
import org.vigil.governance.Resealable;

/** This module's sealed values in a key rotation (DATA-15, ADR 0035): one bean per sealed column. */
@Configuration(proxyBeanMethods = false)
class CertificationKeys {

    @Bean
    Resealable recipientNames(JdbcTemplate jdbc, PlatformTransactionManager transactions, KeyService keys) {
        return new SealedColumn("certification.recipient", "name_sealed", Persons.NAME, jdbc, transactions, keys);
    }

    @Bean
    Resealable recipientBankAccounts(JdbcTemplate jdbc, PlatformTransactionManager transactions, KeyService keys) {
        return new SealedColumn("certification.recipient", "bank_account_sealed", Persons.BANK_ACCOUNT, jdbc,
                transactions, keys);
    }

    @Bean
    Resealable ownQueryProxies(JdbcTemplate jdbc, PlatformTransactionManager transactions, KeyService keys) {
        return new OwnQueryKeys(jdbc, transactions, keys);
    }
}
