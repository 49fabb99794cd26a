package org.vigil.governance.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.vigil.governance.backup.BackupSummary;
import org.vigil.governance.backup.Backups;

/**
 * Takes a backup by itself at the configured time (DATA-16), into {@code vigil.backup.dir}. Off
 * unless {@code vigil.backup.schedule.enabled} is true: a site that backs up with its own tools, or
 * has no room for the backups, must not find its disk filled. A failed backup leaves no folder and
 * is logged by the scheduler; the next tick tries again.
 */
@Configuration
@EnableScheduling
@ConditionalOnBooleanProperty("vigil.backup.schedule.enabled")
class BackupSchedule {

    private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

    private final Backups backups;

    BackupSchedule(Backups backups) {
        this.backups = backups;
    }

    @Scheduled(cron = "${vigil.backup.schedule.cron:0 0 2 * * *}", zone = "${vigil.zone:Asia/Shanghai}")
    void tick() {
        BackupSummary s = backups.backup(backups.directory());
        log.info("Scheduled backup {}: {} tables, {} rows in {}", s.id(), s.tables(), s.rows(), s.folder());
    }
}
