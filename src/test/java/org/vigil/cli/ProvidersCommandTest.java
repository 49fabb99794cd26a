package org.vigil.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.sharing.agreement.AgreementDraft;
import org.vigil.sharing.agreement.AgreementIntegrationTest;
import org.vigil.sharing.agreement.AgreementPurpose;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.FeedSetting;
import org.vigil.sharing.agreement.LiaisonAppointment;
import org.vigil.sharing.agreement.ProviderLevel;
import org.vigil.sharing.agreement.ProviderRegistration;
import org.vigil.sharing.agreement.ProviderRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vigil providers list} and {@code vigil providers expiring} as an operator runs them: the
 * command starts its own application against the test's PostgreSQL (as against an external
 * database) and prints what the registry and the register hold.
 */
@AgreementIntegrationTest
class ProvidersCommandTest {

    private static final String DEATHS = "death.police_deregistration";

    private final ProviderRegistry providers;
    private final AgreementRegister agreements;
    private final DataSource dataSource;

    @Autowired
    ProvidersCommandTest(ProviderRegistry providers, AgreementRegister agreements, DataSource dataSource) {
        this.providers = providers;
        this.agreements = agreements;
        this.dataSource = dataSource;
    }

    @Test
    void share1_listShowsEachProviderWithItsLiaisonsAndTheAgreementInForce() throws Exception {
        providers.register(new ProviderRegistration("cli_police", "吉林市公安局", ProviderLevel.CITY, "220200"));
        providers.configureFeed("cli_police", new FeedSetting(DEATHS, null, Map.of()));
        providers.appointLiaison("cli_police", new LiaisonAppointment("王建国", "科长", "13812345678", LocalDate.of(2020, 1, 1)));
        // valid on whatever day the command runs: it uses the real clock
        agreements.record(new AgreementDraft("CLI-LONG", "cli_police", "吉林市社会医疗保险管理局", LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 1, 1), LocalDate.of(2099, 12, 31), List.of(DEATHS), Set.of(AgreementPurpose.FRAUD_PREVENTION)));

        CliRun run = againstTestDatabase("providers", "list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String line = run.out().lines().filter(l -> l.startsWith("cli_police")).findFirst().orElseThrow();
        assertThat(line).contains("市级", "220200", "吉林市公安局", "CLI-LONG (to 2099-12-31)");
        assertThat(line).containsPattern("\\s1\\s+1\\s");
    }

    @Test
    void share2_expiringListsWhatEndsWithinTheWindowAndSaysWhetherItIsRenewed() throws Exception {
        providers.register(new ProviderRegistration("cli_civil", "吉林市民政局", ProviderLevel.CITY, "220200"));
        providers.configureFeed("cli_civil", new FeedSetting("death.cremation", null, Map.of()));
        agreements.record(new AgreementDraft("CLI-2032", "cli_civil", "吉林市社会医疗保险管理局", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 1), LocalDate.of(2032, 1, 20), List.of("death.cremation"),
                Set.of(AgreementPurpose.FRAUD_PREVENTION)));

        CliRun within = againstTestDatabase("providers", "expiring", "--as-of", "2032-01-01", "--within", "30");
        assertThat(within.exitCode()).as(within.err()).isZero();
        assertThat(within.out()).contains("2032-01-20", "19 day(s)", "CLI-2032", "cli_civil", "death.cremation", "NOT RENEWED");

        CliRun before = againstTestDatabase("providers", "expiring", "--as-of", "2032-01-01", "--within", "18");
        assertThat(before.exitCode()).isZero();
        assertThat(before.out()).doesNotContain("CLI-2032");
    }

    @Test
    void aNegativeOrNonNumericWindowIsAUsageError() {
        CliRun negative = CliRun.of("providers", "expiring", "--within", "-1");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).startsWith("vigil providers expiring: --within must be 0 to 3660 days");

        CliRun words = CliRun.of("providers", "expiring", "--within", "sixty");
        assertThat(words.exitCode()).isEqualTo(2);

        CliRun none = CliRun.of("providers");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("vigil providers: a subcommand is required");
    }

    /** Runs the command with the test's database as its external database. */
    private CliRun againstTestDatabase(String... args) throws Exception {
        return CliRun.against(dataSource, Map.of(), args);
    }
}
