package org.vigil.certification;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vigil.VigilIntegrationTest;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditLog;
import org.vigil.governance.AuditedEvent;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.StaffRole;
import org.vigil.governance.disclosure.DisclosureIntegrationTest;
import org.vigil.identity.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Ad-hoc statistics by approval over HTTP (DATA-10, 004 第十一条, ADR 0033): asked in the vocabulary,
 * approved by another person, run once by the requester within the requester's jurisdiction, small
 * cells suppressed, marked for internal use only and audited at every step. Its own database: two
 * districts whose every recipient the tests count, which no other test class may add to.
 */
@VigilIntegrationTest
@AutoConfigureMockMvc
@Import(DisclosureIntegrationTest.Today.class)
@TestPropertySource(properties = "vigil.statistics.minimum-cell=5")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdHocStatisticsApiTest {

    static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final String DISTRICT_A = "220202";
    static final String DISTRICT_B = "220203";

    static final StaffPrincipal OFFICER_A = new StaffPrincipal(9501, "stat.district", "昌邑区经办人刘洋",
            StaffRole.DISTRICT_OFFICER, DISTRICT_A, null);
    static final StaffPrincipal OTHER_OFFICER_A = new StaffPrincipal(9502, "stat.district2", "昌邑区经办人何静",
            StaffRole.DISTRICT_OFFICER, DISTRICT_A, null);
    static final StaffPrincipal CITY_OFFICER = new StaffPrincipal(9503, "stat.city", "市级经办人郭峰",
            StaffRole.CITY_OFFICER, "220200", null);
    static final StaffPrincipal APPROVER = new StaffPrincipal(9504, "stat.admin", "市级业务管理员马丽",
            StaffRole.CITY_ADMINISTRATOR, "220200", null);
    static final StaffPrincipal OTHER_APPROVER = new StaffPrincipal(9505, "stat.admin2", "市级业务管理员冯军",
            StaffRole.CITY_ADMINISTRATOR, "220200", null);

    @TempDir
    static Path workspace;

    private final MockMvc mvc;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final List<String> ids = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    @Autowired
    AdHocStatisticsApiTest(MockMvc mvc, AuditLog audit, JdbcClient jdbc) {
        this.mvc = mvc;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * District A: six enterprise pensions in one community and two resident pensions in another
     * street; district B: seven enterprise pensions. September and October verified.
     */
    @BeforeAll
    void twoDistrictsTwoMonths(@Autowired RecipientBaseline recipients, @Autowired MonthlyVerification verification) {
        RecipientFixture fixture = new RecipientFixture();
        add(fixture, DISTRICT_A, "220202001001", BenefitKind.ENTERPRISE_PENSION, "3000.00", 6, 1);
        add(fixture, DISTRICT_A, "220202002001", BenefitKind.RESIDENT_PENSION, "200.00", 2, 11);
        add(fixture, DISTRICT_B, "220203001001", BenefitKind.ENTERPRISE_PENSION, "2800.00", 7, 21);
        fixture.load(recipients, workspace);
        verification.verify(SEPTEMBER, LocalDate.of(2026, 9, 24));
        verification.verify(OCTOBER, LocalDate.of(2026, 10, 24));
    }

    private void add(RecipientFixture fixture, String district, String community, BenefitKind kind, String amount,
            int count, int first) {
        String[] surnames = {"赵", "钱", "孙", "李", "周", "吴", "郑"};
        for (int i = 0; i < count; i++) {
            String first17 = district + String.format("%04d%02d%02d%03d", 1950 + i, 1 + i, 1 + i, 600 + first + i);
            String id = ResidentId.parse(first17 + ResidentId.checkDigit(first17), LocalDate.of(2026, 12, 2))
                    .orElseThrow().value();
            String name = surnames[i] + "统计" + (char) ('甲' + first + i);
            ids.add(id);
            names.add(name);
            fixture.add(id, name, kind, "2015-01-01", amount, community, district, null, "2026-05-10");
        }
    }

    @Test
    void data10_anAdHocStatisticRunsOnlyAfterAnotherPersonApprovesIt() throws Exception {
        long id = request(OFFICER_A, """
                {"measure":"RECIPIENTS","from":"2026-10","groupBy":["BENEFIT_KIND"],
                 "purpose":"季度工作汇报","note":"按待遇类别"}""");
        mvc.perform(post("/api/statistics/requests/{id}/run", id).with(as(OFFICER_A)).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("waits for approval")));
        // a district officer may not approve at all; the requester's colleague neither
        mvc.perform(post("/api/statistics/requests/{id}/approve", id).with(as(OTHER_OFFICER_A)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/statistics/requests/pending").with(as(APPROVER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == " + id + ")].purpose").value("季度工作汇报"));

        // an approver's own request waits for another approver
        long own = request(APPROVER, """
                {"measure":"RECIPIENTS","from":"2026-10","groupBy":["DISTRICT"],"purpose":"全市汇总"}""");
        mvc.perform(post("/api/statistics/requests/{id}/approve", own).with(as(APPROVER)).with(csrf()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.reason").value("NOT_PERMITTED"))
                .andExpect(jsonPath("$.detail").value(containsString("another person")));
        mvc.perform(post("/api/statistics/requests/{id}/reject", own).with(as(OTHER_APPROVER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"用途不明确\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));
        mvc.perform(post("/api/statistics/requests/{id}/run", own).with(as(APPROVER)).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("rejected")));

        mvc.perform(post("/api/statistics/requests/{id}/approve", id).with(as(APPROVER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"同意\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decidedBy").value(APPROVER.username()));
        mvc.perform(post("/api/statistics/requests/{id}/approve", id).with(as(OTHER_APPROVER)).with(csrf()))
                .andExpect(status().isConflict());
        // only the requester runs it
        mvc.perform(post("/api/statistics/requests/{id}/run", id).with(as(OTHER_OFFICER_A)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/statistics/requests/{id}/run", id).with(as(OFFICER_A)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.keys[0] == 'ENTERPRISE_PENSION')].recipients").value("6"));
        // once
        mvc.perform(post("/api/statistics/requests/{id}/run", id).with(as(OFFICER_A)).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("already run")));
    }

    @Test
    void data10_theResultCountsOnlyTheRequestersJurisdiction() throws Exception {
        long district = approved(OFFICER_A, """
                {"measure":"RECIPIENTS","from":"2026-10","groupBy":["DISTRICT"],"purpose":"辖区人数"}""");
        mvc.perform(post("/api/statistics/requests/{id}/run", district).with(as(OFFICER_A)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("R:" + DISTRICT_A))
                .andExpect(jsonPath("$.rows.length()").value(1))
                .andExpect(jsonPath("$.rows[0].keys[0]").value(DISTRICT_A))
                .andExpect(jsonPath("$.rows[0].recipients").value("8"));

        // naming the other district reaches nothing: row-level security, not the request, decides
        long other = approved(OFFICER_A, """
                {"measure":"RECIPIENTS","from":"2026-10","groupBy":["COMMUNITY"],"district":"220203",
                 "purpose":"邻区人数"}""");
        mvc.perform(post("/api/statistics/requests/{id}/run", other).with(as(OFFICER_A)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows.length()").value(0));

        long city = approved(CITY_OFFICER, """
                {"measure":"RECIPIENTS","from":"2026-10","groupBy":["DISTRICT"],"purpose":"全市分区人数"}""");
        mvc.perform(post("/api/statistics/requests/{id}/run", city).with(as(CITY_OFFICER)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("R:2202"))
                .andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.rows[0].keys[0]").value(DISTRICT_A))
                .andExpect(jsonPath("$.rows[0].recipients").value("8"))
                .andExpect(jsonPath("$.rows[1].keys[0]").value(DISTRICT_B))
                .andExpect(jsonPath("$.rows[1].recipients").value("7"));
    }

    @Test
    void data10_smallCellsAreSuppressed() throws Exception {
        long id = approved(OFFICER_A, """
                {"measure":"AMOUNT","from":"2026-09","to":"2026-10","groupBy":["BENEFIT_KIND"],"purpose":"待遇支出"}""");
        mvc.perform(post("/api/statistics/requests/{id}/run", id).with(as(OFFICER_A)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.minimumCell").value(5))
                .andExpect(jsonPath("$.suppressed").value(1))
                .andExpect(jsonPath("$.rows[0].keys[0]").value("ENTERPRISE_PENSION"))
                .andExpect(jsonPath("$.rows[0].labels[0]").value("企业职工基本养老金"))
                // six recipients over two months: each month's amount added
                .andExpect(jsonPath("$.rows[0].recipients").value("6"))
                .andExpect(jsonPath("$.rows[0].amount").value(36000.0))
                .andExpect(jsonPath("$.rows[0].suppressed").value(false))
                .andExpect(jsonPath("$.rows[1].keys[0]").value("RESIDENT_PENSION"))
                .andExpect(jsonPath("$.rows[1].recipients").value("<5"))
                .andExpect(jsonPath("$.rows[1].amount").value(nullValue()))
                .andExpect(jsonPath("$.rows[1].suppressed").value(true));
        // the stored result is the same table, suppressed as it was shown
        mvc.perform(get("/api/statistics/requests/mine").with(as(OFFICER_A)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].result.rows[1].recipients").value("<5"));
        assertThat(jdbc.sql("select result::text from certification.statistics_request where id = :id").param("id", id)
                .query(String.class).single()).contains("<5").doesNotContain("400.00");
    }

    @Test
    void data10_theResultIsMarkedForInternalUseOnly_andEveryStepIsAudited() throws Exception {
        long id = approved(CITY_OFFICER, """
                {"measure":"RECIPIENTS","from":"2026-10","groupBy":["COMMUNITY","STATUS"],"benefit":"ENTERPRISE_PENSION",
                 "purpose":"社区分布","note":"专报"}""");
        mvc.perform(post("/api/statistics/requests/{id}/run", id).with(as(CITY_OFFICER)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(jsonPath("$.marking").value(AdHocStatistics.MARKING))
                .andExpect(jsonPath("$.number").value(StatisticsRequest.numberOf(id)));
        mvc.perform(get("/api/statistics/requests/mine").with(as(CITY_OFFICER)))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].result.marking").value(AdHocStatistics.MARKING));

        List<AuditedEvent> events = audit.recent(Optional.empty(), Optional.of("statistics:" + id), 10);
        assertThat(events).extracting(e -> e.detail().get("step")).containsExactlyInAnyOrder("request", "approve", "run");
        assertThat(events).filteredOn(e -> "run".equals(e.detail().get("step"))).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.QUERY);
            assertThat(e.actor()).isEqualTo(CITY_OFFICER.username());
            assertThat(e.purpose()).isEqualTo("社区分布");
            assertThat(e.detail()).containsEntry("approvedBy", APPROVER.username()).containsEntry("scope", "R:2202")
                    .containsEntry("groupBy", "COMMUNITY,STATUS").containsEntry("filter.benefit", "ENTERPRISE_PENSION");
        });
        assertThat(events).filteredOn(e -> "approve".equals(e.detail().get("step"))).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(APPROVER.username()));

        long rejected = request(CITY_OFFICER, """
                {"measure":"RECIPIENTS","from":"2026-10","purpose":"临时查看"}""");
        mvc.perform(post("/api/statistics/requests/{id}/reject", rejected).with(as(APPROVER)).with(csrf()))
                .andExpect(status().isOk());
        assertThat(audit.recent(Optional.of(APPROVER.username()), Optional.of("statistics:" + rejected), 10))
                .singleElement().satisfies(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.APPROVAL);
                    assertThat(e.detail()).containsEntry("step", "reject");
                });
        // no person's data in any step's record
        for (AuditedEvent e : audit.recent(Optional.empty(), Optional.empty(), 200)) {
            if (e.subject().startsWith("statistics:")) {
                String recorded = e.detail().toString();
                ids.forEach(v -> assertThat(recorded).doesNotContain(v));
                names.forEach(v -> assertThat(recorded).doesNotContain(v));
            }
        }
    }

    @Test
    void data10_aRequestCannotSmuggleSql() throws Exception {
        long decisions = jdbc.sql("select count(*) from certification.decision").query(Long.class).single();
        // terms outside the vocabulary are not understood at all
        for (String body : List.of(
                """
                {"measure":"RECIPIENTS","from":"2026-10","groupBy":["DISTRICT; drop table certification.decision"],
                 "purpose":"x"}""",
                """
                {"measure":"RECIPIENTS","from":"2026-10","groupBy":["d.id_number"],"purpose":"x"}""",
                """
                {"measure":"count(*)","from":"2026-10","purpose":"x"}""",
                """
                {"measure":"RECIPIENTS","from":"2026-10' or '1'='1","purpose":"x"}""",
                """
                {"measure":"RECIPIENTS","from":"2026-10","district":"220202' or '1'='1","purpose":"x"}""",
                """
                {"measure":"RECIPIENTS","from":"2026-10","groupBy":["DISTRICT","STREET","COMMUNITY","MONTH"],
                 "purpose":"x"}""",
                """
                {"measure":"RECIPIENTS","from":"2026-10","to":"2026-09","purpose":"x"}""",
                """
                {"measure":"RECIPIENTS","from":"2030-01","purpose":"x"}""",
                """
                {"measure":"RECIPIENTS","from":"2026-10"}""")) {
            mvc.perform(post("/api/statistics/requests").with(as(OFFICER_A)).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString("or '1'='1"))));
        }
        // the words are bound, stored and shown as they were sent, and change nothing
        String words = "'; drop table certification.decision; --";
        long id = approved(OFFICER_A, """
                {"measure":"RECIPIENTS","from":"2026-10","purpose":"%s","note":"1) or (1=1"}""".formatted(words));
        mvc.perform(post("/api/statistics/requests/{id}/run", id).with(as(OFFICER_A)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows[0].recipients").value("8"));
        mvc.perform(get("/api/statistics/requests/mine").with(as(OFFICER_A)))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].purpose").value(words))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].note").value("1) or (1=1"));
        assertThat(jdbc.sql("select count(*) from certification.decision").query(Long.class).single())
                .isEqualTo(decisions);
    }

    private long approved(StaffPrincipal who, String body) throws Exception {
        long id = request(who, body);
        mvc.perform(post("/api/statistics/requests/{id}/approve", id).with(as(APPROVER)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        return id;
    }

    private long request(StaffPrincipal who, String body) throws Exception {
        MvcResult requested = mvc.perform(post("/api/statistics/requests").with(as(who)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PENDING")).andReturn();
        return ((Number) JsonPath.read(requested.getResponse().getContentAsString(), "$.id")).longValue();
    }

    private static RequestPostProcessor as(StaffPrincipal who) {
        return authentication(new UsernamePasswordAuthenticationToken(who, null, List.of()));
    }
}
