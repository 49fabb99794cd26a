package org.vigil.sharing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.VigilApplication;
import org.vigil.registry.RegistryBaseline;
import org.vigil.sharing.agreement.AgeScope;
import org.vigil.sharing.agreement.AgreementDraft;
import org.vigil.sharing.agreement.AgreementPurpose;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.FeedSetting;
import org.vigil.sharing.agreement.ProviderLevel;
import org.vigil.sharing.agreement.ProviderRegistration;
import org.vigil.sharing.agreement.ProviderRegistry;

/**
 * A child process for {@link IngestionCrashTest}: starts Vigil against the test's database (the
 * {@code vigil.db.*} system properties) and takes in one proof-of-life file, printing the status;
 * the test kills it with SIGKILL while it writes.
 *
 * <p>Arguments: {@code FILE PROVIDER register|ingest [CITY]}; {@code register} registers the provider
 * with its feed and an agreement, and loads the generated city's persons as the registry, first.
 */
public final class CrashingIngestion {

    static final String FEED = "life.telecom";
    static final YearMonth MONTH = YearMonth.of(2026, 3);

    private CrashingIngestion() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String provider = args[1];
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VigilApplication.class)
                .web(WebApplicationType.NONE).run()) {
            if (args[2].equals("register")) {
                Path city = Path.of(args[3]);
                RegistryBaseline registry = context.getBean(RegistryBaseline.class);
                registry.loadCommunities(city.resolve("agency/communities.csv"));
                registry.loadPersons(city.resolve("agency/persons.csv"));
                context.getBean(ProviderRegistry.class)
                        .register(new ProviderRegistration(provider, "测试运营商", ProviderLevel.CITY, "220200"));
                context.getBean(ProviderRegistry.class).configureFeed(provider, new FeedSetting(FEED, AgeScope.EVERYONE,
                        Map.of()));
                context.getBean(AgreementRegister.class).record(new AgreementDraft("AGR-" + provider, provider, "社保局",
                        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of(FEED),
                        EnumSet.of(AgreementPurpose.ELIGIBILITY_CERTIFICATION)));
            }
            System.out.println("INGESTING");
            System.out.flush();
            DeliveryReport report = context.getBean(DeliveryIngestion.class).ingest(new DeliveryRequest(provider, FEED,
                    file, file.getFileName().toString(), MONTH, LocalDate.of(2026, 4, 5)));
            System.out.println("STATUS " + report.status() + " " + report.counts().lifeSignsWritten());
        }
        System.exit(0);
    }
}
