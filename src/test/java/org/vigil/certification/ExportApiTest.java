package org.vigil.certification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.jayway.jsonpath.JsonPath;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditLog;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.StaffRole;
import org.vigil.governance.disclosure.DisclosureIntegrationTest;
import org.vigil.registry.RegistryBaseline;
import org.vigil.runtime.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Controlled exports of the lists and ledgers over HTTP (DATA-9, DATA-10): a small export is
 * approved at once, data in full waits for a second person; the file carries its watermark on every
 * sheet, in its page headers and footers and in its properties, masks personal data unless the
 * approved request said otherwise, is produced once, and its SHA-256 is in the audit log.
 */
@DisclosureIntegrationTest
class ExportApiTest {

    static final StaffPrincipal DISTRICT = new StaffPrincipal(9201, "export.district", "船营区经办人王强",
            StaffRole.DISTRICT_OFFICER, CertifiedNovember.DISTRICT, null);
    static final StaffPrincipal SECOND = new StaffPrincipal(9203, "export.second", "船营区经办人赵敏",
            StaffRole.DISTRICT_OFFICER, CertifiedNovember.DISTRICT, null);
    static final StaffPrincipal ADMINISTRATOR = new StaffPrincipal(9202, "export.admin", "市级业务管理员孙涛",
            StaffRole.CITY_ADMINISTRATOR, "220200", null);

    @TempDir
    static Path workspace;

    private final MockMvc mvc;
    private final AuditLog audit;
    private final SettableClock clock;

    @Autowired
    ExportApiTest(MockMvc mvc, AuditLog audit, SettableClock clock) {
        this.mvc = mvc;
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
    void data9_exportFileCarriesItsWatermarkAndIsRecorded() throws Exception {
        MvcResult requested = mvc.perform(post("/api/exports").with(as(DISTRICT)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"kind":"LIST","month":"2026-11","district":"220204",
                                 "purpose":"ELIGIBILITY_CERTIFICATION","note":"11月名单下发社区"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.estimatedRows").value(5))
                .andExpect(jsonPath("$.unmasked").value(false)).andReturn();
        long id = ((Number) JsonPath.read(requested.getResponse().getContentAsString(), "$.id")).longValue();
        String number = JsonPath.read(requested.getResponse().getContentAsString(), "$.number");

        clock.set(DisclosureIntegrationTest.MORNING.plusSeconds(90));
        MvcResult got = mvc.perform(get("/api/exports/{id}/file", id).with(as(DISTRICT)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        containsString("certification-2026-11-220204-" + number + ".xlsx")))
                .andExpect(header().string("Cache-Control", containsString("no-store"))).andReturn();
        byte[] file = got.getResponse().getContentAsByteArray();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        assertThat(got.getResponse().getHeader("Repr-Digest"))
                .isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":");

        String watermark = "导出人：船营区经办人王强（export.district）；时间：2026-12-02 09:01:30；用途：待遇领取资格认证"
                + "（11月名单下发社区）；编号：" + number;
        Map<String, List<List<String>>> sheets = sheets(file);
        assertThat(sheets.keySet()).containsExactly("汇总", "具备领取资格", "丧失领取资格", "待核实");
        sheets.forEach((name, rows) -> assertThat(rows.get(0).get(0)).as("the first row of " + name)
                .isEqualTo(watermark));
        List<String> ids = new ArrayList<>();
        for (String list : List.of("具备领取资格", "丧失领取资格", "待核实")) {
            List<List<String>> rows = sheets.get(list);
            assertThat(rows.get(1).get(6)).isEqualTo("身份证号");
            rows.subList(2, rows.size()).forEach(r -> ids.add(r.get(6)));
        }
        assertThat(ids).hasSize(5).allSatisfy(v -> assertThat(v).matches("220204\\*{8}[0-9]{3}[0-9X]"));

        Map<String, String> parts = parts(file);
        assertThat(parts.get("docProps/core.xml")).contains(watermark);
        assertThat(parts.get("docProps/custom.xml")).contains("导出编号").contains(number).contains("导出人");
        assertThat(parts.entrySet().stream().filter(e -> e.getKey().startsWith("xl/worksheets/sheet")))
                .hasSize(4).allSatisfy(e -> assertThat(e.getValue()).contains("<oddHeader>").contains("<oddFooter>")
                        .contains("编号：" + number).contains("不得外传"));
        String everything = String.join("\n", parts.values());
        for (int i = 0; i < CertifiedNovember.IDS.size(); i++) {
            assertThat(everything).doesNotContain(CertifiedNovember.IDS.get(i)).doesNotContain(CertifiedNovember.NAMES.get(i));
        }

        assertThat(audit.recent(Optional.of(DISTRICT.username()), Optional.of("export:" + id), 10)).first()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.EXPORT);
                    assertThat(e.purpose()).isEqualTo("ELIGIBILITY_CERTIFICATION");
                    assertThat(e.detail()).containsEntry("sha256", sha256).containsEntry("rows", "5")
                            .containsEntry("watermark", watermark).containsEntry("filter.district", "220204")
                            .containsEntry("unmasked", "false").containsEntry("approvedBy", "system:threshold");
                });
        mvc.perform(get("/api/exports/{id}/file", id).with(as(DISTRICT)).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("CONFLICT"));
        mvc.perform(get("/api/exports/mine").with(as(DISTRICT)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("EXPORTED"))
                .andExpect(jsonPath("$[0].fileSha256").value(sha256))
                .andExpect(jsonPath("$[0].exportedRows").value(5));
    }

