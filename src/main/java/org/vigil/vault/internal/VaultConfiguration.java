package org.vigil.vault.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.KeyService;
import org.vigil.governance.Resealable;

/** The vault and its two parts in a key rotation. */
@Configuration(proxyBeanMethods = false)
class VaultConfiguration {

    @Bean
    JdbcPersonVault personVault(JdbcTemplate jdbc, PlatformTransactionManager transactions, KeyService keys) {
        return new JdbcPersonVault(jdbc, transactions, keys);
    }

    @Bean
    Resealable vaultSealedIds(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return VaultKeys.sealedIds(jdbc, transactions, keys);
    }

    @Bean
    Resealable vaultBlindIndex(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys,
            JdbcPersonVault vault) {
        return VaultKeys.blindIndex(jdbc, transactions, keys, vault);
    }
}
