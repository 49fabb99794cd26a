package org.vigil.certification;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditLog;
import org.vigil.governance.AuditedEvent;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.StaffRole;
import org.vigil.governance.disclosure.DisclosureAlert;
import org.vigil.governance.disclosure.DisclosureIntegrationTest;
import org.vigil.governance.disclosure.Disclosures;
import org.vigil.registry.RegistryBaseline;
import org.vigil.runtime.SettableClock;
import org.vigil.vault.PersonVault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A recipient's identity in full over HTTP (SHARE-2, DATA-9): only with a purpose, only for a role
 * that may unmask, never cached, always in the audit log; and the explanation of a person's
 * decisions, asked for by ID number, counted as a look-up that the enumeration watch sees.
 */
@DisclosureIntegrationTest
class IdentityApiTest {

    static final StaffPrincipal WORKER = new StaffPrincipal(9101, "identity.worker", "社区网格员李娟",
            StaffRole.COMMUNITY_WORKER, CertifiedNovember.COMMUNITY, null);

    @TempDir
    static Path workspace;

    private final MockMvc mvc;
    private final AuditLog audit;
    private final PersonVault vault;

    private final JdbcClient jdbc;
    private final SettableClock clock;
    private final Disclosures disclosures;

    @Autowired
    IdentityApiTest(MockMvc mvc, AuditLog audit, JdbcClient jdbc, SettableClock clock, Disclosures disclosures, PersonVault vault) {
        this.vault = vault;
        this.mvc = mvc;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.disclosures = disclosures;
    }

    @BeforeEach
    void november(@Autowired RecipientBaseline recipients, @Autowired RegistryBaseline registry,
            @Autowired MonthlyVerification verification, @Autowired CertificationLists lists) {
        clock.set(DisclosureIntegrationTest.MORNING);
        CertifiedNovember.ensure(recipients, registry, verification, lists, workspace);
    }

    @Test
    void share2_theRevealEndpointShowsTheIdentityInFullForAStatedPurpose_andRecordsIt() throws Exception {
        long id = CertifiedNovember.recipientId(jdbc, vault, CertifiedNovember.IDS.get(1));

        mvc.perform(post("/api/certification/recipients/{id}/reveal", id).with(as(WORKER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"电话联系\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("purpose"));
        mvc.perform(post("/api/certification/recipients/{id}/reveal", id).with(as(WORKER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"purpose\":\"CURIOSITY\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("HOME_VISIT")));
        assertThat(audit.recent(Optional.of(WORKER.username()), Optional.empty(), 10)).isEmpty();

        mvc.perform(post("/api/certification/recipients/{id}/reveal", id).with(as(WORKER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"purpose\":\"HOME_VISIT\",\"note\":\"上门前电话预约\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(jsonPath("$.recipientId").value(id))
                .andExpect(jsonPath("$.idNumber").value(CertifiedNovember.IDS.get(1)))
                .andExpect(jsonPath("$.name").value(CertifiedNovember.NAMES.get(1)))
                .andExpect(jsonPath("$.phone").value(CertifiedNovember.PHONE))
                .andExpect(jsonPath("$.purposeChinese").value("上门核实服务"))
                .andExpect(jsonPath("$.revealsToday").value(1))
                .andExpect(jsonPath("$.dailyQuota").value(3));

        assertThat(audit.recent(Optional.of(WORKER.username()), Optional.empty(), 10)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.UNMASKED_VIEW);
            assertThat(e.subject()).isEqualTo("recipient:" + id);
            assertThat(e.purpose()).isEqualTo("HOME_VISIT");
            assertThat(e.detail()).containsEntry("note", "上门前电话预约");
            assertThat(e.detail().values()).as("nothing of the person is in the audit log")
                    .noneMatch(v -> v.contains(CertifiedNovember.IDS.get(1)) || v.contains(CertifiedNovember.PHONE));
        });
    }

    @Test
    void data9_revealRefusedToARoleWithoutUnmask_overHttp() throws Exception {
        StaffPrincipal auditor = new StaffPrincipal(9102, "identity.auditor", "审计检查员", StaffRole.AUDITOR, "220200",
                null);
        long id = CertifiedNovember.recipientId(jdbc, vault, CertifiedNovember.IDS.get(0));
        mvc.perform(post("/api/certification/recipients/{id}/reveal", id).with(as(auditor)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"purpose\":\"CONTRADICTION_INVESTIGATION\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Forbidden / 无权操作"))
                .andExpect(jsonPath("$.idNumber").doesNotExist());
        mvc.perform(post("/api/certification/recipients/{id}/reveal", 987_654_321L).with(as(WORKER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"purpose\":\"HOME_VISIT\"}"))
                .andExpect(status().isNotFound());
        assertThat(audit.recent(Optional.of(auditor.username()), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void data9_explanationLookUpsFeedTheEnumerationWatch() throws Exception {
        StaffPrincipal street = new StaffPrincipal(9103, "identity.street", "街道经办人", StaffRole.STREET_WORKER,
                "220204001", null);
        for (int i = 0; i < 6; i++) {
            clock.set(DisclosureIntegrationTest.MORNING.plus(Duration.ofSeconds(30L * i)));
            String idNumber = CertifiedNovember.IDS.get(i % CertifiedNovember.IDS.size());
            mvc.perform(post("/api/certification/explanations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"idNumber\":\"" + idNumber + "\"}").param("month", "2026-11").with(as(street))
                    .with(csrf())).andExpect(status().isOk())
                    .andExpect(jsonPath("$.name").value(org.hamcrest.Matchers.containsString("*")));
        }
        assertThat(audit.recent(Optional.of(street.username()), Optional.empty(), 10)).extracting(AuditedEvent::action)
                .containsOnly(AuditAction.QUERY).hasSize(6);
        assertThat(alerts(9103)).singleElement().satisfies(a -> assertThat(a.accesses()).isEqualTo(6));
    }

    private List<DisclosureAlert> alerts(long account) {
        return disclosures.alerts(1000).stream().filter(a -> a.accountId() == account).toList();
    }

    static RequestPostProcessor as(StaffPrincipal who) {
        return authentication(new UsernamePasswordAuthenticationToken(who, null, List.of()));
    }
}
