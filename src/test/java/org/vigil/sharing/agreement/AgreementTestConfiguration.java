package org.vigil.sharing.agreement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.stream.Stream;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A fixed today, so rules that look at today (no backdated termination, no future signing) are
 * testable, and a scan folder that does not outlive the tests.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AgreementTestConfiguration {

    public static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(TODAY.atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
    }

    /** Removes the test's scan folder when the application context closes. */
    @Bean
    AutoCloseable scanFolderRemoval(ScanStore scans) {
        return () -> {
            Path root = scans.root();
            if (Files.exists(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        };
    }
}
