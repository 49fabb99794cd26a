package org.vigil.governance.disclosure;

import org.vigil.governance.SignedAgreements;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditLog;
import org.vigil.governance.AuditedEvent;
import org.vigil.governance.NewStaffAccount;
import org.vigil.governance.StaffAccount;
import org.vigil.governance.StaffDirectory;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.StaffRole;
import org.vigil.governance.disclosure.DisclosureRefusedException.Reason;
import org.vigil.identity.RegionCode;
import org.vigil.identity.ResidentId;
import org.vigil.runtime.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Purpose-bound disclosure and controlled export on real PostgreSQL (SHARE-2, DATA-9, DATA-10): a
 * reveal states its purpose, is refused to roles that may not unmask and beyond the day's quota,
 * and is in the audit log with its act; many look-ups in a short time raise one alert; an export
 * over the threshold waits for another person's approval, and every step is audited.
 */
@DisclosureIntegrationTest
class DisclosureTest {

    private final Disclosures disclosures;
    private final Exports exports;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final SettableClock clock;
    private final JdbcClient jdbc;
    private final MockMvc mvc;

    @Autowired
    DisclosureTest(Disclosures disclosures, Exports exports, AuditLog audit, TransactionTemplate transactions,
            SettableClock clock, JdbcClient jdbc, MockMvc mvc) {
        this.disclosures = disclosures;
        this.exports = exports;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.jdbc = jdbc;
        this.mvc = mvc;
    }

    @BeforeEach
    void morning() {
        clock.set(DisclosureIntegrationTest.MORNING);
    }

