package org.vigil.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.vigil.certification.EvidenceRef;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.identity.PersonName;
import org.vigil.identity.ResidentId;
import org.vigil.recovery.CaseStatus;
import org.vigil.recovery.OverpaymentCase;
import org.vigil.recovery.RecoveryCases;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The overpayments to recover (SHARE-7(4)), each with its months and the evidence rows of the loss. */
@Command(name = "recovery", mixinStandardHelpOptions = true, description = "Overpayment recovery cases (SHARE-7).",
        subcommands = {RecoveryCommand.ListCases.class})
final class RecoveryCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: list");
    }

    @Allowed(Permission.RECOVERY_VIEW)
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the overpayment cases.")
    static final class ListCases implements Callable<Integer>, RunsInContext {

        @Spec
        CommandSpec spec;

        @Option(names = "--status", paramLabel = "STATUS", description = "OPEN or CANCELLED (default: all).")
        CaseStatus status;

        @Override
        public Integer call() {
            return inApplication();
        }

        @Override
        public int execute(ApplicationContext context) {
            Clock clock = context.getBean(Clock.class);
            List<OverpaymentCase> cases = context.getBean(RecoveryCases.class).list(Optional.ofNullable(status));
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "%,d overpayment case(s)%s:%n", cases.size(), status == null ? "" : " " + status.name());
            for (OverpaymentCase c : cases) {
                w.printf(Locale.ROOT, "  %s %s %s %s  %s %s from %s; paid through %s: ¥%,.2f for %s  [%s %s]%n", c.district(),
                        ResidentId.parse(c.idNumber(), clock).toOptional().map(ResidentId::masked).orElse("******"),
                        PersonName.parse(c.name()).toOptional().map(PersonName::masked).orElse("*"), c.benefit().chinese(),
                        c.reason().chinese(), c.reason().article(), c.lossFrom(), c.lastPaid(), c.total().yuan(),
                        c.months().stream().map(m -> m.month() + " ¥" + m.amount()).collect(Collectors.joining(", ")),
                        c.status().chinese(), c.status().english());
                w.println("      evidence: " + c.evidence().stream().map(EvidenceRef::toString).collect(Collectors.joining("; ")));
            }
            w.flush();
            return 0;
        }
    }
}
