package org.vigil.governance.lawenforcement;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vigil.VigilIntegrationTest;
import org.vigil.governance.StaffPrincipal;
import org.vigil.identity.ResidentId;
import org.vigil.runtime.SettableClock;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.vigil.governance.lawenforcement.RegisterFixtures.APPROVER;
import static org.vigil.governance.lawenforcement.RegisterFixtures.LIAISON;
import static org.vigil.governance.lawenforcement.RegisterFixtures.NOON;
import static org.vigil.governance.lawenforcement.RegisterFixtures.PDF;
import static org.vigil.governance.lawenforcement.RegisterFixtures.person;

/**
 * The register over HTTP (DATA-11): a liaison registers with the approval scan, an approver
 * decides, the liaison records a release; wrong input and releases outside the scope answer
 * bilingual RFC 9457 problems. Every request names its principal explicitly.
 */
@VigilIntegrationTest
@AutoConfigureMockMvc
@Import(RegisterFixtures.class)
class LawEnforcementControllerTest {

    private final MockMvc mvc;
    private final SettableClock clock;

    @Autowired
    LawEnforcementControllerTest(MockMvc mvc, SettableClock clock) {
        this.mvc = mvc;
        this.clock = clock;
    }

    @BeforeEach
    void noon() {
        clock.set(NOON);
    }

