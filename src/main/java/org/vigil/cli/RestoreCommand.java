package org.vigil.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.certification.PaymentInstruction;
import org.vigil.certification.Restorations;
import org.vigil.identity.Parsed;
import org.vigil.identity.PersonName;
import org.vigil.identity.ResidentId;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * An officer restores a suspended recipient (CERT-17, 第二十六条): the reason recorded, payment
 * resumed, the suspended months back-paid except those in which the right really was lost.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a suspended person's benefits with back pay (CERT-17).")
final class RestoreCommand implements Callable<Integer>, RunsInContext {

    @Spec
    CommandSpec spec;

    @Option(names = "--person", required = true, paramLabel = "ID", description = "The person's ID number.")
    String person;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the suspension ends.")
    String reason;

    @Option(names = "--by", required = true, paramLabel = "OFFICER", description = "Who decides.")
    String by;

    @Option(names = "--lost-from", paramLabel = "yyyy-MM",
            description = "With --lost-to: the first month the right really was lost (not back-paid).")
    YearMonth lostFrom;

    @Option(names = "--lost-to", paramLabel = "yyyy-MM", description = "The last month the right really was lost.")
    YearMonth lostTo;

    @Override
    public Integer call() {
        validate();
        try (ConfigurableApplicationContext context = ServerLifecycle.startWithoutWeb()) {
            return execute(context);
        }
    }

    void validate() {
        if (reason.isBlank() || by.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--reason and --by must not be empty");
        }
        if ((lostFrom == null) != (lostTo == null)) {
            throw new ParameterException(spec.commandLine(), "--lost-from and --lost-to go together");
        }
        if (lostFrom != null && lostTo.isBefore(lostFrom)) {
            throw new ParameterException(spec.commandLine(), "--lost-to " + lostTo + " is before --lost-from " + lostFrom);
        }
    }

    @Override
    public int execute(ApplicationContext context) {
        validate();
        Clock clock = context.getBean(Clock.class);
        Parsed<ResidentId> id = ResidentId.parse(person, clock);
        if (!id.isValid()) {
            throw new ParameterException(spec.commandLine(), "--person is not a valid ID number: "
                    + id.problem().orElseThrow().message());
        }
        List<PaymentInstruction> done = context.getBean(Restorations.class).restore(id.orElseThrow().value(), reason, by,
                Optional.ofNullable(lostFrom), Optional.ofNullable(lostTo));
        PrintWriter w = spec.commandLine().getOut();
        for (PaymentInstruction i : done) {
            w.printf(Locale.ROOT, "Restored %s %s %s: payment resumes from %s (suspended from %s); back pay ¥%,.2f for %d "
                    + "month(s)%s; decided by %s: %s%n", id.orElseThrow().masked(),
                    PersonName.parse(i.name()).toOptional().map(PersonName::masked).orElse("*"), i.benefit().chinese(),
                    i.effectiveMonth(), i.suspendedFrom(), i.backPayTotal().yuan(), i.backPay().size(),
                    i.notOwedFrom() == null ? "" : ", not owed " + i.notOwedFrom() + " to " + i.notOwedTo(), i.officer(),
                    i.reasonText());
        }
        w.flush();
        return 0;
    }
}
