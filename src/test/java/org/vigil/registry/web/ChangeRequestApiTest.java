package org.vigil.registry.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.StaffRole;
import org.vigil.registry.RegistryBaseline;
import org.vigil.registry.change.ChangeIntegrationTest;
import org.vigil.registry.change.ChangeTestConfiguration;
import org.vigil.registry.change.RecordHistory;
import org.vigil.registry.change.RegistryFixture;
import org.vigil.registry.change.RegistryFixture.Person;
import org.vigil.runtime.SettableClock;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The registry's change API over MockMvc (DATA-6, DATA-8): each request as a named staff account,
 * persons masked in every answer, the four posts enforced, and the refusals as RFC 9457 problem
 * details with a type per kind.
 */
@ChangeIntegrationTest
class ChangeRequestApiTest {

    static final StaffPrincipal COMMUNITY_CLERK = new StaffPrincipal(101, "clerk.liu", "刘社区", StaffRole.COMMUNITY_WORKER,
            "220204001001", null);
    static final StaffPrincipal DISTRICT_LI = new StaffPrincipal(102, "district.li", "李经办", StaffRole.DISTRICT_OFFICER,
            "220204", null);
    static final StaffPrincipal DISTRICT_ZHAO = new StaffPrincipal(103, "district.zhao", "赵经办",
            StaffRole.DISTRICT_OFFICER, "220204", null);
    static final StaffPrincipal CITY_CHEN = new StaffPrincipal(104, "city.chen", "陈科长", StaffRole.CITY_OFFICER, "220200",
            null);

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;
    private final RegistryBaseline baseline;
    private final RecordHistory history;
    private final SettableClock clock;

    private RegistryFixture registry;

    @Autowired
    ChangeRequestApiTest(MockMvc mvc, RegistryBaseline baseline, RecordHistory history, SettableClock clock) {
        this.mvc = mvc;
        this.baseline = baseline;
        this.history = history;
        this.clock = clock;
    }

    @BeforeEach
    void freshRegistry(@TempDir Path folder) {
        clock.set(ChangeTestConfiguration.START);
        registry = new RegistryFixture(baseline, history, folder);
    }

