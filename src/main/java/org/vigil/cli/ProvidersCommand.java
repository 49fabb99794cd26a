package org.vigil.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.identity.RegionDirectory;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.ExpiringAgreement;
import org.vigil.sharing.agreement.Provider;
import org.vigil.sharing.agreement.ProviderRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The provider registry and its agreements from the command line (SHARE-1, SHARE-2): who
 * delivers what, and which agreements must be renewed soon. Reads the database, so it starts the
 * application without the web server.
 */
@Command(name = "providers", mixinStandardHelpOptions = true,
        description = "List data providers and the data-use agreements that run out soon.",
        subcommands = {ProvidersCommand.ListProviders.class, ProvidersCommand.Expiring.class})
final class ProvidersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: list or expiring");
    }

    @Allowed(Permission.SHARING_VIEW)
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every registered provider: level, division, feeds, liaisons serving today, agreement in force today.")
    static final class ListProviders implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = ServerLifecycle.startWithoutWeb()) {
                LocalDate today = LocalDate.now(context.getBean(Clock.class));
                ProviderRegistry registry = context.getBean(ProviderRegistry.class);
                AgreementRegister agreements = context.getBean(AgreementRegister.class);
                PrintWriter out = spec.commandLine().getOut();
                List<Provider> providers = registry.all();
                if (providers.isEmpty()) {
                    out.println("No provider is registered.");
                    return 0;
                }
                RegionDirectory divisions = RegionDirectory.standard();
                out.printf("%-20s %-14s %-12s %-24s %5s %8s  %s%n", "provider", "level", "division", "name", "feeds",
                        "liaisons", "agreement in force on " + today);
                for (Provider p : providers) {
                    String inForce = agreements.ofProvider(p.code()).stream()
                            .filter(a -> a.inForceOn(today))
                            .map(a -> a.number() + " (to " + a.lastDayInForce() + ")")
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("none");
                    out.printf("%-20s %-14s %-12s %-24s %5d %8d  %s%n", p.code(), p.level().chinese(), p.region().value(),
                            p.name() + " " + divisions.fullName(p.region()), p.feeds().size(), p.liaisonsOn(today).size(),
                            inForce);
                }
                return 0;
            }
        }
    }

    @Allowed(Permission.SHARING_VIEW)
    @Command(name = "expiring", mixinStandardHelpOptions = true,
            description = "Agreements whose validity ends within the coming days, soonest first.")
    static final class Expiring implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--within", defaultValue = "60", paramLabel = "DAYS",
                description = "How many days ahead to look (default: ${DEFAULT-VALUE}).")
        int within;

        @Option(names = "--as-of", paramLabel = "DATE", description = "The day to look ahead from, yyyy-mm-dd (default: today).")
        LocalDate asOf;

        @Override
        public Integer call() {
            if (within < 0 || within > 3660) {
                throw new ParameterException(spec.commandLine(), "--within must be 0 to 3660 days, found " + within);
            }
            try (ConfigurableApplicationContext context = ServerLifecycle.startWithoutWeb()) {
                LocalDate from = asOf != null ? asOf : LocalDate.now(context.getBean(Clock.class));
                List<ExpiringAgreement> ending = context.getBean(AgreementRegister.class).expiring(from, Period.ofDays(within));
                PrintWriter out = spec.commandLine().getOut();
                if (ending.isEmpty()) {
                    out.println("No agreement ends within " + within + " days of " + from + ".");
                    return 0;
                }
                out.println(ending.size() + " agreement(s) end within " + within + " days of " + from + " (by "
                        + from.plusDays(within) + "):");
                for (ExpiringAgreement e : ending) {
                    out.printf("  %s  %4d day(s)  %-20s %s %s  feeds: %s  %s%n", e.validTo(), e.daysLeft(), e.number(),
                            e.providerCode(), e.providerName(), String.join(", ", e.feeds()),
                            e.renewedBy().map(n -> "renewed by " + n).orElse("NOT RENEWED"));
                }
                return 0;
            }
        }
    }
}
