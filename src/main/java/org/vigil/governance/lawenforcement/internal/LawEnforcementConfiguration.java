package org.vigil.governance.lawenforcement.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.vigil.governance.AuditTrail;
import org.vigil.governance.KeyService;
import org.vigil.governance.StaffDirectory;
import org.vigil.governance.lawenforcement.LawEnforcementRegister;

/**
 * The law-enforcement register, configured from {@code vigil.law-enforcement.*}: the longest
 * access window a request may ask for (default 30 days) and the largest approval scan (default
 * 20 MB, held in memory while sealed).
 */
@Configuration(proxyBeanMethods = false)
class LawEnforcementConfiguration {

    /** A scan is sealed in one piece in memory; beyond this it belongs in another store. */
    static final long LARGEST_DOCUMENT = DataSize.ofMegabytes(100).toBytes();

    @Bean
    JdbcLawEnforcementRegister lawEnforcementRegister(JdbcClient jdbc, TransactionTemplate transactions, KeyService keys,
            AuditTrail audit, StaffDirectory staff, Clock clock, @Value("${vigil.law-enforcement.max-window:P30D}") Duration maxWindow,
            @Value("${vigil.law-enforcement.document-max-bytes:20MB}") DataSize maxDocument) {
        if (maxDocument.toBytes() > LARGEST_DOCUMENT) {
            throw new IllegalArgumentException("vigil.law-enforcement.document-max-bytes is at most 100MB, found "
                    + maxDocument);
        }
        return new JdbcLawEnforcementRegister(jdbc, transactions, keys, audit, staff, clock,
                new LawEnforcementRegister.Limits(maxWindow, maxDocument.toBytes()));
    }
}
