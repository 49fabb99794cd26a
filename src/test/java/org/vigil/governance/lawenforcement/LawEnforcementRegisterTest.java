package org.vigil.governance.lawenforcement;

import org.vigil.governance.SignedAgreements;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.VigilIntegrationTest;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditLog;
import org.vigil.governance.AuditedEvent;
import org.vigil.governance.NewStaffAccount;
import org.vigil.governance.StaffDirectory;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.StaffRole;
import org.vigil.identity.RegionCode;
import org.vigil.identity.ResidentId;
import org.vigil.runtime.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.governance.lawenforcement.RegisterFixtures.APPROVER;
import static org.vigil.governance.lawenforcement.RegisterFixtures.DAY_BEFORE;
import static org.vigil.governance.lawenforcement.RegisterFixtures.LIAISON;
import static org.vigil.governance.lawenforcement.RegisterFixtures.NOON;
import static org.vigil.governance.lawenforcement.RegisterFixtures.OFFICER;
import static org.vigil.governance.lawenforcement.RegisterFixtures.PDF;
import static org.vigil.governance.lawenforcement.RegisterFixtures.SECOND_LIAISON;
import static org.vigil.governance.lawenforcement.RegisterFixtures.WEEK_LATER;
import static org.vigil.governance.lawenforcement.RegisterFixtures.draft;
import static org.vigil.governance.lawenforcement.RegisterFixtures.person;
import static org.vigil.governance.lawenforcement.RegisterFixtures.twoOfficers;
import static org.vigil.governance.lawenforcement.RegisterFixtures.window;

/**
 * The law-enforcement access register (DATA-11, 004 第十二条) on real PostgreSQL: two officers at
 * least, a decision by someone other than the registrar, releases only inside the approved scope
 * and window, every item recorded and audited, nothing of the persons readable at rest.
 */
@VigilIntegrationTest
@AutoConfigureMockMvc
@Import(RegisterFixtures.class)
class LawEnforcementRegisterTest {

    private static final long DAY = 24 * 3600;

    private final LawEnforcementRegister register;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final SettableClock clock;
    private final JdbcClient jdbc;

