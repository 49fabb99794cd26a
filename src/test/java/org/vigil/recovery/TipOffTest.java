package org.vigil.recovery;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vigil.VigilIntegrationTest;
import org.vigil.governance.AuditLog;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.StaffRole;
import org.vigil.identity.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The tip-off register (CERT-20, 003 第三十二条): a report is received and handled within the
 * officer's jurisdiction, a true one rewarded, and the reporter's identity is kept secret — sealed at
 * rest, absent from every list and from the audit log, shown only to pay the reward as a recorded
 * reveal — while the year's figures can be published.
 */
@VigilIntegrationTest
@AutoConfigureMockMvc
class TipOffTest {

    private static final String DISTRICT = "220283";
    private static final StaffPrincipal OTHER_DISTRICT = new StaffPrincipal(71, "tip.other", "乙区经办",
            StaffRole.DISTRICT_OFFICER, "220284", null);
    private static final StaffPrincipal CITY_OFFICER = new StaffPrincipal(72, "tip.city", "市级经办",
            StaffRole.CITY_OFFICER, "220200", null);

    private final MockMvc mvc;
    private final AuditLog audit;
    private final JdbcClient owner;

    @Autowired
    TipOffTest(MockMvc mvc, AuditLog audit, DataSource dataSource) throws SQLException {
        this.mvc = mvc;
        this.audit = audit;
        this.owner = JdbcClient.create(new DriverManagerDataSource(dataSource.unwrap(HikariDataSource.class).getJdbcUrl(),
                "postgres", ""));
    }

    private static String id(String first17) {
        return first17 + ResidentId.checkDigit(first17);
    }

    private static RequestPostProcessor as(StaffPrincipal who) {
        return authentication(new UsernamePasswordAuthenticationToken(who, null, List.of()));
    }

    private long receive(String subjectId, String reporterName, String reporterPhone, String reporterId) throws Exception {
        String body = """
                {"receivedOn":"2026-11-30","channel":"HOTLINE","district":"%s","allegation":"DEATH_CONCEALED",
                 "subjectIdNumber":"%s","subjectName":"钱冒领","account":"邻居说钱冒领的母亲去年已去世，仍在领取养老金",
                 "reporterName":%s,"reporterPhone":%s,"reporterIdNumber":%s}"""
                .formatted(DISTRICT, subjectId, quoted(reporterName), quoted(reporterPhone), quoted(reporterId));
        String answer = mvc.perform(post("/api/recovery/tip-offs").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(as(CITY_OFFICER)).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.subject").value("钱*领"))
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).doesNotContain("举报人").doesNotContain(subjectId);
        if (reporterName != null) {
            assertThat(answer).doesNotContain(reporterName).doesNotContain(reporterPhone);
        }
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    @Test
    void cert20_theReportersIdentityIsSealedAtRestAbsentFromListsAndAuditAndShownOnlyToPayTheReward() throws Exception {
        String subject = id("22028319400101001");
        String reporter = id("22028319700202002");
        long tip = receive(subject, "孙举报", "13812345678", reporter);

        // at rest: nothing of the subject or the reporter in the row's text
        String row = owner.sql("select t::text from recovery.tip_off t where id = :id").param("id", tip)
                .query(String.class).single();
        assertThat(row).doesNotContain(subject).doesNotContain(reporter).doesNotContain("孙举报")
                .doesNotContain("13812345678").doesNotContain("钱冒领").doesNotContain("去世");
        // the audit log names the tip-off, never the people
        assertThat(audit.recent(Optional.empty(), Optional.of("tip-off:" + tip), 5)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.detail().toString()).doesNotContain("孙举报").doesNotContain(reporter));

        // handled and rewarded; before the reward nobody sees the reporter, not even the city administrator
        mvc.perform(post("/api/recovery/tip-offs/{id}/reporter", tip).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"发放奖励\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/recovery/tip-offs/{id}/outcome", tip).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"VERIFIED\",\"note\":\"入户核实属实，已暂停发放\"}")
                        .with(as(CITY_OFFICER)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VERIFIED"));
        mvc.perform(post("/api/recovery/tip-offs/{id}/reward", tip).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":500.00}").with(as(CITY_OFFICER)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/recovery/tip-offs/{id}/reward", tip).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":500.00}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.reward").value(500.00));
        mvc.perform(post("/api/recovery/tip-offs/{id}/reward", tip).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":500.00}"))
                .andExpect(status().isConflict());