    @Test
    void data11_registerApproveReleaseAndClose_overHttp() throws Exception {
        ResidentId suspect = person();
        ResidentId relative = person();
        MvcResult registered = mvc.perform(multipart("/api/law-enforcement/requests")
                        .file(json(registration(List.of(suspect.value(), relative.value()), 2)))
                        .file(new MockMultipartFile("approval", "审批表.pdf", "application/pdf", PDF))
                        .with(as(LIAISON)).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/law-enforcement/requests/")))
                .andExpect(jsonPath("$.status").value("REGISTERED"))
                .andExpect(jsonPath("$.statusChinese").value("已登记待审批"))
                .andExpect(jsonPath("$.persons").value(2))
                .andExpect(jsonPath("$.officers.length()").value(2))
                .andExpect(jsonPath("$.officers[0].maskedCredential").value("****0001"))
                .andExpect(jsonPath("$.approval.format").value("PDF"))
                .andExpect(jsonPath("$.registeredBy").value(LIAISON.username()))
                .andReturn();
        String body = registered.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain(suspect.value()).doesNotContain("220199990001");
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        String path = "/api/law-enforcement/requests/" + id;

        // the liaison's role lacks LAW_ENFORCEMENT_APPROVE: refused before the register is asked (ADR 0026)
        mvc.perform(post(path + "/approval").with(as(LIAISON)).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Forbidden / 无权操作"));
        mvc.perform(post(path + "/approval").contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"同意\"}")
                        .with(as(APPROVER)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decidedBy").value(APPROVER.username()))
                .andExpect(jsonPath("$.notices[*].event", hasItem("APPROVED")));

        mvc.perform(post(path + "/releases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"category\":\"PAYMENTS\",\"person\":\"" + suspect.value() + "\"},"
                                + "{\"category\":\"IDENTITY\",\"person\":\"" + relative.value() + "\"}]}")
                        .with(as(LIAISON)).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].maskedPerson").value(suspect.masked()));
        mvc.perform(get(path + "/releases").with(as(APPROVER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get(path + "/approval-document").with(as(APPROVER)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(content().bytes(PDF));

        mvc.perform(post(path + "/closure").with(as(LIAISON)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.releasedItems").value(2));
    }

    @Test
    void data11_oneOfficerIsAValidationProblem_andABadIdIsNamedByItsPlaceNotEchoed() throws Exception {
        mvc.perform(multipart("/api/law-enforcement/requests")
                        .file(json(registration(List.of(person().value()), 1)))
                        .file(new MockMultipartFile("approval", "审批表.pdf", "application/pdf", PDF))
                        .with(as(LIAISON)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:vigil:problem:law-enforcement:invalid"))
                .andExpect(jsonPath("$.title").value("Invalid request / 请求内容有误"))
                .andExpect(jsonPath("$.violations[0].field").value("officers"))
                .andExpect(jsonPath("$.violations[0].message", containsString("两名以上执法人员")));

        String valid = person().value();
        String wrong = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        mvc.perform(multipart("/api/law-enforcement/requests")
                        .file(json(registration(List.of(person().value(), wrong), 2)))
                        .file(new MockMultipartFile("approval", "审批表.pdf", "application/pdf", PDF))
                        .with(as(LIAISON)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("PERSON_ID"))
                .andExpect(jsonPath("$.field").value("persons[1]"))
                .andExpect(jsonPath("$.detail", containsString("公民身份号码不正确")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(wrong))));

        mvc.perform(multipart("/api/law-enforcement/requests")
                        .file(json(registration(List.of(person().value()), 2)))
                        .file(new MockMultipartFile("approval", "scan.txt", "text/plain", "hello".getBytes()))
                        .with(as(LIAISON)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:vigil:problem:law-enforcement:document-format"));
    }

    @Test
    void data11_aReleaseOutsideTheScopeAnswersAForbiddenProblem() throws Exception {
        ResidentId suspect = person();
        MvcResult registered = mvc.perform(multipart("/api/law-enforcement/requests")
                        .file(json(registration(List.of(suspect.value()), 2)))
                        .file(new MockMultipartFile("approval", "审批表.pdf", "application/pdf", PDF))
                        .with(as(LIAISON)).with(csrf()))
                .andExpect(status().isCreated()).andReturn();
        long id = ((Number) JsonPath.read(registered.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id"))
                .longValue();
        mvc.perform(post("/api/law-enforcement/requests/" + id + "/approval").with(as(APPROVER)).with(csrf()))
                .andExpect(status().isOk());

        mvc.perform(post("/api/law-enforcement/requests/" + id + "/releases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"category\":\"CONTACT\",\"person\":\"" + suspect.value() + "\"}]}")
                        .with(as(LIAISON)).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:vigil:problem:law-enforcement:category-out-of-scope"))
                .andExpect(jsonPath("$.title").value("Release refused / 不予提供数据"))
                .andExpect(jsonPath("$.messageChinese").value("所提供数据类别超出批准的协查范围"));
        mvc.perform(get("/api/law-enforcement/requests/999999").with(as(APPROVER)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_REQUEST"));
    }

    private static RequestPostProcessor as(StaffPrincipal principal) {
        return authentication(new UsernamePasswordAuthenticationToken(principal, null, List.of()));
    }

    private static MockMultipartFile json(String body) {
        return new MockMultipartFile("request", "", MediaType.APPLICATION_JSON_VALUE,
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** A registration's JSON part: the window from an hour before noon for a week, IDENTITY and PAYMENTS. */
    private static String registration(List<String> persons, int officers) {
        StringBuilder o = new StringBuilder();
        String[] names = {"刘建国", "陈晓东", "孙立"};
        for (int i = 0; i < officers; i++) {
            o.append(i == 0 ? "" : ",").append("{\"name\":\"").append(names[i])
                    .append("\",\"credentialType\":\"POLICE\",\"credentialNumber\":\"22019999000").append(i + 1)
                    .append("\"}");
        }
        return """
                {"caseNumber":"吉市公(刑)立字[2026]301号","requestingAgency":"吉林市公安局昌邑分局",
                 "purpose":"核查冒领养老金案件","legalBasis":"《中华人民共和国刑事诉讼法》第五十四条",
                 "approvalNumber":"吉市公刑审字[2026]301号","categories":["IDENTITY","PAYMENTS"],
                 "persons":[%s],"officers":[%s],
                 "windowFrom":"2026-12-02T11:00:00+08:00","windowTo":"2026-12-09T11:00:00+08:00",
                 "supervisor":{"name":"赵志刚","post":"市社保局纪检监察室主任"},"confidentialityUndertaken":true}
                """.formatted(String.join(",", persons.stream().map(p -> "\"" + p + "\"").toList()), o);
    }
}
