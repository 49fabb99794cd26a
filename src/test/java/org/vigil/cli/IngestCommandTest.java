package org.vigil.cli;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vigil.sharing.agreement.AgreementDraft;
import org.vigil.sharing.agreement.AgreementIntegrationTest;
import org.vigil.sharing.agreement.AgreementPurpose;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.FeedSetting;
import org.vigil.sharing.agreement.ProviderLevel;
import org.vigil.sharing.agreement.ProviderRegistration;
import org.vigil.sharing.agreement.ProviderRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line door (SHARE-6): {@code vigil ingest} against the test's database applies a
 * file, recognises it the second time, exits 1 for a refusal and 2 for a file that is not there.
 */
@AgreementIntegrationTest
class IngestCommandTest {

    private static final String DEATHS = "death.police_deregistration";

    @TempDir
    Path workspace;

    /**
     * The keys of this test's application, which the command's own start shares, as it does in
     * production (one var/keys): the vault holds the persons of every delivery sealed under them,
     * and the command's ingestion opens them (DATA-15).
     */
    static final Path KEYS = keysFolder();

    @DynamicPropertySource
    static void sharedKeys(DynamicPropertyRegistry registry) {
        registry.add("vigil.keys.dir", KEYS::toString);
    }

    private static Path keysFolder() {
        try {
            return Files.createTempDirectory("vigil-test-keys-cli-");
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final ProviderRegistry providers;
    private final AgreementRegister agreements;
    private final DataSource dataSource;

    @Autowired
    IngestCommandTest(ProviderRegistry providers, AgreementRegister agreements, DataSource dataSource) {
        this.providers = providers;
        this.agreements = agreements;
        this.dataSource = dataSource;
    }

    @Test
    void share6_ingestAppliesAFileOnce_andExitsOneWhenRefused() throws Exception {
        providers.register(new ProviderRegistration("cli_ingest", "吉林市公安局", ProviderLevel.CITY, "220200"));
        providers.configureFeed("cli_ingest", new FeedSetting(DEATHS, null, Map.of()));
        agreements.record(new AgreementDraft("CLI-INGEST", "cli_ingest", "吉林市社会医疗保险管理局", LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 1, 1), LocalDate.of(2099, 12, 31), List.of(DEATHS), Set.of(AgreementPurpose.FRAUD_PREVENTION)));
        Path file = workspace.resolve("deaths.csv");
        Files.write(file, "姓名,公民身份号码,死亡日期\r\n王秀英,220202194102030028,20260501\r\n".getBytes(Charset.forName("GB18030")));
        String[] args = {"ingest", "--provider", "cli_ingest", "--feed", DEATHS, "--month", "2026-05", "--as-of", "2026-05-31",
            file.toString()};

        CliRun first = againstTestDatabase(args);
        CliRun second = againstTestDatabase(args);
        CliRun refused = againstTestDatabase("ingest", "--provider", "cli_ingest", "--feed", "life.rail", "--as-of",
                "2026-05-31", file.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("deaths.csv: delivery", "APPLIED", "1 rows: 1 accepted");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("ALREADY_APPLIED");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("REFUSED", "cli_ingest", "life.rail");
    }

    @Test
    void aFileThatIsNotThereIsAUsageError() {
        CliRun missing = CliRun.of("ingest", "--provider", "p", "--feed", DEATHS, workspace.resolve("nope.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("vigil ingest: no such file");
    }

    /** Runs the command with the test's database as its external database and a temporary raw store. */
    private CliRun againstTestDatabase(String... args) throws Exception {
        return CliRun.against(dataSource, Map.of("vigil.sharing.raw-dir", workspace.resolve("raw").toString(),
                "vigil.keys.dir", KEYS.toString()), args);
    }
}