    @Autowired
    LawEnforcementRegisterTest(LawEnforcementRegister register, AuditLog audit, StaffDirectory staff,
            SettableClock clock, JdbcClient jdbc) {
        this.register = register;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void noon() {
        clock.set(NOON);
    }

    @Test
    void data11_aRequestNeedsAtLeastTwoOfficers() {
        List<Officer> two = twoOfficers();
        assertThatThrownBy(() -> draft(List.of(two.get(0)), window(NOON, WEEK_LATER), person()))
                .isInstanceOfSatisfying(LawEnforcementException.class, e -> {
                    assertThat(e.problem()).isEqualTo(LawEnforcementProblem.TOO_FEW_OFFICERS);
                    assertThat(e.field()).isEqualTo("officers");
                    assertThat(e.getMessage()).contains("两名以上执法人员");
                });
        assertThatThrownBy(() -> draft(List.of(), window(NOON, WEEK_LATER), person()))
                .isInstanceOfSatisfying(LawEnforcementException.class,
                        e -> assertThat(e.problem()).isEqualTo(LawEnforcementProblem.TOO_FEW_OFFICERS));
        Officer same = Officer.of("王 伟", CredentialType.POLICE, two.get(0).credentialNumber().toLowerCase());
        assertThatThrownBy(() -> draft(List.of(two.get(0), same), window(NOON, WEEK_LATER), person()))
                .as("one card shown twice is one officer").isInstanceOfSatisfying(LawEnforcementException.class,
                        e -> assertThat(e.problem()).isEqualTo(LawEnforcementProblem.SAME_OFFICER_TWICE));
        assertThat(draft(two, window(NOON, WEEK_LATER), person()).officers()).hasSize(2);
    }

    @Test
    void data11_theOfficersUndertakeConfidentiality_andTheApprovalScanIsAPdfOrImage() {
        assertThatThrownBy(() -> draft(twoOfficers(), window(NOON, WEEK_LATER), EnumSet.of(DataCategory.IDENTITY),
                false, person())).isInstanceOfSatisfying(LawEnforcementException.class,
                        e -> assertThat(e.problem()).isEqualTo(LawEnforcementProblem.NO_CONFIDENTIALITY));
        assertThatThrownBy(() -> ApprovalDocument.of("approval.pdf", "not a scan".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(LawEnforcementException.class,
                        e -> assertThat(e.problem()).isEqualTo(LawEnforcementProblem.DOCUMENT_FORMAT));
        assertThat(ApprovalDocument.of("C:\\scans\\approval.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})
                .fileName()).isEqualTo("approval.jpg");
    }

    @Test
    void data11_theWindowIsBoundedByConfiguration_andMustNotHaveEnded() {
        assertThat(register.limits().maxWindow()).hasDays(30);
        assertThatThrownBy(() -> register.register(draft(twoOfficers(), window(NOON, NOON.plusSeconds(31 * DAY)),
                person()), LIAISON)).isInstanceOfSatisfying(LawEnforcementException.class,
                        e -> assertThat(e.problem()).isEqualTo(LawEnforcementProblem.WINDOW_TOO_LONG));
        assertThatThrownBy(() -> register.register(draft(twoOfficers(), window(DAY_BEFORE.minusSeconds(DAY),
                DAY_BEFORE), person()), LIAISON)).isInstanceOfSatisfying(LawEnforcementException.class,
                        e -> assertThat(e.problem()).isEqualTo(LawEnforcementProblem.WINDOW_OVER));
        assertThatThrownBy(() -> window(WEEK_LATER, NOON)).isInstanceOfSatisfying(LawEnforcementException.class,
                e -> assertThat(e.problem()).isEqualTo(LawEnforcementProblem.WINDOW_ORDER));
        assertThatThrownBy(() -> register.register(draft(twoOfficers(), window(NOON, WEEK_LATER), person()), OFFICER))
                .as("a role without the register's permission").isInstanceOfSatisfying(LawEnforcementException.class,
                        e -> assertThat(e.problem()).isEqualTo(LawEnforcementProblem.NOT_PERMITTED));
    }

    @Test
    void data11_theRegistrarCannotApproveTheirOwnRequest_notEvenUnderAnotherAccount() {
        ResidentId holder = person();
        StaffPrincipal liaison = StaffPrincipal.from(staff.open(new NewStaffAccount("li.lianluo", "李联络", holder,
                StaffRole.LAW_ENFORCEMENT_LIAISON, RegionCode.parse("220200").orElseThrow(), null, SignedAgreements.SIGNED),
                "Lian-luo-2026!x".toCharArray(), "security.admin").account());
        StaffPrincipal sameHolder = StaffPrincipal.from(staff.open(new NewStaffAccount("li.shenpi", "李联络", holder,
                StaffRole.CITY_ADMINISTRATOR, RegionCode.parse("220200").orElseThrow(), null, SignedAgreements.SIGNED),
                "Shen-pi-2026!xy".toCharArray(), "security.admin").account());
        LawEnforcementRequest request = register.register(draft(twoOfficers(), window(NOON, WEEK_LATER), person()),
                liaison);
        assertThat(request.status()).isEqualTo(RequestStatus.REGISTERED);

        assertThatThrownBy(() -> register.approve(request.id(), null, liaison))
                .as("the liaison's role may not approve").isInstanceOfSatisfying(LawEnforcementException.class,
                        e -> assertThat(e.problem()).isEqualTo(LawEnforcementProblem.NOT_PERMITTED));
        assertThatThrownBy(() -> register.approve(request.id(), null, sameHolder))
                .as("the registrar's other account").isInstanceOfSatisfying(LawEnforcementException.class,
                        e -> assertThat(e.problem()).isEqualTo(LawEnforcementProblem.SELF_APPROVAL));
        assertThatThrownBy(() -> register.reject(request.id(), "无", sameHolder))
                .isInstanceOfSatisfying(LawEnforcementException.class,
                        e -> assertThat(e.problem()).isEqualTo(LawEnforcementProblem.SELF_APPROVAL));
        assertThat(register.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.REGISTERED);
        assertThat(audit.recent(Optional.of("li.shenpi"), Optional.of("law-enforcement:" + request.id()), 5))
                .as("the attempts are audited").hasSize(2)
                .allSatisfy(e -> assertThat(e.detail()).containsEntry("result", "REFUSED")
                        .containsEntry("reason", "SELF_APPROVAL"));

        LawEnforcementRequest approved = register.approve(request.id(), "材料齐全", APPROVER);
        assertThat(approved.status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(APPROVER.username());
        assertThat(approved.notices()).extracting(LawEnforcementRequest.Notice::event)
                .containsExactly(RequestStatus.REGISTERED, RequestStatus.APPROVED);
        assertThatThrownBy(() -> register.approve(request.id(), null, APPROVER))
                .isInstanceOfSatisfying(LawEnforcementException.class,
                        e -> assertThat(e.problem()).isEqualTo(LawEnforcementProblem.NOT_REGISTERED));
    }

    @Test
    void data11_aReleaseIsRefusedOutsideTheApprovedWindow_andTheRequestExpires() {
        ResidentId suspect = person();
        Instant opens = NOON.plusSeconds(DAY);
        Instant ends = NOON.plusSeconds(8 * DAY);
        LawEnforcementRequest request = register.register(draft(twoOfficers(), window(opens, ends), suspect), LIAISON);
        List<ReleaseItem> identity = List.of(new ReleaseItem(DataCategory.IDENTITY, suspect));

        assertRefused(() -> register.release(request.id(), identity, null, LIAISON),
                LawEnforcementProblem.RELEASE_NOT_APPROVED);
        register.approve(request.id(), null, APPROVER);
        assertRefused(() -> register.release(request.id(), identity, null, LIAISON),
                LawEnforcementProblem.RELEASE_BEFORE_WINDOW);

        clock.set(opens);
        assertThat(register.release(request.id(), identity, null, LIAISON).items()).hasSize(1);

        clock.set(ends.minusSeconds(1));
        assertThat(register.release(request.id(), identity, null, LIAISON).items()).hasSize(1);

        clock.set(ends);
        assertRefused(() -> register.release(request.id(), identity, null, LIAISON),
                LawEnforcementProblem.RELEASE_AFTER_WINDOW);
        assertThat(register.find(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.EXPIRED);
        assertThat(register.releases(request.id())).hasSize(2);
        assertThat(audit.recent(Optional.of(LIAISON.username()), Optional.of("law-enforcement:" + request.id()), 10))
                .filteredOn(e -> e.action() == AuditAction.EXPORT).extracting(e -> e.detail().get("result"))
                .containsExactly("REFUSED", "RELEASED", "RELEASED", "REFUSED", "REFUSED");

        LawEnforcementRequest late = register.register(draft(twoOfficers(), window(ends, ends.plusSeconds(DAY)),
                person()), LIAISON);
        clock.set(ends.plusSeconds(DAY));
        assertThatThrownBy(() -> register.approve(late.id(), null, APPROVER))
                .as("a request whose window has ended can no longer be approved")
                .isInstanceOfSatisfying(LawEnforcementException.class,
                        e -> assertThat(e.problem()).isEqualTo(LawEnforcementProblem.REQUEST_EXPIRED));
    }

    @Test
    void data11_aReleaseOutsideTheScopeIsRefused_andNothingOfItIsKept() {
        ResidentId suspect = person();
        ResidentId bystander = person();
        LawEnforcementRequest request = register.register(draft(twoOfficers(), window(DAY_BEFORE, WEEK_LATER),
                EnumSet.of(DataCategory.PAYMENTS), true, suspect), LIAISON);
        register.approve(request.id(), null, APPROVER);

        assertRefused(() -> register.release(request.id(), List.of(new ReleaseItem(DataCategory.PAYMENTS, suspect),
                new ReleaseItem(DataCategory.CONTACT, suspect)), null, LIAISON), LawEnforcementProblem.CATEGORY_OUT_OF_SCOPE);
        LawEnforcementException stranger = assertRefused(() -> register.release(request.id(), List.of(
                new ReleaseItem(DataCategory.PAYMENTS, suspect), new ReleaseItem(DataCategory.PAYMENTS, bystander)), null,
                LIAISON), LawEnforcementProblem.PERSON_OUT_OF_SCOPE);
        assertThat(stranger.getMessage()).as("says how many, never who").doesNotContain(bystander.value())
                .doesNotContain(bystander.masked()).contains("1 person");

        assertThat(register.releases(request.id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from governance.law_enforcement_release where request_id = :id")
                .param("id", request.id()).query(Long.class).single()).isZero();
        assertThat(register.find(request.id()).orElseThrow().releasedItems()).isZero();
    }

    @Test
    void data11_everyReleasedItemIsRecordedAndAudited_appendOnly_andTheAuditChainStillVerifies() {
        ResidentId first = person();
        ResidentId second = person();
        LawEnforcementRequest request = register.register(draft(twoOfficers(), window(DAY_BEFORE, WEEK_LATER), first,
                second), LIAISON);
        register.approve(request.id(), "同意", APPROVER);
        String file = "ab".repeat(32);

        Release release = register.release(request.id(), List.of(new ReleaseItem(DataCategory.IDENTITY, first),
                new ReleaseItem(DataCategory.PAYMENTS, first), new ReleaseItem(DataCategory.PAYMENTS, second),
                new ReleaseItem(DataCategory.PAYMENTS, second)), file.toUpperCase(), SECOND_LIAISON);

        assertThat(release.items()).as("an item named twice is one item").hasSize(3);
        assertThat(release.releasedBy()).isEqualTo(SECOND_LIAISON.username());
        assertThat(release.releasedAt()).isEqualTo(NOON);
        assertThat(release.fileSha256()).isEqualTo(file);
        assertThat(release.items()).extracting(Release.Item::category, Release.Item::maskedPerson).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DataCategory.IDENTITY, first.masked()),
                org.assertj.core.groups.Tuple.tuple(DataCategory.PAYMENTS, first.masked()),
                org.assertj.core.groups.Tuple.tuple(DataCategory.PAYMENTS, second.masked()));
        assertThat(register.releases(request.id())).singleElement().isEqualTo(release);
        assertThat(jdbc.sql("""
                        select count(*) from governance.law_enforcement_release_item i
                          join governance.law_enforcement_release r on r.id = i.release_id where r.request_id = :id""")
                .param("id", request.id()).query(Long.class).single()).isEqualTo(3);

        List<AuditedEvent> events = audit.recent(Optional.empty(), Optional.of("law-enforcement:" + request.id()), 10);
        assertThat(events).extracting(AuditedEvent::action).containsExactly(AuditAction.EXPORT, AuditAction.APPROVAL,
                AuditAction.CHANGE);
        AuditedEvent released = events.get(0);
        assertThat(released.actor()).isEqualTo(SECOND_LIAISON.username());
        assertThat(released.purpose()).contains("law-enforcement request " + request.id());
        assertThat(released.detail()).containsEntry("release", "law-enforcement-release:" + release.id())
                .containsEntry("items", "3").containsEntry("persons", "2")
                .containsEntry("categories", "IDENTITY,PAYMENTS").containsEntry("fileSha256", file);

        for (String tampering : List.of("update governance.law_enforcement_release_item set category = 'CONTACT'",
                "delete from governance.law_enforcement_release_item",
                "delete from governance.law_enforcement_release",
                "update governance.law_enforcement_person set person_sealed = '\\x00'",
                "truncate governance.law_enforcement_release cascade")) {
            assertThatThrownBy(() -> jdbc.sql(tampering).update()).as(tampering).rootCause()
                    .hasMessageContaining("permission denied");
        }

        LawEnforcementRequest closed = register.close(request.id(), "案件已移送", LIAISON);
        assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(closed.releases()).isEqualTo(1);
        assertThat(closed.releasedItems()).isEqualTo(3);
        assertThat(closed.notices()).extracting(LawEnforcementRequest.Notice::event)
                .containsExactly(RequestStatus.REGISTERED, RequestStatus.APPROVED, RequestStatus.CLOSED);
        assertRefused(() -> register.release(request.id(), List.of(new ReleaseItem(DataCategory.IDENTITY, first)), null,
                LIAISON), LawEnforcementProblem.RELEASE_NOT_APPROVED);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void data11_idAndCredentialNumbersAreNotStoredInPlainText_norPersonalDataInTheAuditLog() {
        ResidentId suspect = person();
        List<Officer> officers = twoOfficers();
        LawEnforcementRequest request = register.register(draft(officers, window(DAY_BEFORE, WEEK_LATER), suspect),
                LIAISON);
        register.approve(request.id(), null, APPROVER);
        register.release(request.id(), List.of(new ReleaseItem(DataCategory.IDENTITY, suspect)), null, LIAISON);

        String stored = String.join("\n", jdbc.sql("""
                        select r::text from governance.law_enforcement_request r where id = :id
                        union all select p::text from governance.law_enforcement_person p where request_id = :id
                        union all select o::text from governance.law_enforcement_officer o where request_id = :id
                        union all select d::text from governance.law_enforcement_document d where request_id = :id
                        union all select n::text from governance.law_enforcement_notice n where request_id = :id
                        union all select r::text from governance.law_enforcement_release r where request_id = :id""")
                .param("id", request.id()).query(String.class).list());
        assertThat(stored).doesNotContain(suspect.value()).doesNotContain(suspect.value().substring(6, 14))
                .doesNotContain(officers.get(0).credentialNumber()).doesNotContain(officers.get(1).credentialNumber());
        byte[] sealedScan = jdbc.sql("select sealed from governance.law_enforcement_document where request_id = :id")
                .param("id", request.id()).query(byte[].class).single();
        assertThat(new String(sealedScan, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");

        ApprovalDocument scan = register.approvalDocument(request.id(), APPROVER);
        assertThat(scan.content()).isEqualTo(PDF);
        assertThat(scan.sha256()).isEqualTo(request.approval().sha256());
        assertThat(register.find(request.id()).orElseThrow().officers())
                .extracting(LawEnforcementRequest.RegisteredOfficer::maskedCredential)
                .allSatisfy(c -> assertThat(c).startsWith("****").hasSize(8));
        assertThat(register.requestsConcerning(suspect, APPROVER)).containsExactly(request.id());

        List<AuditedEvent> events = audit.recent(Optional.empty(), Optional.of("law-enforcement:" + request.id()), 10);
        assertThat(events).hasSize(4);
        String logged = events.toString();
        assertThat(logged).doesNotContain(suspect.value()).doesNotContain(suspect.masked())
                .doesNotContain(officers.get(0).name().value()).doesNotContain(officers.get(0).credentialNumber())
                .doesNotContain("赵志刚").doesNotContain(request.caseNumber());
    }

    private static LawEnforcementException assertRefused(Runnable act, LawEnforcementProblem problem) {
        try {
            act.run();
        }
        catch (LawEnforcementException e) {
            assertThat(e.problem()).isEqualTo(problem);
            return e;
        }
        throw new AssertionError("expected a refusal " + problem + ", but the act went through");
    }
}
