package org.vigil.sharing.quality;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A fixed "today", so deadlines, the no-back-dating rule of thresholds and "overdue as of today"
 * give the same answer on every run.
 */
@TestConfiguration(proxyBeanMethods = false)
public class QualityTestConfiguration {

    public static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(TODAY.atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
    }
}
