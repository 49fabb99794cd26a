package org.vigil.governance.internal;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.vigil.governance.AuditTrail;
import org.vigil.governance.KeyService;
import org.vigil.runtime.DatabaseServer;

/** Backups, restores and drills (DATA-16), configured from {@code vigil.backup.*}. */
@Configuration(proxyBeanMethods = false)
class BackupConfiguration {

    @Bean
    JdbcBackups backups(DatabaseServer server, KeyService keys, AuditTrail audit, JdbcClient jdbc,
            TransactionTemplate transactions, Clock clock, @Value("${vigil.backup.dir:var/backups}") Path dir,
            @Value("${vigil.backup.chunk-size:4MB}") DataSize chunkSize,
            @Value("${vigil.audit.checkpoint-every:1000}") int checkpointEvery) {
        if (chunkSize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("vigil.backup.chunk-size is at most 64MB, found " + chunkSize);
        }
        return new JdbcBackups(server, keys, audit, jdbc, transactions, clock, dir, (int) chunkSize.toBytes(),
                checkpointEvery);
    }
}
