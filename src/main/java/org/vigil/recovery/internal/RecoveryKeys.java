package org.vigil.recovery.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.KeyService;
import org.vigil.governance.Resealable;
import org.vigil.governance.SealedColumn;

/**
 * The cases' sealed names in a key rotation (DATA-15, ADR 0035): bound to the person number, a
 * case found by its recipient and suspension month.
 */
@Configuration(proxyBeanMethods = false)
class RecoveryKeys {

    @Bean
    Resealable overpaymentCaseNames(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return new SealedColumn(OverpaymentCaseStore.NAME,
                "select count(*) from recovery.overpayment_case where substring(name_sealed from 1 for 9) = ?",
                "select person, name_sealed, recipient_id, suspension_month from recovery.overpayment_case "
                        + "where substring(name_sealed from 1 for 9) = ? "
                        + "order by recipient_id, suspension_month limit ? for update skip locked",
                "update recovery.overpayment_case set name_sealed = ? where recipient_id = ? and suspension_month = ?",
                jdbc, transactions, keys);
    }
}
