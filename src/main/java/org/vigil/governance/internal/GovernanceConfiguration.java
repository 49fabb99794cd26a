package org.vigil.governance.internal;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.governance.KeyService;

/** The key service and the audit log, configured from {@code vigil.keys.*} and {@code vigil.audit.*}. */
@Configuration(proxyBeanMethods = false)
class GovernanceConfiguration {

    @Bean
    KeyService keyService(@Value("${vigil.keys.dir:var/keys}") Path dir) {
        return FileKeyService.open(dir);
    }

    @Bean
    JdbcAuditLog auditLog(JdbcClient jdbc, JdbcTemplate template, KeyService keys, Clock clock,
            @Value("${vigil.audit.checkpoint-every:1000}") int checkpointEvery) {
        return new JdbcAuditLog(jdbc, template, keys, clock, checkpointEvery);
    }
}
