package org.vigil.governance.disclosure;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import org.vigil.VigilIntegrationTest;
import org.vigil.runtime.SettableClock;

/**
 * The whole application on a throw-away PostgreSQL with a clock the test moves and limits small
 * enough to reach in a test: 3 reveals a day for a community worker, an alert past 5 accesses in 10
 * minutes, approval above 10 rows, 40 rows a day for a district officer. Every disclosure and export
 * test class uses exactly this, so they share one context; each uses its own account ids.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@VigilIntegrationTest
@AutoConfigureMockMvc
@Import(DisclosureIntegrationTest.Today.class)
@TestPropertySource(properties = {"vigil.disclosure.quota.COMMUNITY_WORKER=3",
        "vigil.disclosure.enumeration.threshold=5", "vigil.disclosure.enumeration.window=PT10M",
        "vigil.export.approval-threshold=10", "vigil.export.quota.DISTRICT_OFFICER=40"})
public @interface DisclosureIntegrationTest {

    ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** 2 December 2026, 09:00 in the agency's zone: the tests' day starts here. */
    Instant MORNING = LocalDate.of(2026, 12, 2).atTime(9, 0).atZone(ZONE).toInstant();

    @TestConfiguration(proxyBeanMethods = false)
    class Today {

        @Bean
        @Primary
        SettableClock disclosureClock() {
            return new SettableClock(MORNING, ZONE);
        }
    }
}
