package org.vigil.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.certification.CertificationLists;
import org.vigil.certification.ListCounts;
import org.vigil.certification.ListQuery;
import org.vigil.certification.MonthlyRunResult;
import org.vigil.certification.MonthlyVerification;
import org.vigil.certification.SuspensionBatches;
import org.vigil.governance.ConfidentialityAgreement;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.NewStaffAccount;
import org.vigil.governance.StaffDirectory;
import org.vigil.governance.StaffRole;
import org.vigil.identity.Region;
import org.vigil.identity.RegionCode;
import org.vigil.identity.RegionDirectory;
import org.vigil.identity.ResidentId;
import org.vigil.simulator.CityGenerator;
import org.vigil.simulator.CitySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/**
 * The main job on the embedded default: a synthetic city generated once, its registry basics
 * loaded into PostgreSQL, its departments' files taken in through the ingestion pipeline, the
 * latest month verified (the three lists), the console served.
 */
@Allowed(Permission.SESSION)
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate a small synthetic city if there is none, load it into PostgreSQL and serve the console.")
final class DemoCommand implements Callable<Integer> {

    /** The demo's staff account; a real agency opens accounts with vigil staff open. */
    static final String DEMO_USER = "demo.officer";
    /** The demo officer's confidentiality agreement (DATA-14): the demo is a site like any other. */
    static final ConfidentialityAgreement DEMO_AGREEMENT = new ConfidentialityAgreement(LocalDate.of(2026, 1, 5),
            "DEMO-BM-0001");
    static final String DEMO_PASSWORD = "Vigil-demo-2026!";


    @Spec
    CommandSpec spec;

    @Option(names = "--city", defaultValue = "var/city", description = "Folder of the synthetic city (default: ${DEFAULT-VALUE}).")
    Path city;

    @Option(names = "--residents", defaultValue = "50000", description = "Residents of a newly generated city (default: ${DEFAULT-VALUE}).")
    int residents;

    @Option(names = "--months", defaultValue = "3", description = "Months of feeds of a newly generated city (default: ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of a newly generated city (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", defaultValue = "2026-09", description = "First month of a newly generated city (default: ${DEFAULT-VALUE}).")
    YearMonth start;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() {
        if (!CityGenerator.isCurrent(city)) {
            if (Files.exists(city.resolve(CityBaselineLoader.MANIFEST))) {
                out().println("The city in " + city + " was written by an earlier generator; generating it again.");
            }
            out().println("Generating a synthetic city of " + residents + " residents in " + city + " …");
            out().println(new CityGenerator().generate(new CitySpec(residents, months, seed, start, city)).describe());
        }
        ConfigurableApplicationContext context = ServerLifecycle.startWeb(port);
        try {
            CityBaselineLoader loader = context.getBean(CityBaselineLoader.class);
            loader.load(city).forEach(line -> out().println("  " + line));
            out().println("Taking in the departments' files, month by month …");
            context.getBean(CityFeedsLoader.class).load(city).forEach(line -> out().println("  " + line));
            CityFeedsLoader.latestMonth(city).ifPresent(month -> {
                verify(context, month);
                suspensions(context, month);
            });
        } catch (RuntimeException e) {
            // a demo that failed to load must not keep serving half a city
            ServerLifecycle.stop(context);
            throw e;
        }
        out().println();
        out().println("Vigil is serving at " + ServerLifecycle.url(context));
        demoLogin(context);
        out().println("Stop with Ctrl-C; the data stays in var/ for the next start.");
        return 0;
    }

    /**
     * The console needs a staff session: a city officer for the demo, whose second factor is made
     * new at every start, since a secret is shown only once (ADR 0024).
     */
    private void demoLogin(ConfigurableApplicationContext context) {
        StaffDirectory staff = context.getBean(StaffDirectory.class);
        StaffDirectory.OpenedAccount account;
        if (staff.find(DEMO_USER).isPresent()) {
            account = staff.resetSecondFactor(DEMO_USER, "demo");
        }
        else {
            String first17 = "22020219800101" + "000";
            ResidentId person = ResidentId.parse(first17 + ResidentId.checkDigit(first17), context.getBean(Clock.class))
                    .orElseThrow();
            account = staff.open(new NewStaffAccount(DEMO_USER, "演示经办人", person, StaffRole.CITY_OFFICER,
                    RegionCode.parse("220200").orElseThrow(), null, DEMO_AGREEMENT), DEMO_PASSWORD.toCharArray(), "demo");
        }
        out().println("Log in to the console as " + DEMO_USER + " with password " + DEMO_PASSWORD
                + " and the code of an authenticator app (e.g. FreeOTP, Google Authenticator) set up with");
        out().println("  secret " + account.totpSecret() + "   or   " + account.provisioningUri());
    }

    /** The monthly silent verification of the latest month the departments delivered, as the agency would run it. */
    private void verify(ConfigurableApplicationContext context, YearMonth month) {
        MonthlyVerification verification = context.getBean(MonthlyVerification.class);
        out().println("Verifying " + month + " (as of " + verification.defaultAsOf(month) + ") …");
        MonthlyRunResult result = verification.verify(month, null);
        VerifyCommand.print(out(), result);
        RegionDirectory regions = RegionDirectory.standard();
        for (ListCounts c : context.getBean(CertificationLists.class).counts(ListQuery.all(month),
                CertificationLists.Level.DISTRICT)) {
            String name = RegionCode.parse(c.region()).toOptional().flatMap(regions::find).map(Region::name).orElse("");
            out().printf(Locale.ROOT, "    %s %-6s  具备领取资格 %,7d  丧失领取资格 %,5d  待核实 %,7d%n", c.region(), name,
                    c.qualified(), c.disqualified(), c.toBeVerified());
        }
    }

    /**
     * The month's suspension batch (CERT-16), built and left for the districts to approve: the demo
     * shows the work the month leaves, it does not approve on anyone's behalf.
     */
    private void suspensions(ConfigurableApplicationContext context, YearMonth month) {
        out().println("Building the suspension batch of " + month + " …");
        SuspensionBatches batches = context.getBean(SuspensionBatches.class);
        SuspensionsCommand.print(out(), batches.build(month).batch());
        out().println("  (approve with: vigil suspensions approve --month " + month + " --district CODE --by OFFICER)");
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
