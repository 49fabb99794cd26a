package org.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.MonthlyVerification;
import org.vigil.certification.RecipientBaseline;
import org.vigil.certification.RecipientFixture;
import org.vigil.certification.TaskException;
import org.vigil.sharing.DeliveryFixture;
import org.vigil.sharing.agreement.AgreementIntegrationTest;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code vigil tasks} and {@code vigil ledgers export} as an operator runs them (CERT-11, CERT-12,
 * CERT-13, CERT-19): each command's work runs in the test's application, which is the path the
 * command takes once it has started one; wrong options are refused before anything starts.
 */
@AgreementIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerAndTaskCommandsTest {

    static final YearMonth JULY = YearMonth.of(2026, 7);
    static final String DISTRICT = "220204";
    static final String COMMUNITY = "220204001001";
    static final String DUE = DeliveryFixture.id(DISTRICT, LocalDate.of(1950, 7, 1), 711);
    static final String LATER = DeliveryFixture.id(DISTRICT, LocalDate.of(1941, 7, 2), 712);

    @TempDir
    static Path workspace;

    private final ApplicationContext context;

    @Autowired
    LedgerAndTaskCommandsTest(ApplicationContext context) {
        this.context = context;
    }

    @BeforeAll
    void recipientsAndRun() {
        new RecipientFixture()
                .add(DUE, "曹德明", BenefitKind.ENTERPRISE_PENSION, "2010-01-01", "2600.00", COMMUNITY, DISTRICT, null,
                        "2025-08-05")
                .add(LATER, "许秀云", BenefitKind.ENTERPRISE_PENSION, "2001-01-01", "2300.00", COMMUNITY, DISTRICT, null,
                        "2026-01-05")
                .load(context.getBean(RecipientBaseline.class), workspace);
        context.getBean(MonthlyVerification.class).verify(JULY, null);
    }

    @Test
    @Order(1)
    void cert12_tasksCreateMakesATaskPerRecipientToVerify_andAgainMakesNone() {
        Run first = run(new TasksCommand.Create(), c -> c.execute(context), "--month", "2026-07", "--district", DISTRICT);
        assertThat(first.out()).contains("Tasks of 2026-07 in district 220204: 2 on the to-be-verified list; 2 created, "
                + "0 already tasked.");

        Run again = run(new TasksCommand.Create(), c -> c.execute(context), "--month", "2026-07", "--district", DISTRICT);
        assertThat(again.out()).contains("0 created, 2 already tasked.");

        Run listed = run(new TasksCommand.ListTasks(), c -> c.execute(context, c.validate()), "--month", "2026-07",
                "--community", COMMUNITY, "--status", "open");
        assertThat(listed.out()).contains("2 task(s)", "待分派", "曹*明", DUE.substring(0, 6) + "********")
                .doesNotContain(DUE);
    }

    @Test
    @Order(2)
    void cert13_tasksAssignAndRecordKeepTheOutcomeAndItsFile_andRecordingTwiceIsRefused() throws IOException {
        long task = taskOf(DUE);
        Run assigned = run(new TasksCommand.Assign(), c -> c.execute(context), "--task", Long.toString(task), "--to", "w07");
        assertThat(assigned.out()).contains("Task " + task + " assigned to w07.");
        Run byCommunity = run(new TasksCommand.Assign(), c -> c.execute(context), "--month", "2026-07", "--community",
                COMMUNITY, "--to", "w08");
        assertThat(byCommunity.out()).contains("1 open task(s) of 2026-07 in community 220204001001 assigned to w08.");

        Path photo = workspace.resolve("visit.jpg");
        Files.write(photo, "photo bytes".getBytes(StandardCharsets.UTF_8));
        Run recorded = run(new TasksCommand.Record(), c -> c.execute(context, c.validate()), "--task", Long.toString(task),
                "--method", "home-visit", "--result", "not-reached", "--operator", "w07", "--note", "家中无人",
                "--attach", photo.toString());
        assertThat(recorded.out()).contains("kept visit.jpg (11 bytes)", "Task " + task + " recorded on 2026-06-15 by w07: "
                + "未能联系到本人 NOT_REACHED (上门认证 HOME_VISIT).");

        assertThatThrownBy(() -> run(new TasksCommand.Record(), c -> c.execute(context, c.validate()), "--task",
                Long.toString(task), "--method", "face", "--result", "confirmed-alive", "--operator", "w07"))
                .isInstanceOf(TaskException.class).hasMessageContaining("already recorded");
    }

    @Test
    @Order(3)
    void cert11_ledgersExportWritesTheDueLedgerWithItsSummary() {
        Path out = workspace.resolve("ledgers");
        Run csv = run(new LedgersCommand.Export(), c -> c.execute(context), "--month", "2026-07", "--kind", "due",
                "--format", "csv", "--out", out.toString(), "--district", DISTRICT, "--purpose", "ELIGIBILITY_CERTIFICATION");
        assertThat(csv.out()).contains("到期未认证人员台账 due of 2026-07 in district 220204: 1 line(s); 1个月内到期 1;",
                "ledger-due-2026-07-220204.csv", "ledger-due-2026-07-220204-summary.csv");
        // the server's operator gets the ledger masked and watermarked by default since DATA-9 (ADR 0032)
        String masked = DUE.substring(0, 6) + "********" + DUE.substring(14);
        assertThat(out.resolve("ledger-due-2026-07-220204.csv")).content(StandardCharsets.UTF_8)
                .contains("导出人：服务器操作员（operator:", masked, "曹*明", "1个月内到期").doesNotContain(DUE, "曹德明")
                .doesNotContain(LATER);
        // in full only when asked, on a server that does not require staff accounts (as the tests' does not)
        Run full = run(new LedgersCommand.Export(), c -> c.execute(context), "--month", "2026-07", "--kind", "due",
                "--format", "csv", "--out", out.resolve("full").toString(), "--district", DISTRICT, "--purpose",
                "ELIGIBILITY_CERTIFICATION", "--unmasked");
        assertThat(full.out()).contains("in full, watermarked");
        assertThat(out.resolve("full/ledger-due-2026-07-220204.csv")).content(StandardCharsets.UTF_8)
                .contains("导出人：服务器操作员", DUE, "曹德明");

        Run xlsx = run(new LedgersCommand.Export(), c -> c.execute(context), "--month", "2026-07", "--kind", "home-visit",
                "--format", "XLSX", "--out", out.toString(), "--district", DISTRICT, "--purpose", "HOME_VISIT");
        assertThat(xlsx.out()).contains("home-visit of 2026-07", "1 line(s)", "ledger-home-visit-2026-07-220204.xlsx");
        assertThat(out.resolve("ledger-home-visit-2026-07-220204.xlsx")).isNotEmptyFile();
    }

    @Test
    void wrongOptionsAreUsageErrors_beforeAnythingStarts() {
        assertUsage(CliRun.of("ledgers", "export", "--month", "2026-07", "--kind", "weekly", "--format", "csv", "--out", "x",
                "--purpose", "HOME_VISIT"), "--kind is due, verify or home-visit");
        assertUsage(CliRun.of("ledgers", "export", "--month", "2026-07", "--kind", "due", "--format", "pdf", "--out", "x",
                "--purpose", "HOME_VISIT"), "--format is csv or xlsx");
        assertUsage(CliRun.of("ledgers", "export", "--month", "2026-07", "--kind", "due", "--format", "csv", "--out", "x",
                "--purpose", "GOSSIP"), "--purpose");
        assertUsage(CliRun.of("exports", "fetch", "--out", "x.xlsx"), "--request");
        assertUsage(CliRun.of("tasks", "create", "--month", "2026-07", "--district", "22"), "6-digit");
        assertUsage(CliRun.of("tasks", "record", "--task", "1", "--method", "fax", "--result", "refused", "--operator",
                "w07"), "unknown verification method 'fax'");
        assertUsage(CliRun.of("tasks", "record", "--task", "1", "--method", "face", "--result", "refused", "--operator",
                "w07", "--attach", workspace.resolve("missing.jpg").toString()), "no such file to attach");
        assertUsage(CliRun.of("tasks", "assign", "--task", "1", "--month", "2026-07", "--community", COMMUNITY, "--to",
                "w07"), "mutually exclusive");
        assertUsage(CliRun.of("tasks", "assign", "--month", "2026-07", "--community", "2202", "--to", "w07"), "12-digit");
        assertThat(CliRun.of("tasks", "--help").out()).contains("create", "assign", "record", "list");
    }

    private long taskOf(String idNumber) {
        Run listed = run(new TasksCommand.ListTasks(), c -> c.execute(context, c.validate()), "--month", "2026-07",
                "--community", COMMUNITY);
        String masked = idNumber.substring(0, 6) + "********" + idNumber.substring(14);
        Matcher m = Pattern.compile("^\\s*(\\d+)\\s.*" + Pattern.quote(masked), Pattern.MULTILINE).matcher(listed.out());
        assertThat(m.find()).as(listed.out()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static void assertUsage(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }

    record Run(String out) {
    }

    /** Parses the options as picocli does and runs the command's work in the test's application. */
    private static <C> Run run(C command, ToIntFunction<C> work, String... args) {
        CommandLine cli = new CommandLine(command);
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.parseArgs(args);
        assertThat(work.applyAsInt(command)).isZero();
        return new Run(out.toString());
    }
}
