package org.vigil.governance.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.vigil.governance.KeyRotation;

/**
 * Moves stored values off old keys a batch at a time while the server runs, so a rotation needs
 * no downtime and no one waits on it (ADR 0035). On unless {@code vigil.keys.reseal.enabled} is false.
 */
@Configuration
@EnableScheduling
@ConditionalOnBooleanProperty(name = "vigil.keys.reseal.enabled", matchIfMissing = true)
class ResealSchedule {

    private static final Logger log = LoggerFactory.getLogger(ResealSchedule.class);

    private final KeyRotation rotation;
    private final int batch;

    ResealSchedule(KeyRotation rotation,
            @org.springframework.beans.factory.annotation.Value("${vigil.keys.reseal.batch:5000}") int batch) {
        this.rotation = rotation;
        this.batch = batch;
    }

    @Scheduled(fixedDelayString = "${vigil.keys.reseal.every:PT30S}", initialDelayString = "${vigil.keys.reseal.every:PT30S}")
    void tick() {
        long moved = rotation.resealStep(batch);
        if (moved > 0) {
            log.info("Resealed {} stored value(s) under the current keys", moved);
        }
    }
}
