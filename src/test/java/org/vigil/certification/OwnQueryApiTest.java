package org.vigil.certification;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditLog;
import org.vigil.governance.AuditedEvent;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.StaffRole;
import org.vigil.governance.disclosure.DisclosureIntegrationTest;
import org.vigil.registry.RegistryBaseline;
import org.vigil.runtime.SettableClock;
import org.vigil.vault.PersonVault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * People's own and proxy queries at the service window (DATA-9, 004 第十条; ADR 0031): the staff
 * member verifies the person, or the proxy and the written authorisation, and the answer is the
 * person's record in full, recorded as a query, a reveal for the person's own query and an audit
 * event; the proxy's ID number is sealed.
 */
@DisclosureIntegrationTest
class OwnQueryApiTest {

    /** A street worker of the recipients' street: the window of 船营区's first street. */
    static final StaffPrincipal WINDOW = new StaffPrincipal(9301, "window.street", "窗口经办人王芳",
            StaffRole.STREET_WORKER, CertifiedNovember.COMMUNITY.substring(0, 9), null);
    static final String PROXY_ID = "220202195505060015";
    static final String PROXY_NAME = "东方晓红";
    static final byte[] PDF = "%PDF-1.4\n委托书 scan\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path workspace;

    private final MockMvc mvc;
    private final AuditLog audit;
    private final PersonVault vault;

    private final JdbcClient jdbc;

