package org.vigil.sharing.quality;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditLog;
import org.vigil.governance.SignedInMockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The threshold and evaluation endpoints of {@code /api/quality}: what is in force and where it
 * comes from, recording a new value (DATA-8), and the refusals as RFC 9457 problem details.
 */
@QualityIntegrationTest
class QualityApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final MockMvc mvc;
    private final AuditLog audit;

    @Autowired
    QualityApiTest(MockMvc mvc, AuditLog audit) {
        this.mvc = mvc;
        this.audit = audit;
    }

    @Test
    void data12_theThresholdsInForceSayWhereEachValueComesFrom() throws Exception {
        mvc.perform(get("/api/quality/thresholds").param("feed", "death.community_report").param("month", "2026-03"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.feed").value("death.community_report"))
                .andExpect(jsonPath("$.values[?(@.rule == 'ANOMALY_RATE_MAX')].value").value(0.5))
                .andExpect(jsonPath("$.values[?(@.rule == 'ANOMALY_RATE_MAX')].feed").value("death.community_report"))
                .andExpect(jsonPath("$.values[?(@.rule == 'HISTORY_FACTOR')].feed").value(org.hamcrest.Matchers.contains(
                        org.hamcrest.Matchers.nullValue())));
        mvc.perform(get("/api/quality/thresholds").param("feed", "death.nothing"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM_JSON));
    }

    @Test
    void data8_aNewThresholdIsRecordedWithWhoAndWhy_andCannotBeRecordedTwiceOrBackDated() throws Exception {
        String change = """
                {"feed": "life.aviation", "rule": "DUPLICATE_RATE_MAX", "value": 0.03, "effectiveFrom": "%s",
                 "note": "航空数据重复较多，放宽"}""";
        mvc.perform(post("/api/quality/thresholds").contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted("2026-08")))
                .andExpect(status().isCreated())
                // who: the signed-in account, never a name the request claims (ADR 0026)
                .andExpect(jsonPath("$.recordedBy").value(SignedInMockMvc.OFFICER.username()))
                .andExpect(jsonPath("$.effectiveFrom").value("2026-08"));
        assertThat(audit.recent(Optional.of(SignedInMockMvc.OFFICER.username()), Optional.empty(), 20))
                .filteredOn(e -> e.action() == AuditAction.PARAMETER_CHANGE).first()
                .satisfies(e -> {
                    assertThat(e.subject()).startsWith("quality-threshold:");
                    assertThat(e.purpose()).isEqualTo("航空数据重复较多，放宽");
                    assertThat(e.detail()).containsEntry("rule", "DUPLICATE_RATE_MAX").containsEntry("feed", "life.aviation")
                            .containsEntry("effectiveFrom", "2026-08");
                });
        mvc.perform(post("/api/quality/thresholds").contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted("2026-08")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:vigil:problem:quality:conflict"));
        mvc.perform(post("/api/quality/thresholds").contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted("2026-01")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:vigil:problem:quality:invalid"))
                .andExpect(jsonPath("$.detail").value(containsString("before the current month")));
        mvc.perform(post("/api/quality/thresholds").contentType(MediaType.APPLICATION_JSON).content("""
                        {"rule": "DUPLICATE_RATE_MAX", "effectiveFrom": "2026-08", "note": "y"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("value"));
        mvc.perform(get("/api/quality/thresholds/entries").param("feed", "life.aviation"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].note").value("航空数据重复较多，放宽"));
    }

    @Test
    void share9_theEvaluationsAreAlsoServedAsJson() throws Exception {
        mvc.perform(get("/api/quality/evaluations").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        mvc.perform(get("/api/quality/evaluations").param("year", "12"))
                .andExpect(status().isBadRequest());
    }
}