    @Test
    void data6_anImmediateChangeOverHttp_isMaskedInEveryAnswer() throws Exception {
        Person p = registry.persons(1).get(0);

        MvcResult created = mvc.perform(as(COMMUNITY_CLERK, post("/api/registry/change-requests")).content("""
                        {"reason": "本人来电更换手机号", "items": [
                          {"recordId": %d, "field": "PERSON_PHONE", "newValue": "139 0432 8765"}]}""".formatted(p.id())))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/registry/change-requests/")))
                .andExpect(jsonPath("$.status").value("MODIFIED"))
                .andExpect(jsonPath("$.immediate").value(true))
                .andExpect(jsonPath("$.level").value("SYSTEM_VALIDATION"))
                .andExpect(jsonPath("$.applied.by").value("clerk.liu"))
                .andExpect(jsonPath("$.items[0].oldValue").value(p.phone().substring(0, 3) + "****" + p.phone().substring(7)))
                .andExpect(jsonPath("$.items[0].newValue").value("139****8765"))
                .andReturn();
        String person = mvc.perform(as(CITY_CHEN, get("/api/registry/persons/" + p.id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.idNumber").value(p.idNumber().substring(0, 6) + "********" + p.idNumber().substring(14)))
                .andExpect(jsonPath("$.name").value(p.name().charAt(0) + "*" + p.name().charAt(2)))
                .andExpect(jsonPath("$.birthDate").value("1950-**-**"))
                .andExpect(jsonPath("$.phone").value("139****8765"))
                .andReturn().getResponse().getContentAsString();
        String versions = mvc.perform(as(CITY_CHEN, get("/api/registry/persons/" + p.id() + "/history")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].recordedBy").value("baseline"))
                .andExpect(jsonPath("$[1].changes[0].field").value("PERSON_PHONE"))
                .andExpect(jsonPath("$[1].changes[0].newValue").value("139****8765"))
                .andReturn().getResponse().getContentAsString();
        String found = mvc.perform(as(COMMUNITY_CLERK, post("/api/registry/persons/lookup"))
                        .content("{\"idNumber\": \"" + p.idNumber() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(p.id()))
                .andReturn().getResponse().getContentAsString();

        for (String answer : List.of(created.getResponse().getContentAsString(), person, versions, found)) {
            assertThat(answer).doesNotContain(p.idNumber()).doesNotContain(p.name()).doesNotContain("13904328765")
                    .doesNotContain(p.phone()).doesNotContain(p.birthDate().toString());
        }
    }

    @Test
    void data8_theFourStepsOverHttp_eachByItsPost_andTheRecordAsOnADate() throws Exception {
        Person p = registry.persons(1).get(0);
        long id = idOf(mvc.perform(as(DISTRICT_LI, post("/api/registry/change-requests")).content("""
                        {"reason": "姓名登记错字（户籍为王建华）", "items": [
                          {"recordId": %d, "field": "PERSON_NAME", "newValue": "王建华"}]}""".formatted(p.id())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("APPLIED"))
                .andExpect(jsonPath("$.level").value("MANUAL_REVIEW"))
                .andReturn());
        String base = "/api/registry/change-requests/" + id;
        String check = """
                {"department": "PUBLIC_SECURITY_HOUSEHOLD", "reference": "吉公户核〔2026〕201号"}""";

        mvc.perform(as(DISTRICT_LI, post(base + "/approve")).content(check))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:vigil:problem:registry:not-permitted"))
                .andExpect(jsonPath("$.detail").value(containsString("申请人不得审批")));
        mvc.perform(as(DISTRICT_ZHAO, post(base + "/approve")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:vigil:problem:registry:invalid"))
                .andExpect(jsonPath("$.detail").value(containsString("公安户籍")));
        clock.set(ChangeTestConfiguration.START.plus(Duration.ofDays(2)));
        mvc.perform(as(DISTRICT_ZHAO, post(base + "/approve")).content(check))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.crossCheck.departmentChinese").value("公安户籍"));
        mvc.perform(as(DISTRICT_ZHAO, post(base + "/approve")).content(check))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approved.by").value("district.zhao"));
        mvc.perform(as(CITY_CHEN, post(base + "/approve")).content(check))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:vigil:problem:registry:conflict"));
        mvc.perform(as(DISTRICT_LI, post(base + "/modify")))
                .andExpect(status().isForbidden());
        mvc.perform(as(DISTRICT_ZHAO, post(base + "/modify")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("MODIFIED"))
                .andExpect(jsonPath("$.items[0].newValue").value("王*华"));
        mvc.perform(as(DISTRICT_ZHAO, post(base + "/review")).content("{\"note\": \"自己复核\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("修改人不得复核")));
        mvc.perform(as(CITY_CHEN, post(base + "/review")).content("{\"note\": \"已核对户籍回执\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVIEWED"))
                .andExpect(jsonPath("$.reviewNote").value("已核对户籍回执"));

        mvc.perform(as(CITY_CHEN, get("/api/registry/change-requests").param("status", "REVIEWED")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) id)));
        mvc.perform(as(CITY_CHEN, get("/api/registry/persons/" + p.id()).param("asOf", "2026-06-01")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.name").value(p.name().charAt(0) + "*" + p.name().charAt(2)));
        mvc.perform(as(CITY_CHEN, get("/api/registry/persons/" + p.id()).param("asOf", "2026-06-03T09:00:00+08:00")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(as(CITY_CHEN, get("/api/registry/persons/" + p.id()).param("asOf", "2026-05-31")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
    }

    @Test
    void data8_badRequestsAnswerProblemDetails() throws Exception {
        Person p = registry.persons(1).get(0);

        mvc.perform(as(CITY_CHEN, get("/api/registry/change-requests/987654321")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not found / 未找到"));
        mvc.perform(as(COMMUNITY_CLERK, post("/api/registry/change-requests")).content("""
                        {"reason": "换号", "items": [{"recordId": %d, "field": "PERSON_PHONE", "newValue": "12345"}]}"""
                        .formatted(p.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:vigil:problem:registry:invalid"))
                .andExpect(jsonPath("$.detail").value(containsString("PERSON_PHONE")));
        mvc.perform(as(COMMUNITY_CLERK, post("/api/registry/change-requests")).content("""
                        {"items": [{"recordId": %d, "field": "PERSON_PHONE", "newValue": "13904321234"}]}"""
                        .formatted(p.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("reason"));
        mvc.perform(as(COMMUNITY_CLERK, post("/api/registry/change-requests")).content("""
                        {"reason": "x", "items": [{"recordId": %d, "field": "PERSON_SHOE_SIZE", "newValue": "42"}]}"""
                        .formatted(p.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("PERSON_PHONE")));
        mvc.perform(as(COMMUNITY_CLERK, post("/api/registry/change-requests")).content("""
                        {"reason": "x", "items": [{"recordId": 987654321, "field": "PERSON_ADDRESS", "newValue": "某地"}]}"""))
                .andExpect(status().isNotFound());
        mvc.perform(as(CITY_CHEN, get("/api/registry/change-requests").param("status", "NOPE")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("status"));
        mvc.perform(as(CITY_CHEN, get("/api/registry/persons/" + p.id()).param("asOf", "yesterday")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("asOf")));
        mvc.perform(as(CITY_CHEN, post("/api/registry/persons/lookup")).content("{\"idNumber\": \"220204195\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(as(CITY_CHEN, get("/api/registry/change-fields")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.field == 'PERSON_ID_NUMBER')].checkedByChinese").value(hasItem("公安户籍")))
                .andExpect(jsonPath("$[?(@.field == 'PERSON_ADDRESS')].level").value(hasItem("NONE")));
    }

    /** A request as this account, with its CSRF token and a JSON body type. */
    private static MockHttpServletRequestBuilder as(StaffPrincipal who, MockHttpServletRequestBuilder request) {
        return request.with(authentication(new UsernamePasswordAuthenticationToken(who, null, List.of()))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON);
    }

    private static long idOf(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("id").asLong();
    }
}
