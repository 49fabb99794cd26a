package org.vigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import org.vigil.certification.CertificationLists;
import org.vigil.certification.CertifiedNovember;
import org.vigil.certification.ListExport;
import org.vigil.certification.MonthlyVerification;
import org.vigil.certification.RecipientBaseline;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditLog;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.StaffRole;
import org.vigil.governance.disclosure.DisclosureIntegrationTest;
import org.vigil.governance.disclosure.DisclosureRefusedException;
import org.vigil.governance.disclosure.Exports;
import org.vigil.governance.disclosure.Purpose;
import org.vigil.registry.RegistryBaseline;
import org.vigil.runtime.SettableClock;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command line's exports under the control the API's are under (DATA-9, ADR 0032): signed in
 * as a staff account, {@code lists export} and {@code ledgers export} are export requests of that
 * account, whose file is the API's (masked, watermarked, recorded and audited); a request that needs
 * approval waits and {@code exports fetch} writes it once approved, once. Without an account the
 * server's operator gets masked files watermarked with the operating-system user. The commands' work
 * runs in the test's application (the disclosure tests' one: approval above 10 rows), as the signed-in
 * account {@link CommandAccess#actAs} binds, which is what {@code signIn} does after the password and
 * second factor.
 */
@DisclosureIntegrationTest
class CommandLineExportTest {

    static final StaffPrincipal OFFICER = new StaffPrincipal(9301, "cli.export.officer", "船营区经办人李明",
            StaffRole.DISTRICT_OFFICER, CertifiedNovember.DISTRICT, null);
    static final StaffPrincipal ASKS_IN_FULL = new StaffPrincipal(9302, "cli.export.full", "船营区经办人陈静",
            StaffRole.DISTRICT_OFFICER, CertifiedNovember.DISTRICT, null);
    static final StaffPrincipal APPROVER = new StaffPrincipal(9303, "cli.export.admin", "市级业务管理员郑伟",
            StaffRole.CITY_ADMINISTRATOR, "220200", null);

    @TempDir
    static Path workspace;

    private final ApplicationContext context;
    private final AuditLog audit;
    private final SettableClock clock;

    @Autowired
    CommandLineExportTest(ApplicationContext context, AuditLog audit, SettableClock clock) {
        this.context = context;
        this.audit = audit;
        this.clock = clock;
    }

    @BeforeEach
    void november(@Autowired RecipientBaseline recipients, @Autowired RegistryBaseline registry,
            @Autowired MonthlyVerification verification, @Autowired CertificationLists lists) {
        clock.set(DisclosureIntegrationTest.MORNING);
        CertifiedNovember.ensure(recipients, registry, verification, lists, workspace);
    }

    @Test
    void data9_aCommandLineExportIsAnExportRequestOfTheSignedInAccount_watermarkedAndMasked() throws Exception {
        Path out = workspace.resolve("officer");
        Run run;
        try (var signedIn = CommandAccess.actAs(OFFICER)) {
            run = run(new ListsCommand.Export(), c -> c.execute(context), "--month", "2026-11", "--format", "xlsx",
                    "--out", out.toString(), "--district", CertifiedNovember.DISTRICT, "--purpose",
                    "ELIGIBILITY_CERTIFICATION", "--note", "11月名单下发社区");
        }
        assertThat(run.exitCode()).isZero();
        String number = number(run.out());
        assertThat(run.out()).contains("approved at once", "5 row(s)", "masked, watermarked");
        Path file = out.resolve("certification-2026-11-220204-" + number + ".xlsx");
        assertThat(out).isDirectoryContaining(p -> p.equals(file));
        try (var files = Files.list(out)) {
            assertThat(files).as("nothing but the file, no partial one").containsExactly(file);
        }

        String watermark = "导出人：船营区经办人李明（cli.export.officer）；时间：2026-12-02 09:00:00；用途：待遇领取资格认证"
                + "（11月名单下发社区）；编号：" + number;
        Map<String, List<List<String>>> sheets = sheets(file);
        assertThat(sheets.keySet()).containsExactly("汇总", "具备领取资格", "丧失领取资格", "待核实");
        sheets.forEach((name, rows) -> assertThat(rows.get(0).get(0)).as("the first row of " + name).isEqualTo(watermark));
        List<String> ids = new ArrayList<>();
        for (String list : List.of("具备领取资格", "丧失领取资格", "待核实")) {
            List<List<String>> rows = sheets.get(list);
            rows.subList(2, rows.size()).forEach(r -> ids.add(r.get(6)));
        }
        assertThat(ids).hasSize(5).allSatisfy(v -> assertThat(v).matches("220204\\*{8}[0-9]{3}[0-9X]"));

        long id = Long.parseLong(number.substring("EXP-".length()));
        String sha256 = sha256(file);
        assertThat(run.out()).contains(sha256);
        assertThat(audit.recent(Optional.of(OFFICER.username()), Optional.of("export:" + id), 10)).first()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.EXPORT);
                    assertThat(e.purpose()).isEqualTo("ELIGIBILITY_CERTIFICATION");
                    assertThat(e.detail()).containsEntry("sha256", sha256).containsEntry("rows", "5")
                            .containsEntry("watermark", watermark).containsEntry("unmasked", "false")
                            .containsEntry("approvedBy", "system:threshold");
                });

        // the controlled file is the workbook: a CSV is refused before any request is made
        try (var signedIn = CommandAccess.actAs(OFFICER)) {
            assertThatThrownBy(() -> run(new ListsCommand.Export(), c -> c.execute(context), "--month", "2026-11",
                    "--format", "csv", "--out", out.toString(), "--purpose", "HOME_VISIT"))
                    .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--format xlsx");
        }
    }

    @Test
    void data9_aCommandLineExportThatNeedsApprovalWaits_thenFetchWritesItOnce() throws Exception {
        Path out = workspace.resolve("in-full");
        Run asked;
        try (var signedIn = CommandAccess.actAs(ASKS_IN_FULL)) {
            asked = run(new LedgersCommand.Export(), c -> c.execute(context), "--month", "2026-11", "--kind", "verify",
                    "--format", "xlsx", "--out", out.toString(), "--purpose", "HOME_VISIT", "--unmasked");
        }
        assertThat(asked.exitCode()).isEqualTo(CommandLineExports.PENDING);
        String number = number(asked.out());
        long id = Long.parseLong(number.substring("EXP-".length()));
        assertThat(asked.out()).contains("waits for approval", "vigil exports fetch --request " + id);
        assertThat(out).doesNotExist();

        Path fetched = workspace.resolve("home-visits.xlsx");
        try (var signedIn = CommandAccess.actAs(ASKS_IN_FULL)) {
            assertThatThrownBy(() -> run(new ExportsCommand.Fetch(), c -> c.execute(context), "--request",
                    Long.toString(id), "--out", fetched.toString())).isInstanceOf(DisclosureRefusedException.class)
                    .hasMessageContaining("waits for approval");
        }
        assertThat(fetched).doesNotExist();

        context.getBean(Exports.class).approve(APPROVER, id, "同意，用后销毁");
        assertThatThrownBy(() -> run(new ExportsCommand.Fetch(), c -> c.execute(context), "--request",
                Long.toString(id), "--out", fetched.toString())).as("without an account there is nobody's request")
                .isInstanceOf(CommandAccess.Refused.class);
        Run got;
        try (var signedIn = CommandAccess.actAs(ASKS_IN_FULL)) {
            got = run(new ExportsCommand.Fetch(), c -> c.execute(context), "--request", Long.toString(id), "--out",
                    fetched.toString());
        }
        assertThat(got.exitCode()).isZero();
        assertThat(got.out()).contains(number, "in full", sha256(fetched));
        List<List<String>> ledger = sheets(fetched).get("待核实人员台账");
        assertThat(ledger.get(0).get(0)).startsWith("导出人：船营区经办人陈静（cli.export.full）").endsWith("编号：" + number);
        List<String> ids = ledger.subList(2, ledger.size()).stream().map(r -> r.get(6)).toList();
        assertThat(ids).isNotEmpty().allSatisfy(v -> assertThat(CertifiedNovember.IDS).contains(v));
        assertThat(audit.recent(Optional.of(ASKS_IN_FULL.username()), Optional.of("export:" + id), 10)).first()
                .satisfies(e -> assertThat(e.detail()).containsEntry("unmasked", "true")
                        .containsEntry("sha256", sha256(fetched)).containsEntry("approvedBy", APPROVER.username()));

        // once: a further file needs a new request, and the one written stays as it was
        byte[] before = Files.readAllBytes(fetched);
        try (var signedIn = CommandAccess.actAs(ASKS_IN_FULL)) {
            assertThatThrownBy(() -> run(new ExportsCommand.Fetch(), c -> c.execute(context), "--request",
                    Long.toString(id), "--out", fetched.toString())).isInstanceOf(DisclosureRefusedException.class);
        }
        assertThat(Files.readAllBytes(fetched)).isEqualTo(before);
        try (var files = Files.list(workspace)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void data9_theOperatorsExportIsMaskedAndWatermarkedWithTheOperatingSystemUser_andAudited() throws Exception {
        Path out = workspace.resolve("operator");
        Run run = run(new ListsCommand.Export(), c -> c.execute(context), "--month", "2026-11", "--format", "xlsx",
                "--out", out.toString(), "--district", CertifiedNovember.DISTRICT, "--purpose", "OVERPAYMENT_RECOVERY");
        assertThat(run.exitCode()).isZero();
        Path file = out.resolve("certification-2026-11-220204.xlsx");
        String user = System.getProperty("user.name");
        String watermark = "导出人：服务器操作员（operator:" + user + "）；时间：2026-12-02 09:00:00；用途：追回多发待遇"
                + "；编号：无（服务器操作员导出，未经申请）";
        Map<String, List<List<String>>> sheets = sheets(file);
        sheets.forEach((name, rows) -> assertThat(rows.get(0).get(0)).as("the first row of " + name).isEqualTo(watermark));
        List<List<String>> toVerify = sheets.get("待核实");
        assertThat(toVerify.subList(2, toVerify.size())).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get(6)).matches("220204\\*{8}[0-9]{3}[0-9X]"));

        assertThat(audit.recent(Optional.of("cli:" + user), Optional.of("lists:2026-11/220204"), 10)).first()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.EXPORT);
                    assertThat(e.purpose()).isEqualTo("OVERPAYMENT_RECOVERY");
                    assertThat(e.detail()).containsEntry("masked", "true").containsEntry("watermark", watermark)
                            .containsEntry("files", file.getFileName() + "@" + sha256(file));
                });
    }

    @Test
    void data9_theOperatorMayNotAskForDataInFullWhereStaffAccountsAreRequired() {
        try (GenericApplicationContext production = new GenericApplicationContext()) {
            production.setEnvironment(new MockEnvironment().withProperty("vigil.cli.require-staff", "true"));
            production.refresh();
            assertThatThrownBy(() -> CommandLineExports.asOperator(production, "lists:2026-11", ListExport.Format.XLSX,
                    Purpose.HOME_VISIT, null, true, mark -> {
                        throw new AssertionError("nothing may be written");
                    })).isInstanceOf(CommandAccess.Refused.class).hasMessageContaining("development");
        }
    }

    record Run(int exitCode, String out) {
    }

    /** Parses the options as picocli does and runs the command's work in the test's application. */
    private static <C> Run run(C command, ToIntFunction<C> work, String... args) {
        CommandLine cli = new CommandLine(command);
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.parseArgs(args);
        int code = work.applyAsInt(command);
        return new Run(code, out.toString());
    }

    private static String number(String out) {
        Matcher m = Pattern.compile("EXP-[0-9]{6}").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group();
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Every sheet's rows as text, in order, by sheet name. */
    private static Map<String, List<List<String>>> sheets(Path file) throws IOException {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            for (Sheet sheet : wb.getSheets().toList()) {
                List<List<String>> rows = new ArrayList<>();
                try (Stream<Row> stream = sheet.openStream()) {
                    stream.forEach(r -> {
                        List<String> cells = new ArrayList<>();
                        for (int c = 0; c < r.getCellCount(); c++) {
                            cells.add(r.getCellText(c));
                        }
                        rows.add(cells);
                    });
                }
                sheets.put(sheet.getName(), rows);
            }
        }
        return sheets;
    }
}
