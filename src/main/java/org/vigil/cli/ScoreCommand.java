package org.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.certification.CertificationLists;
import org.vigil.certification.ListQuery;
import org.vigil.certification.MonthlyVerification;
import org.vigil.certification.VerificationRun;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.simulator.CityGenerator;
import org.vigil.simulator.GroundTruth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vigil score}: the stored monthly decisions against the synthetic city's ground truth (issue
 * 4 §6). With {@code --replay} it first plays the city month by month into an empty database, as an
 * agency would live it: the baseline, then each month's department files followed by that month's
 * verification.
 */
@Allowed(Permission.STATISTICS_VIEW)
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score the stored monthly decisions against the synthetic city's ground truth.")
final class ScoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--city", defaultValue = "var/city", description = "Folder of the synthetic city (default: ${DEFAULT-VALUE}).")
    Path city;

    @Option(names = "--month", paramLabel = "yyyy-MM", description = "Score only this month (default: every stored run).")
    YearMonth month;

    @Option(names = "--replay", description = "First take in the city month by month and verify each month.")
    boolean replay;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the table as Markdown to FILE.")
    Path markdown;

    @Override
    public Integer call() throws IOException {
        if (!CityGenerator.isCurrent(city)) {
            throw new ParameterException(spec.commandLine(), "no synthetic city of this generator in " + city
                    + " (make one with: vigil generate --out " + city + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext context = ServerLifecycle.startWithoutWeb()) {
            if (replay) {
                replay(context, out);
            }
            CertificationLists lists = context.getBean(CertificationLists.class);
            Scorecard card = new Scorecard(GroundTruth.of(city));
            List<VerificationRun> runs = lists.runs().stream().sorted((a, b) -> a.month().compareTo(b.month())).toList();
            if (runs.isEmpty()) {
                throw new IllegalStateException("no month has been verified yet (run vigil verify, or score --replay)");
            }
            for (VerificationRun run : runs) {
                List<Scorecard.Decided> decided = new ArrayList<>();
                lists.forEach(ListQuery.all(run.month()), e -> decided.add(new Scorecard.Decided(e.idNumber(), e.benefit().name(),
                        e.status(), e.decision().investigate(), e.monthlyAmount(),
                        e.reason().code() + (e.reason().evidenceKind() == null ? "" : " " + e.reason().evidenceKind()))));
                card.add(run.month(), run.asOf(), decided);
            }
            List<Scorecard.Month> scored = new ArrayList<>();
            for (VerificationRun run : runs) {
                if (month == null || month.equals(run.month())) {
                    scored.add(card.score(run.month()));
                }
            }
            if (scored.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "no stored run for " + month);
            }
            String table = table(scored);
            out.print(table);
            out.flush();
            if (markdown != null) {
                Files.writeString(markdown, table, StandardCharsets.UTF_8);
            }
        }
        return 0;
    }

    private void replay(ConfigurableApplicationContext context, PrintWriter out) {
        MonthlyVerification verification = context.getBean(MonthlyVerification.class);
        context.getBean(CityBaselineLoader.class).load(city).forEach(line -> out.println("  " + line));
        CityFeedsLoader feeds = context.getBean(CityFeedsLoader.class);
        for (YearMonth m : CityFeedsLoader.months(city)) {
            feeds.load(city, m).forEach(line -> out.println("  " + line));
            VerificationRun run = verification.verify(m, null).run();
            out.printf(Locale.ROOT, "  verified %s as of %s: %,d qualified, %,d disqualified, %,d to be verified%n", m, run.asOf(),
                    run.qualified(), run.disqualified(), run.toBeVerified());
            out.flush();
        }
    }

    static String table(List<Scorecard.Month> months) {
        StringBuilder s = new StringBuilder();
        s.append("| month | as of | recipients | right lost | disqualified | to verify | still qualified | deaths reported "
                + "| acted on in first run | reported, still qualified | living disqualified | living to verify "
                + "| overpaid months | overpaid (yuan) |\n");
        s.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Scorecard.Month m : months) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %,d | %,d | %,d | %,d | %,d (%s) | %,d | %,d | %,d | %,d | %s |%n",
                    m.month(), m.asOf(), m.recipients(), m.lost(), m.lostDisqualified(), m.lostToVerify(), m.lostQualified(),
                    m.deathsReported(), m.deathsActedFirstRun(), Scorecard.percent(m.deathsActedFirstRun(), m.deathsReported()),
                    m.deathsReportedMissed(), m.livingDisqualified(), m.livingToVerify(), m.overpaidMonths(), m.overpaid()));
        }
        Scorecard.Month last = months.get(months.size() - 1);
        s.append("\nRight lost in ").append(last.month()).append(", by reason (total / disqualified / to verify / qualified):");
        last.lostByReason().forEach((reason, n) -> s.append(String.format(Locale.ROOT, " %s %d/%d/%d/%d;", reason, n[0], n[1],
                n[2], n[3])));
        s.append('\n');
        if (!last.livingDisqualifiedCases().isEmpty()) {
            s.append("\nLiving recipients disqualified in ").append(last.month()).append(" (ID/benefit, reason, evidence kind):\n");
            last.livingDisqualifiedCases().forEach(c -> s.append("- ").append(c).append('\n'));
        }
        return s.toString();
    }
}