    @Autowired
    OwnQueryApiTest(MockMvc mvc, AuditLog audit, JdbcClient jdbc, PersonVault vault) {
        this.vault = vault;
        this.mvc = mvc;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void november(@Autowired RecipientBaseline recipients, @Autowired RegistryBaseline registry,
            @Autowired MonthlyVerification verification, @Autowired CertificationLists lists,
            @Autowired SettableClock clock) {
        clock.set(DisclosureIntegrationTest.MORNING);
        CertifiedNovember.ensure(recipients, registry, verification, lists, workspace);
    }

    @Test
    void data9_aPersonVerifiedAtTheWindowSeesTheirOwnRecordInFull_andTheQueryIsRecorded() throws Exception {
        String person = CertifiedNovember.IDS.get(0);
        long id = CertifiedNovember.recipientId(jdbc, vault, person);

        mvc.perform(ask(query(person, "ID_CARD_READER", null, "取号A012")).with(as(WINDOW)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(jsonPath("$.idNumber").value(person))
                .andExpect(jsonPath("$.name").value(CertifiedNovember.NAMES.get(0)))
                .andExpect(jsonPath("$.identityCheckChinese").value("身份证读卡"))
                .andExpect(jsonPath("$.byProxy").value(false))
                .andExpect(jsonPath("$.benefits[0].recipientId").value(id))
                .andExpect(jsonPath("$.benefits[0].benefit").value("ENTERPRISE_PENSION"))
                .andExpect(jsonPath("$.benefits[0].monthlyAmount").value(3000.00))
                .andExpect(jsonPath("$.benefits[0].lastCertified").value("2026-03-01"))
                .andExpect(jsonPath("$.benefits[0].months[0].month").value("2026-11"))
                .andExpect(jsonPath("$.benefits[0].months[0].status").exists())
                .andExpect(jsonPath("$.benefits[0].months[0].reasons[0].chinese").exists())
                .andExpect(jsonPath("$.revealsToday").value(1));

        Map<String, Object> row = jdbc.sql("select * from certification.own_query where asked_by = :u")
                .param("u", WINDOW.username()).query().singleRow();
        assertThat(row).containsEntry("recipient_id", id).containsEntry("identity_check", "ID_CARD_READER")
                .containsEntry("by_proxy", false).containsEntry("region_code", CertifiedNovember.COMMUNITY)
                .containsEntry("asked_by_account", WINDOW.accountId());
        assertThat(((java.sql.Timestamp) row.get("asked_at")).toInstant()).isEqualTo(DisclosureIntegrationTest.MORNING);

        assertThat(audit.recent(Optional.of(WINDOW.username()), Optional.of("recipient:" + id), 10))
                .extracting(AuditedEvent::action).containsExactly(AuditAction.QUERY, AuditAction.UNMASKED_VIEW);
        assertThat(audit.recent(Optional.of(WINDOW.username()), Optional.of("recipient:" + id), 10))
                .allSatisfy(e -> {
                    assertThat(e.purpose()).isEqualTo("OWN_QUERY");
                    assertThat(e.detail().values()).as("nothing of the person in the audit log")
                            .noneMatch(v -> v.contains(person) || v.contains(CertifiedNovember.NAMES.get(0)));
                });
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void data9_aProxyWithAWrittenAuthorisationSeesTheRecord_andTheProxysIdNumberIsSealed() throws Exception {
        StaffPrincipal window = new StaffPrincipal(9302, "window.proxy", "窗口经办人", StaffRole.STREET_WORKER,
                CertifiedNovember.COMMUNITY.substring(0, 9), null);
        String person = CertifiedNovember.IDS.get(1);
        long id = CertifiedNovember.recipientId(jdbc, vault, person);

        mvc.perform(ask(query(person, "STAFF_CHECKED_ID_CARD", proxy(PROXY_ID), null))
                        .file(new MockMultipartFile("authorisation", "委托书.pdf", "application/pdf", PDF))
                        .with(as(window)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.idNumber").value(person))
                .andExpect(jsonPath("$.byProxy").value(true))
                .andExpect(jsonPath("$.benefits[0].recipientId").value(id));

        Map<String, Object> row = jdbc.sql("select * from certification.own_query where asked_by = :u")
                .param("u", window.username()).query().singleRow();
        assertThat(row).containsEntry("by_proxy", true).containsEntry("proxy_relation", "子女")
                .containsEntry("authorisation_sha256", sha256(PDF)).containsEntry("authorisation_type", "PDF")
                .containsEntry("authorisation_size", (long) PDF.length);
        assertThat((String) row.get("authorisation_kept")).endsWith(sha256(PDF));
        String everything = jdbc.sql("select own_query::text from certification.own_query where asked_by = :u")
                .param("u", window.username()).query(String.class).single();
        assertThat(everything).as("the proxy's ID number and name are not stored in plain text")
                .doesNotContain(PROXY_ID).doesNotContain(PROXY_NAME)
                .doesNotContain(HexFormat.of().formatHex(PROXY_ID.getBytes(StandardCharsets.US_ASCII)))
                .doesNotContain(HexFormat.of().formatHex(PROXY_NAME.getBytes(StandardCharsets.UTF_8)));
        assertThat((byte[]) row.get("proxy_index")).hasSize(32);

        assertThat(audit.recent(Optional.of(window.username()), Optional.of("recipient:" + id), 10))
                .filteredOn(e -> e.action() == AuditAction.QUERY).singleElement().satisfies(e -> {
                    assertThat(e.detail()).containsEntry("byProxy", "true")
                            .containsEntry("authorisationSha256", sha256(PDF));
                    assertThat(e.detail().values()).noneMatch(v -> v.contains(PROXY_ID) || v.contains(PROXY_NAME));
                });
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void data9_aProxyNeedsAWrittenAuthorisation() throws Exception {
        StaffPrincipal window = new StaffPrincipal(9303, "window.noauth", "窗口经办人", StaffRole.STREET_WORKER,
                CertifiedNovember.COMMUNITY.substring(0, 9), null);
        String person = CertifiedNovember.IDS.get(2);
        mvc.perform(ask(query(person, "FACE_MATCH", proxy(PROXY_ID), null)).with(as(window)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("书面委托书")));
        mvc.perform(ask(query(person, "FACE_MATCH", proxy(PROXY_ID), null))
                        .file(new MockMultipartFile("authorisation", "a.txt", "application/pdf",
                                "not a scan".getBytes(StandardCharsets.UTF_8)))
                        .with(as(window)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("PDF")));
        mvc.perform(ask(query(person, "FACE_MATCH", "{\"name\":\"" + PROXY_NAME + "\",\"relation\":\"子女\"}", null))
                        .file(new MockMultipartFile("authorisation", "委托书.pdf", "application/pdf", PDF))
                        .with(as(window)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("proxy.idNumber"));
        mvc.perform(ask(query(person, "FACE_MATCH", proxy("220202195505060019"), null))
                        .file(new MockMultipartFile("authorisation", "委托书.pdf", "application/pdf", PDF))
                        .with(as(window)).with(csrf()))
                .andExpect(status().isBadRequest());
        assertNothingRecorded(window);
    }

    @Test
    void data9_aProxyCannotBeThePersonThemselves() throws Exception {
        StaffPrincipal window = new StaffPrincipal(9304, "window.self", "窗口经办人", StaffRole.STREET_WORKER,
                CertifiedNovember.COMMUNITY.substring(0, 9), null);
        String person = CertifiedNovember.IDS.get(3);
        mvc.perform(ask(query(person, "ID_CARD_READER", proxy(person), null))
                        .file(new MockMultipartFile("authorisation", "委托书.png", "image/png",
                                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0}))
                        .with(as(window)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("代办人不能是本人")));
        assertNothingRecorded(window);
    }

    @Test
    void data9_aPersonOutsideTheStaffMembersJurisdictionIsNotFound() throws Exception {
        StaffPrincipal elsewhere = new StaffPrincipal(9305, "window.elsewhere", "昌邑区窗口", StaffRole.DISTRICT_OFFICER,
                "220202", null);
        String person = CertifiedNovember.IDS.get(4);
        mvc.perform(ask(query(person, "ID_CARD_READER", null, null)).with(as(elsewhere)).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.idNumber").doesNotExist());
        assertThat(jdbc.sql("select count(*) from certification.own_query where asked_by = :u")
                .param("u", elsewhere.username()).query(Long.class).single()).isZero();
        assertThat(audit.recent(Optional.of(elsewhere.username()), Optional.empty(), 10))
                .extracting(AuditedEvent::action, AuditedEvent::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditAction.QUERY, "person:unknown"));
    }

    @Test
    void data9_aRoleWithoutUnmaskIsRefused() throws Exception {
        StaffPrincipal leader = new StaffPrincipal(9306, "window.leader", "领导", StaffRole.LEADERSHIP, "220200", null);
        mvc.perform(ask(query(CertifiedNovember.IDS.get(0), "ID_CARD_READER", null, null)).with(as(leader))
                        .with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.idNumber").doesNotExist());
        assertNothingRecorded(leader);
    }

    private void assertNothingRecorded(StaffPrincipal who) {
        assertThat(jdbc.sql("select count(*) from certification.own_query where asked_by = :u")
                .param("u", who.username()).query(Long.class).single()).isZero();
        assertThat(audit.recent(Optional.of(who.username()), Optional.empty(), 10)).isEmpty();
    }

    private static MockMultipartHttpServletRequestBuilder ask(String json) {
        return multipart("/api/certification/own-queries").file(new MockMultipartFile("query", "",
                MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String query(String idNumber, String check, String proxyJson, String note) {
        return "{\"idNumber\":\"" + idNumber + "\",\"identityCheck\":\"" + check + "\""
                + (proxyJson == null ? "" : ",\"proxy\":" + proxyJson)
                + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}";
    }

    private static String proxy(String idNumber) {
        return "{\"name\":\"" + PROXY_NAME + "\",\"idNumber\":\"" + idNumber + "\",\"relation\":\"子女\"}";
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static RequestPostProcessor as(StaffPrincipal who) {
        return authentication(new UsernamePasswordAuthenticationToken(who, null, List.of()));
    }
}
