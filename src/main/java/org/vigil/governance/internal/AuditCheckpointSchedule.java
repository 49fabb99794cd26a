package org.vigil.governance.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.vigil.governance.AuditLog;

/**
 * Signs the audit chain's tail on a timer, so that a quiet day's few events do not wait for the
 * thousandth to be covered by a signature (DATA-18). On unless
 * {@code vigil.audit.schedule.enabled} is false.
 */
@Configuration
@EnableScheduling
@ConditionalOnBooleanProperty(name = "vigil.audit.schedule.enabled", matchIfMissing = true)
class AuditCheckpointSchedule {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpointSchedule.class);

    private final AuditLog audit;

    AuditCheckpointSchedule(AuditLog audit) {
        this.audit = audit;
    }

    @Scheduled(cron = "${vigil.audit.checkpoint-cron:0 */15 * * * *}", zone = "${vigil.zone:Asia/Shanghai}")
    void tick() {
        audit.checkpoint().ifPresent(seq -> log.info("Signed the audit chain up to event {}", seq));
    }
}
