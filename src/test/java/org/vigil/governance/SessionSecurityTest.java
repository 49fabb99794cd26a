package org.vigil.governance;

import java.time.LocalDate;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.vigil.VigilIntegrationTest;
import org.vigil.identity.RegionCode;
import org.vigil.identity.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff session over HTTP (DATA-3, 等保 level 3): nothing without a session, a session only
 * after password and code, CSRF required for changes, the session id renewed at login, logout ends
 * it. Built without the signed-in defaults the other API tests use.
 */
@VigilIntegrationTest
class SessionSecurityTest {

    static final String PASSWORD = "Long-jing-2026!";

    @Autowired
    WebApplicationContext web;
    @Autowired
    StaffDirectory staff;

    private MockMvc mvc;

    @BeforeEach
    void bareMockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
    }

    @Test
    void data3_theApiAnswersNothingWithoutASession_butTheConsolePageLoads() throws Exception {
        for (String path : new String[] {"/api/overview/districts", "/api/certification/runs", "/api/deliveries",
                "/api/session", "/api/recovery/cases"}) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Login required / 请先登录"));
        }
        mvc.perform(get("/")).andExpect(status().isOk());
    }

    @Test
    void data3_passwordAndCodeOpenASession_whichReachesTheApi_untilLogout() throws Exception {
        StaffDirectory.OpenedAccount opened = open("zhou.min");
        MockHttpSession before = new MockHttpSession();

        MvcResult in = mvc.perform(post("/api/session").session(before).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(login("zhou.min", PASSWORD, TotpCodes.now(opened.totpSecret()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("zhou.min"))
                .andExpect(jsonPath("$.role").value("DISTRICT_OFFICER"))
                .andExpect(jsonPath("$.region").value("220202")).andReturn();
        MockHttpSession session = (MockHttpSession) in.getRequest().getSession(false);
        assertThat(session).isNotNull();
        assertThat(before.isInvalid()).as("the session from before the login is thrown away").isTrue();

        mvc.perform(get("/api/session").session(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("周敏"));
        mvc.perform(get("/api/overview/districts").session(session)).andExpect(status().isOk());
        mvc.perform(delete("/api/session").session(session).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/session").session(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void data3_aStolenPasswordWithoutTheCodeGetsNoSession_andTheAnswerNamesNothing() throws Exception {
        open("wu.lei");
        for (String body : new String[] {login("wu.lei", PASSWORD, "000000"), login("wu.lei", "Wrong-pass-2026!", "123456"),
                login("nobody.here", PASSWORD, "123456")}) {
            MvcResult r = mvc.perform(post("/api/session").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.title").value("Login failed / 登录失败")).andReturn();
            assertThat(r.getRequest().getSession(false)).as("no session for a failed login").isNull();
            assertThat(r.getResponse().getContentAsString()).doesNotContain("wu.lei").doesNotContain("nobody");
        }
    }

    @Test
    void data3_bruteForceOverHttpLocksTheAccount_afterWhichEvenTheRightPasswordAndCodeGetNothing() throws Exception {
        StaffDirectory.OpenedAccount opened = open("zheng.hao");
        int attempts = web.getEnvironment().getProperty("vigil.staff.lockout.attempts", Integer.class, 5);
        for (int i = 0; i < attempts; i++) {
            mvc.perform(post("/api/session").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                            .content(login("zheng.hao", "Guess-number-" + i + "!", "123456")))
                    .andExpect(status().isUnauthorized());
        }
        assertThat(staff.find("zheng.hao").orElseThrow().lockedUntil()).as("locked by the failures").isNotNull();
        // the lockout answers like any failure, so a guesser learns nothing from it, and opens no session
        MvcResult right = mvc.perform(post("/api/session").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(login("zheng.hao", PASSWORD, TotpCodes.now(opened.totpSecret()))))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Login failed / 登录失败")).andReturn();
        assertThat(right.getRequest().getSession(false)).isNull();
    }

    @Test
    void data3_changesWithoutTheCsrfTokenAreRefused_evenWithASession() throws Exception {
        StaffDirectory.OpenedAccount opened = open("xu.jing");
        mvc.perform(post("/api/session").contentType(MediaType.APPLICATION_JSON)
                        .content(login("xu.jing", PASSWORD, TotpCodes.now(opened.totpSecret()))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Forbidden / 无权操作"));
        MvcResult in = mvc.perform(post("/api/session").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(login("xu.jing", PASSWORD, TotpCodes.now(opened.totpSecret()))))
                .andExpect(status().isOk()).andReturn();
        MockHttpSession session = (MockHttpSession) in.getRequest().getSession(false);
        mvc.perform(delete("/api/session").session(session)).andExpect(status().isForbidden());
        mvc.perform(delete("/api/session").session(session).with(csrf().useInvalidToken())).andExpect(status().isForbidden());
    }

    @Test
    void data3_theSessionCookieIsHttpOnlyAndStrict_andPagesMayNotBeFramed() throws Exception {
        mvc.perform(get("/")).andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'")));
        assertThat(web.getEnvironment().getProperty("server.servlet.session.timeout")).isEqualTo("15m");
        assertThat(web.getEnvironment().getProperty("server.servlet.session.cookie.same-site")).isEqualTo("strict");
        assertThat(new Cookie("x", "y").isHttpOnly()).isFalse();
        assertThat(web.getEnvironment().getProperty("server.servlet.session.cookie.http-only")).isEqualTo("true");
    }

    private StaffDirectory.OpenedAccount open(String username) {
        String first17 = "220202" + "1979" + "0315" + String.format("%03d", Math.floorMod(username.hashCode(), 1000));
        ResidentId person = ResidentId.parse(first17 + ResidentId.checkDigit(first17), LocalDate.of(2026, 12, 2))
                .orElseThrow();
        String display = switch (username) {
            case "zhou.min" -> "周敏";
            case "wu.lei" -> "吴磊";
            case "zheng.hao" -> "郑浩";
            default -> "徐静";
        };
        return staff.open(new NewStaffAccount(username, display, person, StaffRole.DISTRICT_OFFICER,
                RegionCode.parse("220202").orElseThrow(), null, SignedAgreements.SIGNED), PASSWORD.toCharArray(), "security.admin");
    }

    private static String login(String username, String password, String code) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"code\":\"" + code + "\"}";
    }
}
