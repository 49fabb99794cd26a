package org.vigil.sharing.agreement.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.vigil.sharing.agreement.AgreementIntegrationTest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The REST API of providers and agreements over the real application and database: what staff's
 * console will call, and the RFC 9457 problem details it gets back when something is refused.
 */
@AgreementIntegrationTest
class AgreementApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final MockMvc mvc;

    @Autowired
    AgreementApiTest(MockMvc mvc) {
        this.mvc = mvc;
    }

    private void provider(String code) throws Exception {
        mvc.perform(post("/api/providers").contentType(MediaType.APPLICATION_JSON).content("""
                {"code": "%s", "name": "吉林市公安局", "level": "CITY", "regionCode": "220200"}""".formatted(code)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/providers/" + code)));
        mvc.perform(put("/api/providers/{code}/feeds/{feed}", code, "death.police_deregistration")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"aliases": {"殁日": "death_date"}}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.feeds[0].aliases.殁日").value("death_date"))
                .andExpect(jsonPath("$.feeds[0].ageScope").value("EVERYONE"));
    }

    private void agreement(String number, String provider, String from, String to) throws Exception {
        mvc.perform(post("/api/agreements").contentType(MediaType.APPLICATION_JSON).content("""
                {"number": "%s", "providerCode": "%s", "agencyName": "吉林市社会医疗保险管理局", "signedOn": "%s",
                 "validFrom": "%s", "validTo": "%s", "feeds": ["death.police_deregistration"],
                 "purposes": ["FRAUD_PREVENTION"]}""".formatted(number, provider, from, from, to)))
                .andExpect(status().isCreated());
    }

    @Test
    void share1_aProviderIsRegisteredWithALiaisonWhosePhoneIsShownMasked() throws Exception {
        provider("api_police");
        mvc.perform(post("/api/providers/api_police/liaisons").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "王建国", "post": "科长", "phone": "13812345678", "servingFrom": "2026-01-01"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.phone").value("138****5678"))
                .andExpect(jsonPath("$.servingToday").value(true));

        mvc.perform(get("/api/providers/api_police"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.levelChinese").value("市级"))
                .andExpect(jsonPath("$.regionName").value("吉林省吉林市"))
                .andExpect(jsonPath("$.liaisons[0].name").value("王建国"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("13812345678"))));
        mvc.perform(get("/api/providers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("api_police")));
    }

    @Test
    void share1_aLiaisonHandsOverAndTheRosterOfEachDayShowsWhoServed() throws Exception {
        provider("api_roster");
        String first = mvc.perform(post("/api/providers/api_roster/liaisons").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "王建国", "post": "科长", "phone": "0432-62345678", "servingFrom": "2025-01-01"}"""))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getHeader("Location");
        String id = first.substring(first.lastIndexOf('/') + 1);
        mvc.perform(post("/api/providers/api_roster/liaisons/{id}/end", id).contentType(MediaType.APPLICATION_JSON).content("""
                        {"lastDay": "2026-03-31"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.servingUntil").value("2026-03-31"))
                .andExpect(jsonPath("$.servingToday").value(false));
        mvc.perform(post("/api/providers/api_roster/liaisons").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "李秀英", "post": "副科长", "phone": "13912345678", "servingFrom": "2026-04-01"}"""))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/providers/api_roster/liaisons").param("on", "2026-03-31"))
                .andExpect(jsonPath("$[*].name", contains("王建国")))
                .andExpect(jsonPath("$[0].phone").value("0432-****5678"));
        mvc.perform(get("/api/providers/api_roster/liaisons"))
                .andExpect(jsonPath("$[*].name", contains("李秀英")));
        mvc.perform(get("/api/providers/api_roster/liaisons").param("all", "true"))
                .andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(post("/api/providers/api_roster/liaisons/{id}/end", id).contentType(MediaType.APPLICATION_JSON).content("""
                        {"lastDay": "2026-04-30"}"""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.violations[0].code").value("LIAISON_ALREADY_ENDED"));
    }

    @Test
    void share1_aBadRegionCodeIsAProblemDetailNamingTheFieldAndReason() throws Exception {
        mvc.perform(post("/api/providers").contentType(MediaType.APPLICATION_JSON).content("""
                {"code": "api_bad", "name": "公安局", "level": "DISTRICT", "regionCode": "2202021"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:vigil:problem:sharing:invalid"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.violations", hasSize(1)))
                .andExpect(jsonPath("$.violations[0].field").value("regionCode"))
                .andExpect(jsonPath("$.violations[0].code").value("REGION_CODE"))
                .andExpect(jsonPath("$.violations[0].messageChinese", containsString("行政区划代码不正确")));
        mvc.perform(get("/api/providers/api_bad"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[0].code").value("UNKNOWN_PROVIDER"));
    }

    @Test
    void aRequestMissingRequiredFieldsIsRefusedBeforeTheRegisterWithEveryField() throws Exception {
        mvc.perform(post("/api/providers").contentType(MediaType.APPLICATION_JSON).content("""
                {"code": "API BAD", "name": ""}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[*].field", org.hamcrest.Matchers.containsInAnyOrder(
                        "code", "name", "level", "regionCode")));
    }

    @Test
    void share2_anInvertedValidityIsAProblemDetailAndADuplicateNumberAConflict() throws Exception {
        provider("api_order");
        mvc.perform(post("/api/agreements").contentType(MediaType.APPLICATION_JSON).content("""
                {"number": "API-BAD-1", "providerCode": "api_order", "agencyName": "社保局", "signedOn": "2026-01-01",
                 "validFrom": "2026-05-01", "validTo": "2026-04-30", "feeds": ["death.police_deregistration"],
                 "purposes": ["FRAUD_PREVENTION"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[0].field").value("validTo"))
                .andExpect(jsonPath("$.violations[0].code").value("VALIDITY_ORDER"));

        agreement("API-001", "api_order", "2026-01-01", "2026-12-31");
        mvc.perform(post("/api/agreements").contentType(MediaType.APPLICATION_JSON).content("""
                {"number": "API-001", "providerCode": "api_order", "agencyName": "社保局", "signedOn": "2026-01-01",
                 "validFrom": "2026-01-01", "validTo": "2026-12-31", "feeds": ["death.police_deregistration"],
                 "purposes": ["FRAUD_PREVENTION"]}"""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:vigil:problem:sharing:conflict"))
                .andExpect(jsonPath("$.violations[0].code").value("AGREEMENT_EXISTS"));
    }

    @Test
    void share2_theCheckNamesProviderFeedAndDayWhenNoAgreementIsInForce() throws Exception {
        provider("api_check");
        agreement("API-2025-1", "api_check", "2025-01-01", "2025-12-31");

        mvc.perform(get("/api/agreements/check").param("provider", "api_check").param("feed", "death.police_deregistration")
                        .param("on", "2026-02-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inForce").value(false))
                .andExpect(jsonPath("$.reason").value("EXPIRED"))
                .andExpect(jsonPath("$.message", containsString("api_check")))
                .andExpect(jsonPath("$.message", containsString("2026-02-01")))
                .andExpect(jsonPath("$.messageChinese", containsString("2025-12-31 到期")));
        mvc.perform(get("/api/agreements/check").param("provider", "api_check").param("feed", "death.police_deregistration")
                        .param("on", "2025-12-31"))
                .andExpect(jsonPath("$.inForce").value(true))
                .andExpect(jsonPath("$.agreement").value("API-2025-1"));
    }

    @Test
    void share2_theExpiringListTakesAnIsoPeriodAndRefusesANegativeOne() throws Exception {
        provider("api_exp");
        agreement("API-EXP-1", "api_exp", "2026-01-01", "2026-08-14");
        agreement("API-EXP-2", "api_exp", "2026-01-01", "2026-08-15");

        // today is 2026-06-15 in these tests: P60D reaches 2026-08-14
        mvc.perform(get("/api/agreements/expiring").param("within", "P60D"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.providerCode == 'api_exp')].number", contains("API-EXP-1")))
                .andExpect(jsonPath("$[?(@.number == 'API-EXP-1')].daysLeft", contains(60)));
        mvc.perform(get("/api/agreements/expiring").param("within", "61"))
                .andExpect(jsonPath("$[?(@.providerCode == 'api_exp')].number", contains("API-EXP-1", "API-EXP-2")));
        mvc.perform(get("/api/agreements/expiring").param("within", "-P1D"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[0].code").value("EXPIRY_WINDOW"));
    }

    @Test
    void share2_theSignedScanIsUploadedAsMultipartAndServedBackWithItsHash() throws Exception {
        provider("api_scan");
        agreement("API-SCAN-1", "api_scan", "2026-01-01", "2026-12-31");
        byte[] pdf = "%PDF-1.7\n保密协议\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));

        mvc.perform(multipart("/api/agreements/API-SCAN-1/scan")
                        .file(new MockMultipartFile("file", "保密协议.pdf", "application/octet-stream", pdf)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scan.sha256").value(hash))
                .andExpect(jsonPath("$.scan.mediaType").value("application/pdf"))
                .andExpect(jsonPath("$.scan.fileName").value("保密协议.pdf"));
        mvc.perform(get("/api/agreements/API-SCAN-1/scan"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("ETag", "\"" + hash + "\""))
                .andExpect(content().bytes(pdf));

        mvc.perform(multipart("/api/agreements/API-SCAN-1/scan")
                        .file(new MockMultipartFile("file", "a.exe", "application/pdf", new byte[] {'M', 'Z', 0, 0})))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].code").value("SCAN_FORMAT"));
        mvc.perform(get("/api/agreements/API-NONE/scan"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.violations[0].code").value("UNKNOWN_AGREEMENT"));
    }

    @Test
    void share2_anAgreementIsTerminatedEarlyWithItsReason() throws Exception {
        provider("api_term");
        agreement("API-TERM-1", "api_term", "2026-01-01", "2026-12-31");

        mvc.perform(post("/api/agreements/API-TERM-1/termination").contentType(MediaType.APPLICATION_JSON).content("""
                {"effectiveFrom": "2026-06-15", "reason": "提供方撤回"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("TERMINATED"))
                .andExpect(jsonPath("$.lastDayInForce").value("2026-06-14"))
                .andExpect(jsonPath("$.termination.reason").value("提供方撤回"));
        mvc.perform(post("/api/agreements/API-TERM-1/termination").contentType(MediaType.APPLICATION_JSON).content("""
                {"effectiveFrom": "2026-06-20", "reason": "再次"}"""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.violations[0].code").value("ALREADY_TERMINATED"));
        mvc.perform(get("/api/agreements").param("provider", "api_term"))
                .andExpect(jsonPath("$[0].number").value("API-TERM-1"))
                .andExpect(jsonPath("$[0].statusChinese").value("已终止"));
    }
}
