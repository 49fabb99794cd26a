package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
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
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.backup.Backups;
import org.vigil.governance.backup.RestoreReport;
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
 * resumed, the suspended months back-paid except those in which the right really was lost. With
 * {@code --from} and {@code --into} instead, an operator restores a backup into an empty database
 * (DATA-16): the same word an operator looks for, two kinds of target that cannot be confused.
 */
@Allowed(Permission.BACKUP)
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a suspended person's benefits with back pay (CERT-17): --person, --reason, --by.",
                "Or restore a backup into an empty database, all or nothing (DATA-16): --from, --into."})
final class RestoreCommand implements Callable<Integer>, RunsInContext {

    @Spec
    CommandSpec spec;

    @Option(names = "--person", paramLabel = "ID", description = "The person's ID number.")
    String person;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the suspension ends.")
    String reason;

    @Option(names = "--by", paramLabel = "OFFICER", description = "Who decides.")
    String by;

    @Option(names = "--lost-from", paramLabel = "yyyy-MM",
            description = "With --lost-to: the first month the right really was lost (not back-paid).")
    YearMonth lostFrom;

    @Option(names = "--lost-to", paramLabel = "yyyy-MM", description = "The last month the right really was lost.")
    YearMonth lostTo;

    @Option(names = "--from", paramLabel = "BACKUP", description = "A backup's folder, to restore with --into (DATA-16).")
    Path from;

    @Option(names = "--into", paramLabel = "URL|NAME",
            description = "With --from: a JDBC URL of an empty database (reached as the migration user), or the name of a "
                    + "database on Vigil's server, created when it does not exist.")
    String into;

    @Override
    public Integer call() {
        validate();
        try (ConfigurableApplicationContext context = ServerLifecycle.startWithoutWeb()) {
            return execute(context);
        }
    }

    void validate() {
        if (from != null || into != null) {
            if (from == null || into == null || into.isBlank()) {
                throw new ParameterException(spec.commandLine(), "a backup is restored with both --from and --into");
            }
            if (person != null || reason != null || by != null || lostFrom != null || lostTo != null) {
                throw new ParameterException(spec.commandLine(), "--from and --into restore a backup; --person, --reason, "
                        + "--by, --lost-from and --lost-to restore a person: not both at once");
            }
            return;
        }
        if (person == null || reason == null || by == null) {
            throw new ParameterException(spec.commandLine(), "restoring a person needs --person, --reason and --by "
                    + "(or --from and --into to restore a backup)");
        }
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
        if (from != null) {
            return restoreBackup(context);
        }
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

    private int restoreBackup(ApplicationContext context) {
        RestoreReport r = context.getBean(Backups.class).restore(from, into);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Restored backup %s into %s database %s: %d tables, %,d rows, verified and loaded in %.1f s.%n",
                r.backupId(), r.created() ? "the new" : "the empty", r.database(), r.tables(), r.rows(),
                r.elapsed().toMillis() / 1000.0);
        w.println("Its schemas are at the backup's migration versions; Vigil started on it migrates them to its own.");
        w.flush();
        return 0;
    }
}
