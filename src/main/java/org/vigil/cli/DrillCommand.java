package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.vigil.certification.CertificationLists;
import org.vigil.certification.MonthlyRunResult;
import org.vigil.certification.MonthlyVerification;
import org.vigil.certification.VerificationRun;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.backup.Backups;
import org.vigil.governance.backup.DrillCheck;
import org.vigil.governance.backup.DrillReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The restore drill (DATA-16): the latest backup restored into a scratch database on Vigil's
 * server, proven and dropped, and the outcome recorded. Besides the governance module's checks it
 * replays the latest verified month on the restored data: a restore that gives back every row but
 * not the same decisions is no restore.
 */
@Allowed(Permission.BACKUP)
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = "Restore the latest backup into a scratch database, prove it (row counts, audit chain, a replay of "
                + "the latest verified month), drop it and record the drill (DATA-16); exit 1 if any check fails.")
final class DrillCommand implements Callable<Integer>, RunsInContext {

    @Spec
    CommandSpec spec;

    @Option(names = "--backups", paramLabel = "DIR", description = "Where the backups are (default: vigil.backup.dir).")
    Path dir;

    @Override
    public Integer call() {
        return inApplication();
    }

    @Override
    public int execute(ApplicationContext context) {
        Backups backups = context.getBean(Backups.class);
        Path folder = dir == null ? backups.directory() : dir;
        Path latest = backups.latest(folder)
                .orElseThrow(() -> new IllegalStateException("no backup in " + folder + ": take one with vigil backup"));
        DrillReport r = backups.drill(latest, List.of(new MonthReplay(context.getEnvironment())));
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Drill %d of backup %s in scratch database %s: %s%n", r.id(), r.backupId(),
                r.scratchDatabase(), r.passed() ? "PASSED" : "FAILED");
        for (DrillCheck.Outcome o : r.checks()) {
            w.printf(Locale.ROOT, "  %-12s %-6s %s%n", o.check(), o.passed() ? "ok" : "FAILED", o.detail());
        }
        w.println(r.recoveryTime().map(d -> String.format(Locale.ROOT, "Recovery time (restore): %.1f s.", d.toMillis() / 1000.0))
                .orElse("Recovery time: none, the backup did not restore."));
        w.flush();
        return r.passed() ? 0 : 1;
    }

    /**
     * Runs the latest verified month again on the restored database, with its stored as-of date,
     * in an application of its own on that database; the month must come out unchanged.
     */
    static final class MonthReplay implements DrillCheck {

        /** Settings the scratch application takes from this one, so it uses the same keys, zone and files. */
        private static final List<String> CARRIED = List.of("vigil.keys.dir", "vigil.zone", "vigil.audit.checkpoint-every",
                "vigil.sharing.raw-dir", "vigil.sharing.drop-dir", "vigil.sharing.agreement-dir",
                "vigil.certification.attachment-dir");
        /** Nothing runs by itself in the scratch application: it exists for the replay only. */
        private static final List<String> SWITCHED_OFF = List.of("vigil.certification.schedule.enabled",
                "vigil.audit.schedule.enabled", "vigil.backup.schedule.enabled", "vigil.sharing.drop.enabled");

        private final Environment environment;

        MonthReplay(Environment environment) {
            this.environment = environment;
        }

        @Override
        public String name() {
            return "replay";
        }

        @Override
        public Outcome check(RestoredDatabase database) {
            Map<String, String> settings = new LinkedHashMap<>(database.settings());
            for (String key : CARRIED) {
                String value = environment.getProperty(key);
                if (value != null) {
                    settings.put(key, value);
                }
            }
            SWITCHED_OFF.forEach(key -> settings.put(key, "false"));
            try (ConfigurableApplicationContext scratch = ServerLifecycle.startWithoutWeb(settings)) {
                Optional<VerificationRun> latest = scratch.getBean(CertificationLists.class).runs().stream().findFirst();
                if (latest.isEmpty()) {
                    return new Outcome(name(), true, "no month was verified in the backup: nothing to replay");
                }
                VerificationRun run = latest.get();
                MonthlyRunResult result = scratch.getBean(MonthlyVerification.class).verify(run.month(), run.asOf());
                return new Outcome(name(), result.changed() == 0, String.format(Locale.ROOT,
                        "%s as of %s: %,d recipients decided again, %d row(s) changed (decisions %d, certifications %d,"
                                + " run %s)", run.month(), run.asOf(), result.run().recipients(), result.changed(),
                        result.decisionsChanged(), result.certificationsChanged(), result.runChanged() ? "changed" : "unchanged"));
            }
        }
    }
}
