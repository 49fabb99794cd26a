package org.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.certification.DryRunReport;
import org.vigil.certification.DueBucket;
import org.vigil.certification.EligibilityStatus;
import org.vigil.certification.MonthlyRunResult;
import org.vigil.certification.MonthlyVerification;
import org.vigil.certification.PolicyBook;
import org.vigil.certification.ReasonWords;
import org.vigil.certification.VerificationRun;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.identity.PersonName;
import org.vigil.identity.ResidentId;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The monthly silent verification (CERT-6) from the command line: decides every recipient for the
 * month and stores the three lists, or, with {@code --dry-run --policy FILE}, decides under a
 * policy not yet in force and shows who would change list against the stored month, storing
 * nothing. Running a month again with the same as-of date changes nothing.
 */
@Allowed(Permission.MONTHLY_RUN)
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Run the monthly silent verification of every recipient and store the three lists (CERT-6, CERT-7).")
final class VerifyCommand implements Callable<Integer> {

    /** Changed recipients printed by a dry run; the totals count all of them. */
    static final int SHOWN_CHANGES = 50;

    @Spec
    CommandSpec spec;

    @Option(names = "--month", required = true, paramLabel = "yyyy-MM", description = "The month to verify, e.g. 2026-11.")
    YearMonth month;

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd",
            description = "The business date within the month (default: the day before the policy's run day, the 24th).")
    LocalDate asOf;

    @Option(names = "--dry-run", description = "Decide without storing and compare with the month's stored decisions.")
    boolean dryRun;

    @Option(names = "--policy", paramLabel = "FILE", description = "With --dry-run: the policy file to decide under.")
    Path policy;

    @Override
    public Integer call() {
        PolicyBook book = validate();
        try (ConfigurableApplicationContext context = ServerLifecycle.startWithoutWeb()) {
            return execute(context, book);
        }
    }

    /** Checks the options before anything starts; a wrong one is a usage error. */
    PolicyBook validate() {
        if (asOf != null && !YearMonth.from(asOf).equals(month)) {
            throw new ParameterException(spec.commandLine(), "--as-of " + asOf + " is not in --month " + month);
        }
        if (dryRun != (policy != null)) {
            throw new ParameterException(spec.commandLine(), "--dry-run and --policy go together: a dry run decides "
                    + "under a policy file, and a stored run only under the policy in force");
        }
        if (policy == null) {
            return null;
        }
        if (!Files.isRegularFile(policy)) {
            throw new ParameterException(spec.commandLine(), "no such policy file: " + policy);
        }
        try {
            return PolicyBook.file(policy);
        }
        catch (IOException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "cannot use policy file " + policy + ": " + e.getMessage());
        }
    }

    int execute(ApplicationContext context, PolicyBook book) {
        MonthlyVerification verification = context.getBean(MonthlyVerification.class);
        PrintWriter out = spec.commandLine().getOut();
        if (book != null) {
            print(out, verification.dryRun(month, asOf, book), policy, context.getBean(Clock.class));
        }
        else {
            print(out, verification.verify(month, asOf));
        }
        out.flush();
        return 0;
    }

    static void print(PrintWriter out, MonthlyRunResult result) {
        VerificationRun run = result.run();
        out.printf(Locale.ROOT, "Verified %s as of %s under policy %s: %,d recipients (revision %d).%n", run.month(),
                run.asOf(), run.policyVersion(), run.recipients(), run.revision());
        for (EligibilityStatus s : EligibilityStatus.values()) {
            out.printf(Locale.ROOT, "  %s %-15s %,10d%s%n", s.chinese(), ReasonWords.english(s), run.count(s),
                    s == EligibilityStatus.TO_BE_VERIFIED ? buckets(result.buckets(), run.investigate()) : "");
        }
        out.printf(Locale.ROOT, "  %,d certification(s) recorded; %,d row(s) changed%s; %,d evidence item(s) weighed, "
                + "%,d left out (kind not in the policy or dates reversed); %.1f s%n", run.certified(), result.changed(),
                result.changed() == 0 ? " (the stored month already said this)" : "", result.evidenceItems(),
                result.evidenceIgnored(), result.elapsed().toMillis() / 1000.0);
    }

    private static String buckets(Map<DueBucket, Long> buckets, long investigate) {
        StringBuilder s = new StringBuilder("   (");
        for (DueBucket b : DueBucket.values()) {
            if (s.length() > 4) {
                s.append(", ");
            }
            s.append(b.chinese()).append(' ').append(String.format(Locale.ROOT, "%,d", buckets.getOrDefault(b, 0L)));
        }
        return s.append("; ").append(String.format(Locale.ROOT, "%,d", investigate)).append(" 需调查 to investigate)")
                .toString();
    }

    static void print(PrintWriter out, DryRunReport r, Path file, Clock clock) {
        out.printf(Locale.ROOT, "Dry run of policy %s (%s) for %s as of %s, against the stored run (policy %s): "
                + "%,d recipients. Nothing was stored.%n", r.policyVersion(), file.getFileName(), r.month(), r.asOf(),
                r.storedPolicyVersion(), r.recipients());
        out.print("  Under this policy:");
        for (EligibilityStatus s : EligibilityStatus.values()) {
            out.printf(Locale.ROOT, " %s %s %,d;", s.chinese(), ReasonWords.english(s), r.counts().get(s));
        }
        out.println();
        out.printf(Locale.ROOT, "  %,d recipient(s) would change list%s%n", r.changes().size(),
                r.changes().isEmpty() ? "." : ":");
        for (DryRunReport.Move m : r.moves()) {
            out.printf(Locale.ROOT, "    %s → %s: %,d recipient(s), ¥%,.2f a month%n", label(m.from()), label(m.to()),
                    m.recipients(), m.monthlyAmount().yuan());
        }
        r.changes().stream().limit(SHOWN_CHANGES).forEach(c -> out.printf(Locale.ROOT,
                "    %s %s  %s  ¥%,.2f  %s → %s (%s / %s)%n",
                ResidentId.parse(c.idNumber(), clock).toOptional().map(ResidentId::masked).orElse(c.idNumber()),
                PersonName.parse(c.name()).toOptional().map(PersonName::masked).orElse("*"), c.benefit().chinese(),
                c.monthlyAmount().yuan(), label(c.from()), label(c.to()), c.toReason().chinese(),
                ReasonWords.english(c.toReason())));
        if (r.changes().size() > SHOWN_CHANGES) {
            out.printf(Locale.ROOT, "    … and %,d more%n", r.changes().size() - SHOWN_CHANGES);
        }
    }

    private static String label(EligibilityStatus s) {
        return s == null ? "（未核验 not decided）" : s.chinese();
    }
}
