package org.vigil.registry.change;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.vigil.runtime.SettableClock;

/** A clock the change tests set to the day each step happens on. */
@TestConfiguration(proxyBeanMethods = false)
public class ChangeTestConfiguration {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Where every test starts: 1 June 2026, 09:00 in the agency's zone. */
    public static final Instant START = ZonedDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZONE).toInstant();

    /** The application's one clock for these tests: every bean that takes a {@link java.time.Clock} gets it. */
    @Bean
    @Primary
    SettableClock settableClock() {
        return new SettableClock(START, ZONE);
    }
}