        // an officer may handle tip-offs but never see who made them
        mvc.perform(post("/api/recovery/tip-offs/{id}/reporter", tip).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"发放奖励\"}").with(as(CITY_OFFICER)).with(csrf()))
                .andExpect(status().isForbidden());
        long revealsBefore = reveals(tip);
        mvc.perform(post("/api/recovery/tip-offs/{id}/reporter", tip).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"发放奖励\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("孙举报"))
                .andExpect(jsonPath("$.phone").value("13812345678"))
                .andExpect(jsonPath("$.idNumber").value(reporter));
        assertThat(reveals(tip)).isEqualTo(revealsBefore + 1);

        // lists never carry the reporter
        String list = mvc.perform(get("/api/recovery/tip-offs").with(as(CITY_OFFICER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("\"id\":" + tip).doesNotContain("孙举报").doesNotContain(reporter)
                .doesNotContain("13812345678").doesNotContain(subject);
    }

    @Test
    void cert20_tipOffsAreHandledWithinTheJurisdiction_anAnonymousOneIsNeverRewarded_andTheYearsFiguresArePublished()
            throws Exception {
        long anonymous = receive(id("22028319410303003"), null, null, null);
        mvc.perform(get("/api/recovery/tip-offs").with(as(OTHER_DISTRICT)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", not(hasItem((int) anonymous))));
        mvc.perform(post("/api/recovery/tip-offs/{id}/outcome", anonymous).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"VERIFIED\"}").with(as(OTHER_DISTRICT)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/recovery/tip-offs/{id}/outcome", anonymous).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"VERIFIED\"}").with(as(CITY_OFFICER)).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/recovery/tip-offs/{id}/outcome", anonymous).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"UNFOUNDED\"}").with(as(CITY_OFFICER)).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/recovery/tip-offs/{id}/reward", anonymous).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":200}"))
                .andExpect(status().isBadRequest());

        long unfounded = receive(id("22028319420404004"), "周某", "13900001111", null);
        mvc.perform(post("/api/recovery/tip-offs/{id}/outcome", unfounded).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"UNFOUNDED\",\"note\":\"本人到窗口认证\"}").with(as(CITY_OFFICER)).with(csrf()))
                .andExpect(status().isOk());

        String year = mvc.perform(get("/api/recovery/tip-offs/published").param("year", "2026"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long received = ((Number) JsonPath.read(year, "$.received")).longValue();
        long verified = ((Number) JsonPath.read(year, "$.verified")).longValue();
        long unfoundedCount = ((Number) JsonPath.read(year, "$.unfounded")).longValue();
        long pending = ((Number) JsonPath.read(year, "$.pending")).longValue();
        assertThat(received).isGreaterThanOrEqualTo(2).isEqualTo(verified + unfoundedCount + pending);
        assertThat(unfoundedCount).isPositive();
        assertThat(year).doesNotContain("周某").doesNotContain("钱冒领");
        mvc.perform(get("/api/recovery/tip-offs/published").param("year", "2025"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.received").value(0));
    }

    @Test
    void cert20_aReportWithABadIdNumberOrAFutureDateIsRefusedWithoutEchoingIt() throws Exception {
        String bad = "220283194001010019";
        String answer = mvc.perform(post("/api/recovery/tip-offs").contentType(MediaType.APPLICATION_JSON).content("""
                        {"receivedOn":"2026-11-30","channel":"LETTER","district":"220283","allegation":"OTHER",
                         "subjectIdNumber":"%s","subjectName":"李某","account":"来信"}""".formatted(bad)))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("subjectIdNumber").doesNotContain(bad);
        mvc.perform(post("/api/recovery/tip-offs").contentType(MediaType.APPLICATION_JSON).content("""
                        {"receivedOn":"%s","channel":"LETTER","district":"220283","allegation":"OTHER",
                         "subjectName":"李某","account":"来信"}""".formatted(LocalDate.of(2099, 1, 1))))
                .andExpect(status().isBadRequest());
    }

    private long reveals(long tip) {
        return owner.sql("select count(*) from governance.audit_event where action = 'UNMASKED_VIEW' and subject = :s")
                .param("s", "tip-off:" + tip).query(Long.class).single();
    }
}
