package org.vigil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.context.ApplicationContext;
import org.vigil.certification.DecisionSeals;
import org.vigil.governance.Allowed;
import org.vigil.governance.AuditLog;
import org.vigil.governance.AuditProblem;
import org.vigil.governance.AuditVerification;
import org.vigil.governance.AuditedEvent;
import org.vigil.governance.Permission;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The tamper-evident audit log (DATA-18): prove the chain, sign its head, read the latest events. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The tamper-evident audit log (DATA-18).",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Checkpoint.class, AuditCommand.Recent.class})
final class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: verify, checkpoint or list");
    }

    @Allowed(Permission.AUDIT_VIEW)
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute every event's MAC, check every signed checkpoint and every month's decisions "
                    + "against the digest its run sealed; exit 1 and say where when anything was changed, deleted or "
                    + "inserted.")
    static final class Verify implements Callable<Integer>, RunsInContext {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return inApplication();
        }

        @Override
        public int execute(ApplicationContext context) {
            AuditVerification v = context.getBean(AuditLog.class).verify();
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "%,d event(s) up to %,d, %,d checkpoint(s); signed up to event %,d (%,d after it "
                    + "chained but not yet signed).%n", v.events(), v.lastSeq(), v.checkpoints(), v.lastCheckpointSeq(),
                    v.unsignedTail());
            boolean intact = v.intact();
            if (intact) {
                w.println("The audit chain is intact. 审计链完整。");
            }
            else {
                w.printf(Locale.ROOT, "The audit chain is BROKEN: %d problem(s). 审计链已被篡改。%n", v.problems().size());
                for (AuditProblem p : v.problems()) {
                    w.printf(Locale.ROOT, "  at %d  %-28s %s%n", p.seq(), p.kind(), p.description());
                }
            }
            // the decisions themselves, against the digests their runs sealed in the chain
            List<DecisionSeals.Seal> seals = context.getBean(DecisionSeals.class).verify();
            List<DecisionSeals.Seal> broken = seals.stream().filter(x -> !x.intact()).toList();
            long unsealed = seals.stream().filter(x -> !x.sealedAtAll()).count();
            if (broken.isEmpty()) {
                w.printf(Locale.ROOT, "The decisions of %d month(s) are as their runs sealed them%s. 认证结论未被改动。%n",
                        seals.size() - unsealed, unsealed == 0 ? "" : " (" + unsealed + " run before seals existed)");
            }
            else {
                for (DecisionSeals.Seal x : broken) {
                    w.printf(Locale.ROOT, "  month %s: its %,d stored decision(s) differ from what its run sealed; "
                            + "认证结论已被改动%n", x.month(), x.decisions());
                }
            }
            w.flush();
            return intact && broken.isEmpty() ? 0 : 1;
        }
    }

    @Allowed(Permission.AUDIT_VIEW)
    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Sign the chain's head with the SM2 key, if events were added since the last checkpoint.")
    static final class Checkpoint implements Callable<Integer>, RunsInContext {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return inApplication();
        }

        @Override
        public int execute(ApplicationContext context) {
            Optional<Long> signed = context.getBean(AuditLog.class).checkpoint();
            PrintWriter w = spec.commandLine().getOut();
            w.println(signed.map(seq -> "Signed the audit chain up to event " + seq + ".")
                    .orElse("Nothing to sign: the chain's head is already signed, or the log is empty."));
            w.flush();
            return 0;
        }
    }

    @Allowed(Permission.AUDIT_VIEW)
    @Command(name = "list", mixinStandardHelpOptions = true, description = "The latest audit events, newest first.")
    static final class Recent implements Callable<Integer>, RunsInContext {

        @Spec
        CommandSpec spec;

        @Option(names = "--actor", paramLabel = "WHO", description = "Only this actor's events.")
        String actor;

        @Option(names = "--subject", paramLabel = "WHAT", description = "Only events about this subject, e.g. month:2026-11.")
        String subject;

        @Option(names = "--last", defaultValue = "20", paramLabel = "N", description = "How many (default: ${DEFAULT-VALUE}).")
        int last;

        @Override
        public Integer call() {
            if (last < 1 || last > 10_000) {
                throw new ParameterException(spec.commandLine(), "--last must be from 1 to 10000, found " + last);
            }
            return inApplication();
        }

        @Override
        public int execute(ApplicationContext context) {
            List<AuditedEvent> events = context.getBean(AuditLog.class).recent(Optional.ofNullable(actor),
                    Optional.ofNullable(subject), last);
            PrintWriter w = spec.commandLine().getOut();
            for (AuditedEvent e : events) {
                w.printf(Locale.ROOT, "%d  %s  %s  %s %s  %s%s  %s%n", e.seq(), e.occurredAt(), e.actor(), e.action(),
                        e.action().chinese(), e.subject(), e.purpose() == null ? "" : "  purpose: " + e.purpose(), e.detail());
            }
            if (events.isEmpty()) {
                w.println("No audit events.");
            }
            w.flush();
            return 0;
        }
    }
}
