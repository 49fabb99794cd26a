package org.vigil.certification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.support.GenericApplicationContext;
import org.vigil.VigilApplication;
import org.vigil.certification.SuspensionBatches;

/**
 * A child process for the crash test: starts Vigil against the test's database with the test's
 * clock, runs one batch step, and stops half-way through its writes, inside its transaction, to
 * be killed with SIGKILL there.
 *
 * <p>Arguments: {@code build|release MONTH INSTANT ZONE [LATE_REASON]}; the database comes in the
 * {@code vigil.db.*} system properties.
 */
public final class CrashingBatchStep {

    static final String HALFWAY = "HALFWAY";

    private CrashingBatchStep() {
    }

    public static void main(String[] args) throws Exception {
        String step = args[0];
        YearMonth month = YearMonth.parse(args[1]);
        Clock clock = Clock.fixed(Instant.parse(args[2]), ZoneId.of(args[3]));
        // lazily: the step needs a few beans, and a faster start keeps the crash test short
        var context = new SpringApplicationBuilder(VigilApplication.class).web(WebApplicationType.NONE)
                .lazyInitialization(true)
                .initializers(c -> {
                    GenericApplicationContext g = (GenericApplicationContext) c;
                    g.registerBean("crashClock", Clock.class, () -> clock, d -> d.setPrimary(true));
                    g.registerBean("crashProbe", BatchStepProbe.class, () -> (s, m) -> {
                        System.out.println(HALFWAY + " " + s + " " + m);
                        System.out.flush();
                        try {
                            Thread.sleep(120_000);
                        }
                        catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                })
                .run();
        SuspensionBatches batches = context.getBean(SuspensionBatches.class);
        if (step.equals("build")) {
            batches.build(month);
        }
        else {
            batches.release(month, Optional.ofNullable(args.length > 4 ? args[4] : null));
        }
        System.out.println("FINISHED without being killed");
        System.exit(3);
    }
}
