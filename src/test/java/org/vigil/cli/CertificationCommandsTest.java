package org.vigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.PolicyBook;
import org.vigil.certification.RecipientBaseline;
import org.vigil.certification.RecipientFixture;
import org.vigil.sharing.DeliveryFixture;
import org.vigil.sharing.DeliveryIngestion;
import org.vigil.sharing.DeliveryReport;
import org.vigil.sharing.agreement.AgreementIntegrationTest;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.ProviderRegistry;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code vigil verify}, {@code vigil lists export} and {@code vigil explain} as an operator runs
 * them (CERT-6, CERT-7, CERT-19). One run starts the application against the test's database, as
 * the command does; the others are given the test's application, which is the same code path once
 * the application is up, so the suite does not pay for a start per command.
 */
@AgreementIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificationCommandsTest {

    static final YearMonth MAY = YearMonth.of(2026, 5);
    static final String DEAD = DeliveryFixture.id("220202", LocalDate.of(1943, 5, 1), 901);
    static final String ALIVE = DeliveryFixture.id("220202", LocalDate.of(1947, 5, 2), 902);

    @TempDir
    static Path workspace;

    /**
     * The keys of this test's application. The command's own start must hold the same ones, as it
     * does in production (one var/keys): ingestion records the persons of the deliveries in the
     * vault, sealed under these keys, and the command opens them (DATA-15).
     */
    static final Path KEYS = keysFolder();

    @DynamicPropertySource
    static void sharedKeys(DynamicPropertyRegistry registry) {
        registry.add("vigil.keys.dir", KEYS::toString);
    }

    private static Path keysFolder() {
        try {
            return java.nio.file.Files.createTempDirectory("vigil-test-keys-cli-");
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final ApplicationContext context;
    private final DataSource dataSource;
    private DeliveryReport police;

    @Autowired
    CertificationCommandsTest(ApplicationContext context, DataSource dataSource) {
        this.context = context;
        this.dataSource = dataSource;
    }

    @BeforeAll
    void recipientsAndEvidence() {
        new RecipientFixture()
                .add(DEAD, "周桂芳", BenefitKind.ENTERPRISE_PENSION, "2004-01-01", "2980.00", "220202001001", "220202", null,
                        "2025-09-01")
                .add(ALIVE, "吴振华", BenefitKind.RESIDENT_PENSION, "2012-01-01", "215.00", "220202002001", "220202", null,
                        "2025-07-01")
                .load(context.getBean(RecipientBaseline.class), workspace);
        DeliveryFixture deliveries = new DeliveryFixture(context.getBean(DeliveryIngestion.class),
                context.getBean(ProviderRegistry.class), context.getBean(AgreementRegister.class), workspace);
        deliveries.provider("cc_police", "death.police_deregistration");
        deliveries.provider("cc_bank", "life.bank_counter");
        police = deliveries.deliver("cc_police", "death.police_deregistration", MAY, "姓名,公民身份号码,死亡日期",
                "周桂芳," + DEAD + ",2026-05-03");
        deliveries.deliver("cc_bank", "life.bank_counter", MAY, bankHeader(), "吴振华," + ALIVE + ",2026-05-11");
    }

    @Test
    void cert6_verifyRunsTheMonthAndPrintsTheThreeLists_andARepeatChangesNothing() throws Exception {
        Run first = againstTestDatabase(new VerifyCommand(), "--month", "2026-05");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Verified 2026-05 as of 2026-05-24 under policy 2026.1", "具备领取资格 qualified",
                "丧失领取资格 disqualified", "待核实 to be verified");

        Run again = inContext(new VerifyCommand(), c -> c.execute(context, c.validate()), "--month", "2026-05",
                "--as-of", "2026-05-24");
        assertThat(again.out()).contains("0 row(s) changed (the stored month already said this)", "revision 1");
    }

    @Test
    void cert19_explainGivesTheListReasonsArticleEvidenceAndPeriod() {
        verified();
        Run explained = inContext(new ExplainCommand(), c -> c.execute(context), "--person", DEAD, "--month", "2026-05");
        assertThat(explained.out()).contains(DEAD, "周*芳", "2026-05 (核验基准日 as of 2026-05-24",
                "丧失领取资格 disqualified", "死亡 / death — 第十八条", "公安户籍死亡注销 (death.police_deregistration) on 2026-05-03",
                "丧失资格日期 loss from:  2026-05-03",
                "provider cc_police, feed death.police_deregistration, delivery " + police.deliveryId() + ", row 2",
                "220202 昌邑区", "按居住地");

        Run alive = inContext(new ExplainCommand(), c -> c.execute(context), "--person", ALIVE, "--month", "2026-05");
        assertThat(alive.out()).contains("具备领取资格 qualified", "有生存迹象 / sign of life since the period started — 第十七条",
                "认证期满 period end:     2027-05-11", "life.bank_counter");

        assertThatThrownBy(() -> inContext(new ExplainCommand(), c -> c.execute(context), "--person", wrongCheckDigit(DEAD),
                "--month", "2026-05")).isInstanceOf(CommandLine.ParameterException.class);
    }

    /**
     * Run by the server's operator (no staff account), the files are masked and carry the
     * operator's watermark on their first line since DATA-9 (ADR 0032): the disqualified list
     * names 周桂芳 as 周*芳 and her ID number with its middle eight digits hidden.
     */
    @Test
    void cert7_listsExportWritesCsvAndXlsx() throws IOException {
        verified();
        Path out = workspace.resolve("lists");
        Run csv = inContext(new ListsCommand.Export(), c -> c.execute(context), "--month", "2026-05", "--format", "CSV",
                "--out", out.toString(), "--purpose", "ELIGIBILITY_CERTIFICATION");
        assertThat(csv.out()).contains("Lists of 2026-05:", "certification-2026-05-disqualified.csv",
                "certification-2026-05-summary.csv", "masked and watermarked");
        assertThat(out.resolve("certification-2026-05-disqualified.csv")).content(StandardCharsets.UTF_8)
                .startsWith("\uFEFF导出人：服务器操作员（operator:" + System.getProperty("user.name"))
                .contains("周*芳", DEAD.substring(0, 6) + "********" + DEAD.substring(14), "身份证号")
                .doesNotContain(DEAD, "周桂芳");

        Run xlsx = inContext(new ListsCommand.Export(), c -> c.execute(context), "--month", "2026-05", "--format", "xlsx",
                "--out", out.toString(), "--district", "220202", "--purpose", "HOME_VISIT");
        assertThat(xlsx.out()).contains("in district 220202", "certification-2026-05-220202.xlsx");
        assertThat(out.resolve("certification-2026-05-220202.xlsx")).isNotEmptyFile();
    }

    @Test
    void cert3_aDryRunShowsWhoWouldChangeListAndTheAmounts() throws IOException {
        verified();
        String shipped;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(PolicyBook.DEFAULT)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file = workspace.resolve("no-bank.yml");
        Files.writeString(file, shipped.replace("version: \"2026.1\"", "version: \"2026.9-test\"")
                .replace("      - {kind: life.bank_counter, title: 本人办理银行业务, effect: ALIVE, strength: CONCLUSIVE}\n", ""));

        Run dry = inContext(new VerifyCommand(), c -> c.execute(context, c.validate()), "--month", "2026-05", "--dry-run",
                "--policy", file.toString());

        assertThat(dry.out()).contains("Dry run of policy 2026.9-test (no-bank.yml) for 2026-05 as of 2026-05-24",
                "Nothing was stored", "具备领取资格 → 待核实", "¥215.00", "吴*华");
    }

    @Test
    void wrongOptionsAreUsageErrors() {
        assertThat(usage(new VerifyCommand(), "--month", "2026-05", "--as-of", "2026-06-01")).contains("is not in --month");
        assertThat(usage(new VerifyCommand(), "--month", "2026-05", "--dry-run")).contains("go together");
        assertThat(usage(new VerifyCommand(), "--month", "2026-05", "--dry-run", "--policy", "nope.yml"))
                .contains("no such policy file");
        assertThat(usage(new ListsCommand.Export(), "--month", "2026-05", "--format", "pdf", "--out", "x", "--purpose",
                "HOME_VISIT")).contains("--format is csv or xlsx");
        assertThat(usage(new ListsCommand.Export(), "--month", "2026-05", "--format", "csv", "--out", "x", "--district",
                "22", "--purpose", "HOME_VISIT")).contains("6-digit");
        assertThat(usage(new ListsCommand.Export(), "--month", "2026-05", "--format", "csv", "--out", "x"))
                .as("an export states why").contains("--purpose");
    }

    private void verified() {
        inContext(new VerifyCommand(), c -> c.execute(context, c.validate()), "--month", "2026-05");
    }

    private static String wrongCheckDigit(String id) {
        return id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
    }

    private static String bankHeader() {
        return "客户姓名,证件号码,交易日期";
    }

    record Run(int exitCode, String out, String err) {
    }

    /** Parses the options as picocli does and runs the command's work in the test's application. */
    private static <C> Run inContext(C command, ToIntFunction<C> work, String... args) {
        CommandLine cli = new CommandLine(command);
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.parseArgs(args);
        int code = work.applyAsInt(command);
        return new Run(code, out.toString(), "");
    }

    /** Runs the command as the {@code vigil} command would, exit code included, without starting anything. */
    private static String usage(Callable<Integer> command, String... args) {
        CommandLine cli = new CommandLine(command);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setExecutionStrategy(parsed -> {
            if (command instanceof VerifyCommand v) {
                v.validate();
            }
            else if (command instanceof ListsCommand.Export e) {
                e.validate();
            }
            return 0;
        });
        assertThat(cli.execute(args)).isEqualTo(2);
        return err.toString();
    }

    /** Runs the command with its own application start, against the test's database as an external one. */
    private Run againstTestDatabase(Callable<Integer> command, String... args) throws Exception {
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        // the vault's sealed ID numbers open only with this context's keys (DATA-15)
        Map<String, String> settings = Map.of("vigil.db.url", url, "vigil.db.user", "postgres", "vigil.db.password", "",
                "vigil.sharing.raw-dir", workspace.resolve("raw").toString(), "vigil.keys.dir", KEYS.toString());
        settings.forEach(System::setProperty);
        try {
            CommandLine cli = new CommandLine(command);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args);
            return new Run(code, out.toString(), err.toString());
        }
        finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }
}
