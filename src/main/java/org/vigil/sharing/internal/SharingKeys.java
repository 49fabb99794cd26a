package org.vigil.sharing.internal;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.KeyService;
import org.vigil.governance.Resealable;
import org.vigil.governance.SealedColumn;

/**
 * This module's part in a key rotation (DATA-15, ADR 0035): each sealed column moves to the current
 * data key in short transactions, by the row id its values are bound to ({@link SealedColumn}, which
 * works at the system's scope: row-level security would otherwise hide a provider's rejects or the
 * review queue from whoever runs the rotation).
 */
@Configuration(proxyBeanMethods = false)
class SharingKeys {

    @Bean
    Resealable sharingRejectValues(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return column(jdbc, transactions, keys, DeliveryStore.REJECT_VALUE,
                "select count(*) from sharing.reject where substring(value_sealed from 1 for 9) = ?",
                "select id, value_sealed, id from sharing.reject where substring(value_sealed from 1 for 9) = ? "
                        + "order by id limit ? for update skip locked",
                "update sharing.reject set value_sealed = ? where id = ?");
    }

    @Bean
    Resealable sharingReviewNames(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return column(jdbc, transactions, keys, DeliveryStore.REVIEW_NAME,
                "select count(*) from sharing.review_item where substring(name_sealed from 1 for 9) = ?",
                "select id, name_sealed, id from sharing.review_item where substring(name_sealed from 1 for 9) = ? "
                        + "order by id limit ? for update skip locked",
                "update sharing.review_item set name_sealed = ? where id = ?");
    }

    @Bean
    Resealable sharingCandidateNames(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return column(jdbc, transactions, keys, DeliveryStore.CANDIDATE_NAMES,
                "select count(*) from sharing.review_item where substring(candidate_names from 1 for 9) = ?",
                "select id, candidate_names, id from sharing.review_item where substring(candidate_names from 1 for 9) = ? "
                        + "order by id limit ? for update skip locked",
                "update sharing.review_item set candidate_names = ? where id = ?");
    }

    /** One sealed column of a sharing table whose rows have an {@code id}; the statements are fixed text. */
    private static Resealable column(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys,
            String place, String count, String select, String update) {
        return new SealedColumn(place, count, select, update, jdbc, transactions, keys);
    }
}