    @Test
    void share2_revealNeedsAStatedPurposeAndIsAudited() {
        StaffPrincipal officer = staff(9001, "share2.officer", StaffRole.CITY_OFFICER);

        assertThatThrownBy(() -> disclosures.reveal(officer, "recipient:501", Purpose.HOME_VISIT, null))
                .as("a reveal is part of the act that reads the data").isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> reveal(officer, "recipient:501", null, "看一下"))
                .isInstanceOfSatisfying(DisclosureRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID);
                    assertThat(e.getMessage()).contains("stated purpose").contains("须说明用途");
                });
        assertThat(audit.recent(Optional.of(officer.username()), Optional.empty(), 10)).isEmpty();

        Disclosure d = reveal(officer, "recipient:501", Purpose.HOME_VISIT, "入户核实 第12号任务");

        assertThat(d.purpose()).isEqualTo(Purpose.HOME_VISIT);
        assertThat(d.usedToday()).isEqualTo(1);
        assertThat(d.quota()).as("the city officer's default quota").isEqualTo(300);
        assertThat(audit.recent(Optional.of(officer.username()), Optional.of("recipient:501"), 10)).singleElement()
                .satisfies(e -> {
                    assertThat(e.seq()).isEqualTo(d.auditSeq());
                    assertThat(e.action()).isEqualTo(AuditAction.UNMASKED_VIEW);
                    assertThat(e.purpose()).isEqualTo("HOME_VISIT");
                    assertThat(e.detail()).containsEntry("note", "入户核实 第12号任务").containsEntry("role", "CITY_OFFICER")
                            .containsEntry("revealsToday", "1");
                });

        transactions.executeWithoutResult(s -> {
            disclosures.reveal(officer, "recipient:502", Purpose.OVERPAYMENT_RECOVERY, null);
            s.setRollbackOnly();
        });
        assertThat(audit.recent(Optional.empty(), Optional.of("recipient:502"), 10))
                .as("a reveal whose act rolled back left no record, and was not counted").isEmpty();
        assertThat(reveal(officer, "recipient:503", Purpose.OWN_QUERY, null).usedToday()).isEqualTo(2);
    }

    @Test
    void data9_revealRefusedToARoleWithoutUnmask() {
        for (StaffRole role : List.of(StaffRole.AUDITOR, StaffRole.LEADERSHIP, StaffRole.SECURITY_ADMINISTRATOR,
                StaffRole.DATA_PROVIDER)) {
            StaffPrincipal who = staff(9010 + role.ordinal(), "data9.nounmask." + role.ordinal(), role);
            assertThatThrownBy(() -> reveal(who, "recipient:601", Purpose.ELIGIBILITY_CERTIFICATION, null))
                    .isInstanceOfSatisfying(DisclosureRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_PERMITTED));
            assertThat(accesses(who)).isZero();
            assertThat(audit.recent(Optional.of(who.username()), Optional.empty(), 10)).isEmpty();
        }
    }

    @Test
    void data9_quotaRefusesBeyondTheDailyLimit() {
        StaffPrincipal worker = staff(9030, "data9.quota", StaffRole.COMMUNITY_WORKER);
        for (int i = 1; i <= 3; i++) {
            clock.set(DisclosureIntegrationTest.MORNING.plus(Duration.ofHours(i)));
            assertThat(reveal(worker, "recipient:70" + i, Purpose.HOME_VISIT, null).usedToday()).isEqualTo(i);
        }
        assertThatThrownBy(() -> reveal(worker, "recipient:704", Purpose.HOME_VISIT, null))
                .isInstanceOfSatisfying(DisclosureRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.QUOTA_EXCEEDED);
                    assertThat(e.getMessage()).contains("quota of 3").contains("今日查看明文次数已达上限");
                });
        assertThat(accesses(worker)).as("the refused one is not counted").isEqualTo(3);

        clock.set(LocalDate.of(2026, 12, 3).atStartOfDay(DisclosureIntegrationTest.ZONE).toInstant());
        assertThat(reveal(worker, "recipient:704", Purpose.HOME_VISIT, null).usedToday())
                .as("the quota starts again at midnight in the agency's zone").isEqualTo(1);
    }

    @Test
    void data9_manySingleLookUpsRaiseAnEnumerationAlert() throws Exception {
        StaffPrincipal curious = staff(9040, "data9.curious", StaffRole.DISTRICT_OFFICER);
        for (int i = 0; i < 5; i++) {
            clock.set(DisclosureIntegrationTest.MORNING.plus(Duration.ofMinutes(i)));
            disclosures.lookedUp(curious, "recipient:80" + i);
        }
        assertThat(alertsOf(curious)).as("five in the window are still work").isEmpty();

        clock.set(DisclosureIntegrationTest.MORNING.plus(Duration.ofMinutes(5)));
        transactions.executeWithoutResult(s -> disclosures.reveal(curious, "recipient:805", Purpose.HOME_VISIT, null));
        assertThat(alertsOf(curious)).singleElement().satisfies(a -> {
            assertThat(a.accesses()).isEqualTo(6);
            assertThat(a.threshold()).isEqualTo(5);
            assertThat(a.role()).isEqualTo("DISTRICT_OFFICER");
            assertThat(Duration.between(a.windowStart(), a.raisedAt())).isEqualTo(Duration.ofMinutes(10));
        });
        for (int i = 6; i < 9; i++) {
            clock.set(DisclosureIntegrationTest.MORNING.plus(Duration.ofMinutes(i)));
            disclosures.lookedUp(curious, "person:unknown");
        }
        assertThat(alertsOf(curious)).as("one burst, one alert").hasSize(1);
        assertThat(audit.recent(Optional.of("system:disclosure-watch"), Optional.of("staff:9040"), 10)).singleElement()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.SECURITY_ALERT);
                    assertThat(e.detail()).containsEntry("username", "data9.curious").containsEntry("accesses", "6");
                });
        assertThat(audit.recent(Optional.of("data9.curious"), Optional.empty(), 20)).extracting(AuditedEvent::action)
                .as("each look-up is a recorded query").containsOnly(AuditAction.QUERY, AuditAction.UNMASKED_VIEW)
                .hasSize(9);

        StaffPrincipal steady = staff(9041, "data9.steady", StaffRole.DISTRICT_OFFICER);
        for (int i = 0; i < 8; i++) {
            clock.set(DisclosureIntegrationTest.MORNING.plus(Duration.ofMinutes(3L * i)));
            disclosures.lookedUp(steady, "recipient:81" + i);
        }
        assertThat(alertsOf(steady)).as("eight look-ups spread over 21 minutes").isEmpty();

        StaffPrincipal security = staff(9042, "data9.security", StaffRole.SECURITY_ADMINISTRATOR);
        mvc.perform(get("/api/disclosure/alerts").with(as(security)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == 'data9.curious')].accesses").value(6))
                .andExpect(jsonPath("$[?(@.username == 'data9.steady')]").isEmpty());
    }

    @Test
    void data9_largeExportWaitsForApprovalByAnotherPerson() throws Exception {
        StaffPrincipal requester = staff(9050, "data9.requester", StaffRole.CITY_ADMINISTRATOR);
        StaffPrincipal officer = staff(9051, "data9.officer", StaffRole.CITY_OFFICER);
        StaffPrincipal approver = staff(9052, "data9.approver", StaffRole.CITY_ADMINISTRATOR);

        ExportRequest small = request(requester, 10, false);
        assertThat(small.status()).as("at the threshold: approved at once").isEqualTo(ExportStatus.APPROVED);
        assertThat(small.decidedBy()).isEqualTo(ExportRequest.THRESHOLD_APPROVER);

        ExportRequest large = request(requester, 11, false);
        assertThat(large.status()).isEqualTo(ExportStatus.PENDING);
        assertThat(exports.pending(100)).extracting(ExportRequest::id).contains(large.id()).doesNotContain(small.id());
        assertThatThrownBy(() -> exports.watermark(requester, large.id()))
                .isInstanceOfSatisfying(DisclosureRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.CONFLICT));
        assertThatThrownBy(() -> exports.approve(requester, large.id(), "我自己批"))
                .as("the requester may approve exports, but not their own")
                .isInstanceOfSatisfying(DisclosureRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_PERMITTED);
                    assertThat(e.getMessage()).contains("申请人以外");
                });
        assertThatThrownBy(() -> exports.approve(officer, large.id(), null))
                .isInstanceOfSatisfying(DisclosureRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.NOT_PERMITTED));

        mvc.perform(post("/api/exports/{id}/approve", large.id()).with(as(requester)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"同意\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.reason").value("NOT_PERMITTED"));
        mvc.perform(get("/api/exports/pending").with(as(approver)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + large.id() + ")].status").value("PENDING"));
        mvc.perform(post("/api/exports/{id}/approve", large.id()).with(as(approver)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"核对后同意\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decidedBy").value("data9.approver"))
                .andExpect(jsonPath("$.number").value(ExportRequest.numberOf(large.id())));
        mvc.perform(post("/api/exports/{id}/reject", large.id()).with(as(approver)).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/exports/mine").with(as(requester)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(large.id()))
                .andExpect(jsonPath("$[0].status").value("APPROVED"));
        assertThat(exports.watermark(requester, large.id()).text()).contains("导出人：data9.requester 的姓名（data9.requester）")
                .contains("用途：待遇领取资格认证（月度名单）").contains("编号：" + large.number());
        assertThatThrownBy(() -> exports.watermark(approver, large.id()))
                .as("only the requester produces the file")
                .isInstanceOfSatisfying(DisclosureRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.NOT_FOUND));

        assertThat(audit.recent(Optional.empty(), Optional.of(large.subject()), 10)).extracting(AuditedEvent::actor,
                e -> e.detail().get("step")).containsExactly(org.assertj.core.groups.Tuple.tuple("data9.approver", "approve"),
                        org.assertj.core.groups.Tuple.tuple("data9.requester", "request"));

        ExportRequest rejected = request(requester, 12, false);
        assertThat(exports.reject(approver, rejected.id(), "范围过大").status()).isEqualTo(ExportStatus.REJECTED);
        assertThatThrownBy(() -> exports.watermark(requester, rejected.id()))
                .isInstanceOfSatisfying(DisclosureRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.CONFLICT));

        StaffPrincipal district = staff(9053, "data9.district", StaffRole.DISTRICT_OFFICER);
        assertThat(request(district, 1, true).status()).as("data in full always waits for a second person")
                .isEqualTo(ExportStatus.PENDING);
        StaffPrincipal auditor = staff(9054, "data9.auditor", StaffRole.AUDITOR);
        assertThatThrownBy(() -> request(auditor, 1, false))
                .isInstanceOfSatisfying(DisclosureRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.NOT_PERMITTED));
    }

    @Test
    void data9_oneAccountsApprovalIsRefusedWhenTheSamePersonAskedUnderAnother(@Autowired StaffDirectory staff) {
        String first17 = "220202198005060" + "43";
        ResidentId person = ResidentId.parse(first17 + ResidentId.checkDigit(first17), LocalDate.of(2026, 12, 2))
                .orElseThrow();
        StaffAccount asOfficer = staff.open(new NewStaffAccount("data9.twohats.o", "赵双岗", person, StaffRole.CITY_OFFICER,
                RegionCode.parse("220200").orElseThrow(), null, SignedAgreements.SIGNED), "Shuang-gang-2026!".toCharArray(), "test")
                .account();
        StaffAccount asAdministrator = staff.open(new NewStaffAccount("data9.twohats.a", "赵双岗", person,
                StaffRole.CITY_ADMINISTRATOR, RegionCode.parse("220200").orElseThrow(), null, SignedAgreements.SIGNED),
                "Shuang-gang-2026!".toCharArray(), "test").account();

        ExportRequest r = request(StaffPrincipal.from(asOfficer), 20, false);
        assertThatThrownBy(() -> exports.approve(StaffPrincipal.from(asAdministrator), r.id(), null))
                .isInstanceOfSatisfying(DisclosureRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.NOT_PERMITTED));
        assertThat(exports.find(r.id()).orElseThrow().status()).isEqualTo(ExportStatus.PENDING);
    }

    @Test
    void data9_exportRowsPerDayAreBoundedByTheRolesQuota() {
        StaffPrincipal district = staff(9060, "data9.rows", StaffRole.DISTRICT_OFFICER);
        ExportRequest big = request(district, 30, false);
        request(district, 10, false);
        assertThatThrownBy(() -> request(district, 1, false))
                .isInstanceOfSatisfying(DisclosureRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.QUOTA_EXCEEDED);
                    assertThat(e.getMessage()).contains("quota of 40");
                });
        exports.reject(staff(9061, "data9.rows.approver", StaffRole.CITY_ADMINISTRATOR), big.id(), "不需要");
        assertThat(request(district, 30, false).status()).as("a rejected request's rows are given back")
                .isEqualTo(ExportStatus.PENDING);

        clock.set(DisclosureIntegrationTest.MORNING.plus(Duration.ofDays(1)));
        assertThat(request(district, 40, false).status()).isEqualTo(ExportStatus.PENDING);
    }

    private ExportRequest request(StaffPrincipal who, long rows, boolean unmasked) {
        return exports.requestExport(who, "test-list", Map.of("month", "2026-11"), rows,
                Purpose.ELIGIBILITY_CERTIFICATION, "月度名单", unmasked);
    }

    private Disclosure reveal(StaffPrincipal who, String subject, Purpose why, String note) {
        return transactions.execute(s -> disclosures.reveal(who, subject, why, note));
    }

    private List<DisclosureAlert> alertsOf(StaffPrincipal who) {
        return disclosures.alerts(1000).stream().filter(a -> a.accountId() == who.accountId()).toList();
    }

    private long accesses(StaffPrincipal who) {
        return jdbc.sql("select count(*) from governance.disclosure_access where account_id = :id")
                .param("id", who.accountId()).query(Long.class).single();
    }

    static StaffPrincipal staff(long id, String username, StaffRole role) {
        return new StaffPrincipal(id, username, username + " 的姓名", role,
                role == StaffRole.DATA_PROVIDER ? null : role.level() == null ? null : regionOf(role),
                role == StaffRole.DATA_PROVIDER ? "test_provider" : null);
    }

    private static String regionOf(StaffRole role) {
        return switch (role.level()) {
            case CITY -> "220200";
            case COUNTY -> "220202";
            case TOWNSHIP -> "220202001";
            default -> "220202001001";
        };
    }

    static RequestPostProcessor as(StaffPrincipal who) {
        return authentication(new UsernamePasswordAuthenticationToken(who, null, List.of()));
    }
}