    @Test
    void data9_dataInFullWaitsForASecondPerson_thenTheFileCarriesIt() throws Exception {
        MvcResult requested = mvc.perform(post("/api/exports").with(as(SECOND)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"kind":"LIST","month":"2026-11","district":"220204","status":"TO_BE_VERIFIED",
                                 "purpose":"HOME_VISIT","note":"上门核实名单","unmasked":true}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING")).andReturn();
        long id = ((Number) JsonPath.read(requested.getResponse().getContentAsString(), "$.id")).longValue();

        mvc.perform(get("/api/exports/{id}/file", id).with(as(SECOND)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("waits for approval")));
        mvc.perform(post("/api/exports/{id}/approve", id).with(as(ADMINISTRATOR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"同意，用后销毁\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        // only the requester produces the file
        mvc.perform(get("/api/exports/{id}/file", id).with(as(DISTRICT)).with(csrf())).andExpect(status().isNotFound());

        byte[] file = mvc.perform(get("/api/exports/{id}/file", id).with(as(SECOND)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> toVerify = sheets(file).get("待核实");
        List<String> listed = toVerify.subList(2, toVerify.size()).stream().map(r -> r.get(6)).toList();
        assertThat(listed).isNotEmpty().allSatisfy(v -> assertThat(CertifiedNovember.IDS).contains(v));
        assertThat(sheets(file).get("具备领取资格")).as("the other lists are there, empty, below their watermark").hasSize(2);
    }

    @Test
    void data9_aLedgerExportMasksPhonesToo() throws Exception {
        StaffPrincipal ledgerOfficer = new StaffPrincipal(9204, "export.ledger", "船营区经办人周丽",
                StaffRole.DISTRICT_OFFICER, CertifiedNovember.DISTRICT, null);
        MvcResult requested = mvc.perform(post("/api/exports").with(as(ledgerOfficer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"kind":"LEDGER","ledger":"VERIFY","month":"2026-11","purpose":"HOME_VISIT"}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("APPROVED")).andReturn();
        long id = ((Number) JsonPath.read(requested.getResponse().getContentAsString(), "$.id")).longValue();
        long estimated = ((Number) JsonPath.read(requested.getResponse().getContentAsString(), "$.estimatedRows"))
                .longValue();

        byte[] file = mvc.perform(get("/api/exports/{id}/file", id).with(as(ledgerOfficer)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> ledger = sheets(file).get("待核实人员台账");
        assertThat(ledger.get(0).get(0)).startsWith("导出人：船营区经办人周丽（export.ledger）").endsWith("编号：EXP-"
                + String.format("%06d", id));
        assertThat(ledger.get(1)).contains("联系电话");
        assertThat(ledger.size() - 2L).isEqualTo(estimated);
        assertThat(String.join("\n", parts(file).values())).doesNotContain(CertifiedNovember.PHONE)
                .doesNotContain("13804325678");
    }

    @Test
    void data9_badAndRefusedExportRequestsAreProblems() throws Exception {
        mvc.perform(post("/api/exports").with(as(DISTRICT)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"LIST\",\"month\":\"2026-11\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("purpose"));
        mvc.perform(post("/api/exports").with(as(DISTRICT)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"LEDGER\",\"month\":\"2026-11\",\"purpose\":\"HOME_VISIT\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("台账类别")));
        mvc.perform(post("/api/exports").with(as(DISTRICT)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"LIST\",\"month\":\"2031-01\",\"purpose\":\"HOME_VISIT\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("尚未核验")));
        mvc.perform(post("/api/exports").with(as(DISTRICT)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"LIST\",\"month\":\"2026-11\",\"district\":\"2202\",\"purpose\":\"HOME_VISIT\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.violations[0].field").value("district"));
        StaffPrincipal leader = new StaffPrincipal(9205, "export.leader", "局领导", StaffRole.LEADERSHIP, "220200", null);
        mvc.perform(post("/api/exports").with(as(leader)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"LIST\",\"month\":\"2026-11\",\"purpose\":\"HOME_VISIT\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.title").value("Forbidden / 无权操作"));
        mvc.perform(get("/api/exports/{id}/file", 987_654_321L).with(as(DISTRICT)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    /** Every sheet's rows as text, in order, by sheet name. */
    private static Map<String, List<List<String>>> sheets(byte[] file) throws IOException {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
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

    /** Every part of the XLSX package as text: the properties and sheet XML the watermark must be in. */
    private static Map<String, String> parts(byte[] file) throws IOException {
        // read through the central directory: the writer streams its entries with sizes after the data
        Path copy = Files.createTempFile(workspace, "export-", ".xlsx");
        Files.write(copy, file);
        Map<String, String> parts = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(copy.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    parts.put(e.getName(), unescape(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        return parts;
    }

    /** The writer spells every non-ASCII character as a character reference: read them back as text. */
    private static String unescape(String xml) {
        String chars = CHARACTER_REFERENCE.matcher(xml).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                Character.toString(m.group(1) != null ? Integer.parseInt(m.group(1), 16) : Integer.parseInt(m.group(2)))));
        return chars.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    private static final java.util.regex.Pattern CHARACTER_REFERENCE = java.util.regex.Pattern
            .compile("&#(?:x([0-9a-fA-F]+)|([0-9]+));");

    static RequestPostProcessor as(StaffPrincipal who) {
        return authentication(new UsernamePasswordAuthenticationToken(who, null, List.of()));
    }
}
