package org.vigil.sharing.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Looks into the drop folder at a fixed delay, when {@code vigil.sharing.drop.enabled} is true. */
@Configuration
@EnableScheduling
@ConditionalOnBooleanProperty("vigil.sharing.drop.enabled")
class DropFolderSchedule {

    private final DropFolder folder;

    DropFolderSchedule(DropFolder folder) {
        this.folder = folder;
    }

    @Scheduled(fixedDelayString = "${vigil.sharing.drop.interval:PT30S}", initialDelayString = "${vigil.sharing.drop.interval:PT30S}")
    void look() {
        folder.poll();
    }
}
