package org.vigil.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.vigil.runtime.SettableClock;

/**
 * Today is 5 August 2026: the July batch is due by 8 August (on time), every earlier one is late,
 * and department files of April to July are all in the past.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SuspensionTestConfiguration {

    public static final LocalDate TODAY = LocalDate.of(2026, 8, 5);
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static Clock clock() {
        return Clock.fixed(TODAY.atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
    }

    /** Today, unless a step sets it to the day it happens on and back. */
    @Bean
    @Primary
    SettableClock fixedClock() {
        return new SettableClock(clock().instant(), ZONE);
    }
}
