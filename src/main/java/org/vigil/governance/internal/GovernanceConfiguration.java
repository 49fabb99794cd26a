package org.vigil.governance.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.AuditTrail;
import org.vigil.governance.KeyService;

/**
 * The key service, the audit log and the staff directory, configured from {@code vigil.keys.*},
 * {@code vigil.audit.*} and {@code vigil.staff.*}.
 */
@Configuration(proxyBeanMethods = false)
class GovernanceConfiguration {

    @Bean
    FileKeyService keyService(@Value("${vigil.keys.dir:var/keys}") Path dir) {
        return FileKeyService.open(dir);
    }

    @Bean
    JdbcAuditLog auditLog(JdbcClient jdbc, JdbcTemplate template, KeyService keys, Clock clock,
            @Value("${vigil.audit.checkpoint-every:1000}") int checkpointEvery) {
        return new JdbcAuditLog(jdbc, template, keys, clock, checkpointEvery);
    }

    /** No user is kept in memory: accounts live in the staff directory, and Boot must not invent one. */
    @Bean
    UserDetailsService noInMemoryUsers() {
        return new InMemoryUserDetailsManager();
    }

    @Bean
    JdbcStaffDirectory staffDirectory(JdbcClient jdbc, TransactionTemplate transactions, KeyService keys,
            AuditTrail audit, Clock clock, @Value("${vigil.staff.lockout.attempts:5}") int attempts,
            @Value("${vigil.staff.lockout.duration:PT30M}") Duration duration,
            @Value("${vigil.staff.totp-issuer:Vigil}") String issuer,
            @Value("${vigil.staff.second-factor:totp}") String secondFactor) {
        return new JdbcStaffDirectory(jdbc, transactions, keys, audit, clock, attempts, duration, issuer,
                SecondFactor.named(secondFactor));
    }
}
