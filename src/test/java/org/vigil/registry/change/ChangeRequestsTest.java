package org.vigil.registry.change;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditLog;
import org.vigil.governance.AuditedEvent;
import org.vigil.governance.StaffRole;
import org.vigil.identity.IdKeys;
import org.vigil.registry.RegistryBaseline;
import org.vigil.registry.change.ChangeRefusedException.Kind;
import org.vigil.registry.change.RegistryFixture.Employer;
import org.vigil.registry.change.RegistryFixture.Person;
import org.vigil.runtime.SettableClock;
import org.vigil.vault.PersonVault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Changes to the registry's basic data on real PostgreSQL (DATA-6 review levels, DATA-8 the four
 * posts, batches at city level, every version kept): each rule through the service, as every door
 * (REST, a later command) reaches it, with the records, their versions and the audit chain read back.
 */
@ChangeIntegrationTest
class ChangeRequestsTest {

    static final ChangeActor COMMUNITY_CLERK = new ChangeActor("clerk.wang", StaffRole.COMMUNITY_WORKER);
    static final ChangeActor STREET_CLERK = new ChangeActor("street.sun", StaffRole.STREET_WORKER);
    static final ChangeActor DISTRICT_LI = new ChangeActor("district.li", StaffRole.DISTRICT_OFFICER);
    static final ChangeActor DISTRICT_ZHAO = new ChangeActor("district.zhao", StaffRole.DISTRICT_OFFICER);
    static final ChangeActor CITY_CHEN = new ChangeActor("city.chen", StaffRole.CITY_OFFICER);
    static final ChangeActor CITY_ADMIN = new ChangeActor("city.admin", StaffRole.CITY_ADMINISTRATOR);

    static final CrossCheck POLICE = new CrossCheck(CheckingDepartment.PUBLIC_SECURITY_HOUSEHOLD, "吉公户核〔2026〕118号");
    static final CrossCheck MARKET = new CrossCheck(CheckingDepartment.MARKET_REGULATION, "吉市监查〔2026〕42号");

    private final ChangeRequests changes;
    private final RecordHistory history;
    private final RegistryBaseline baseline;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SettableClock clock;
    private final PersonVault vault;

    private RegistryFixture registry;

    @Autowired
    ChangeRequestsTest(ChangeRequests changes, RecordHistory history, RegistryBaseline baseline, AuditLog audit,
            JdbcClient jdbc, TransactionTemplate transactions, SettableClock clock, PersonVault vault) {
        this.changes = changes;
        this.history = history;
        this.baseline = baseline;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.vault = vault;
    }

    @BeforeEach
    void freshRegistry(@TempDir Path folder) {
        clock.set(ChangeTestConfiguration.START);
        registry = new RegistryFixture(baseline, history, folder);
    }

    // ------------------------------------------------------------------------------------- DATA-6

    @Test
    void data6_contactDetailsChangeAtOnce() {
        Person p = registry.persons(1).get(0);
        long before = audit.verify().lastSeq();

        ChangeRequest r = changes.apply(COMMUNITY_CLERK, application("搬家，本人来电告知新住址",
                new ProposedChange(p.id(), ChangeField.PERSON_ADDRESS, "吉林市船营区德胜路8号2单元301"),
                new ProposedChange(p.id(), ChangeField.PERSON_REGION, "220204001002")));

        assertThat(r.status()).isEqualTo(ChangeStatus.MODIFIED);
        assertThat(r.immediate()).isTrue();
        assertThat(r.level()).isEqualTo(ReviewLevel.NONE);
        assertThat(r.modified().by()).isEqualTo(COMMUNITY_CLERK.username());
        PersonRecord now = history.person(p.id()).orElseThrow();
        assertThat(now.address()).isEqualTo("吉林市船营区德胜路8号2单元301");
        assertThat(now.regionCode()).isEqualTo("220204001002");
        assertThat(now.version()).isEqualTo(2);
        // still versioned and audited, as one act: one CHANGE event on the person
        List<RecordVersion> versions = history.personHistory(p.id());
        assertThat(versions).extracting(RecordVersion::version).containsExactly(1, 2);
        assertThat(versions.get(1).changes()).extracting(FieldChange::field)
                .containsExactly(ChangeField.PERSON_REGION, ChangeField.PERSON_ADDRESS);
        List<AuditedEvent> events = eventsAfter(before);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.CHANGE);
            assertThat(e.subject()).isEqualTo("person:" + p.id());
            assertThat(e.actor()).isEqualTo("clerk.wang");
            assertThat(e.detail()).containsEntry("step", "immediate").containsEntry("changeRequest", "" + r.id())
                    .containsEntry("fields", "PERSON_REGION,PERSON_ADDRESS").containsEntry("version", "2");
            assertThat(e.detail().values()).noneMatch(v -> v.contains("德胜路"));
        });
        // the post-check still follows, by someone other than the one who changed it
        assertThatThrownBy(() -> changes.review(r.id(), COMMUNITY_CLERK, null)).isInstanceOf(ChangeRefusedException.class);
        assertThat(changes.review(r.id(), DISTRICT_LI, "已电话回访核实").status()).isEqualTo(ChangeStatus.REVIEWED);
    }

    @Test
    void data6_phoneAndEmailChangeAtOnceWhenTheyPassTheSystemCheck_andAreRefusedWithTheReasonOtherwise() {
        Person p = registry.persons(1).get(0);

        ChangeRequest r = changes.apply(STREET_CLERK, application("更换手机号",
                new ProposedChange(p.id(), ChangeField.PERSON_PHONE, "+86 139 0432 5678"),
                new ProposedChange(p.id(), ChangeField.PERSON_EMAIL, "wang.jianguo＠example．com")));

        assertThat(r.status()).isEqualTo(ChangeStatus.MODIFIED);
        assertThat(r.level()).isEqualTo(ReviewLevel.SYSTEM_VALIDATION);
        PersonRecord now = history.person(p.id()).orElseThrow();
        assertThat(now.phone()).as("kept in the kernel's normalised form").isEqualTo("13904325678");
        assertThat(now.email()).isEqualTo("wang.jianguo@example.com");

        long before = audit.verify().lastSeq();
        long requests = requestCount();
        assertThatThrownBy(() -> changes.apply(STREET_CLERK, application("更换手机号",
                new ProposedChange(p.id(), ChangeField.PERSON_PHONE, "1390432"))))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID);
                    assertThat(e.getMessage()).startsWith("PERSON_PHONE: ").contains("联系电话");
                });
        assertThatThrownBy(() -> changes.apply(STREET_CLERK, application("更换邮箱",
                new ProposedChange(p.id(), ChangeField.PERSON_EMAIL, "wang@localhost"))))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID);
                    assertThat(e.getMessage()).startsWith("PERSON_EMAIL: ").contains("电子邮箱");
                });
        assertThatThrownBy(() -> changes.apply(STREET_CLERK, application("同号",
                new ProposedChange(p.id(), ChangeField.PERSON_PHONE, "139-0432-5678"))))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.getMessage())
                        .contains("already holds this value"));
        assertThat(history.person(p.id()).orElseThrow().version()).isEqualTo(2);
        assertThat(requestCount()).isEqualTo(requests);
        assertThat(audit.verify().lastSeq()).as("a refused change is no act").isEqualTo(before);
    }

    @Test
    void data6_idNumberChangeNeedsManualReviewWithCrossDepartmentCheck() {
        Person p = registry.persons(1).get(0);
        LocalDate trueBirth = p.birthDate().minusYears(1);
        String trueId = RegistryFixture.freshIdNumber(trueBirth);
        jdbc.sql("insert into registry.enrollment (person, scheme, start_date) values (:person, 'RESIDENT_PENSION', :d)")
                .param("person", vault.numberOf(IdKeys.ofAscii(p.idNumber().getBytes(StandardCharsets.US_ASCII), 0)))
                .param("d", LocalDate.of(2012, 7, 1)).update();

        ChangeRequest applied = changes.apply(COMMUNITY_CLERK, application("户籍信息更正：出生日期登记有误",
                new ProposedChange(p.id(), ChangeField.PERSON_ID_NUMBER, trueId),
                new ProposedChange(p.id(), ChangeField.PERSON_BIRTH_DATE, trueBirth.toString())));

        assertThat(applied.status()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(applied.level()).isEqualTo(ReviewLevel.MANUAL_REVIEW);
        assertThat(applied.immediate()).isFalse();
        assertThat(history.person(p.id()).orElseThrow().idNumber()).as("nothing changes before approval")
                .isEqualTo(p.idNumber());
        assertThatThrownBy(() -> changes.approve(applied.id(), DISTRICT_LI, null))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID);
                    assertThat(e.getMessage()).contains("PUBLIC_SECURITY_HOUSEHOLD").contains("公安户籍");
                });
        assertThatThrownBy(() -> changes.approve(applied.id(), DISTRICT_LI, MARKET))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID));
        assertThatThrownBy(() -> changes.modify(applied.id(), DISTRICT_LI))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT));

        ChangeRequest approved = changes.approve(applied.id(), DISTRICT_LI, POLICE);
        assertThat(approved.status()).isEqualTo(ChangeStatus.APPROVED);
        assertThat(approved.crossCheck()).isEqualTo(POLICE);
        assertThat(history.person(p.id()).orElseThrow().idNumber()).as("approved is not yet modified").isEqualTo(p.idNumber());

        ChangeRequest modified = changes.modify(applied.id(), DISTRICT_ZHAO);
        assertThat(modified.status()).isEqualTo(ChangeStatus.MODIFIED);
        PersonRecord now = history.person(p.id()).orElseThrow();
        assertThat(now.idNumber()).isEqualTo(trueId);
        assertThat(now.birthDate()).isEqualTo(trueBirth);
        assertThat(jdbc.sql("select count(*) from registry.enrollment where person = :person")
                .param("person", vault.numberOf(IdKeys.ofAscii(trueId.getBytes(StandardCharsets.US_ASCII), 0)))
                .query(Long.class).single()).as("the enrollments follow the new ID number").isEqualTo(1);

        ChangeRequest reviewed = changes.review(applied.id(), CITY_CHEN, "与公安户籍核查回执一致");
        assertThat(reviewed.status()).isEqualTo(ChangeStatus.REVIEWED);
        assertThat(reviewed.applied().by()).isEqualTo("clerk.wang");
        assertThat(reviewed.approved().by()).isEqualTo("district.li");
        assertThat(reviewed.modified().by()).isEqualTo("district.zhao");
        assertThat(reviewed.reviewed().by()).isEqualTo("city.chen");
        assertThat(changes.list(Optional.of(ChangeStatus.REVIEWED), 100)).extracting(ChangeRequest::id).contains(applied.id());
    }

    @Test
    void data6_aNewIdNumberMustBeAValidResidentId_carryItsBirthDate_andBelongToNobodyElse() {
        List<Person> two = registry.persons(2);
        Person p = two.get(0);
        String valid = RegistryFixture.freshIdNumber(p.birthDate().minusYears(2));
        String badCheckDigit = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');

        assertThatThrownBy(() -> changes.apply(COMMUNITY_CLERK, application("更正",
                new ProposedChange(p.id(), ChangeField.PERSON_ID_NUMBER, badCheckDigit))))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID);
                    assertThat(e.getMessage()).startsWith("PERSON_ID_NUMBER: ").contains("公民身份号码");
                });
        assertThatThrownBy(() -> changes.apply(COMMUNITY_CLERK, application("只改号码",
                new ProposedChange(p.id(), ChangeField.PERSON_ID_NUMBER, valid))))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.getMessage())
                        .contains("birth date would differ from the one in the ID number"));
        assertThatThrownBy(() -> changes.apply(COMMUNITY_CLERK, application("重号",
                new ProposedChange(p.id(), ChangeField.PERSON_ID_NUMBER, two.get(1).idNumber()),
                new ProposedChange(p.id(), ChangeField.PERSON_BIRTH_DATE, two.get(1).birthDate().toString()))))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
                    assertThat(e.getMessage()).contains("person:" + two.get(1).id());
                });
        assertThatThrownBy(() -> changes.apply(COMMUNITY_CLERK, application("外省号码",
                new ProposedChange(p.id(), ChangeField.PERSON_REGION, "220204"))))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.getMessage())
                        .contains("12-digit community"));
        assertThatThrownBy(() -> changes.apply(COMMUNITY_CLERK, application("无名",
                new ProposedChange(p.id(), ChangeField.PERSON_NAME, null))))
                .isInstanceOfSatisfying(ChangeRefusedException.class, e -> assertThat(e.getMessage())
                        .contains("a value is required"));
        assertThat(history.personHistory(p.id())).hasSize(1);
    }

    @Test
    void data6_creditCodeChangeNeedsTheMarketRegulatorsCheck() {
        Employer e = registry.employer();
        String newCode = RegistryFixture.creditCode();
        String broken = newCode.substring(0, 17) + (newCode.charAt(17) == '0' ? '1' : '0');

        assertThatThrownBy(() -> changes.apply(DISTRICT_LI, application("更正", new ProposedChange(e.id(),
                ChangeField.EMPLOYER_CREDIT_CODE, broken)))).isInstanceOfSatisfying(ChangeRefusedException.class,
                        x -> assertThat(x.getMessage()).startsWith("EMPLOYER_CREDIT_CODE: "));
        ChangeRequest r = changes.apply(DISTRICT_LI, application("营业执照换发，信用代码登记有误",
                new ProposedChange(e.id(), ChangeField.EMPLOYER_CREDIT_CODE, newCode.toLowerCase())));
        assertThat(r.kind()).isEqualTo(RecordKind.EMPLOYER);
        assertThat(r.status()).isEqualTo(ChangeStatus.APPLIED);
        assertThatThrownBy(() -> changes.approve(r.id(), DISTRICT_ZHAO, POLICE))
                .isInstanceOfSatisfying(ChangeRefusedException.class, x -> assertThat(x.getMessage()).contains("市场监管"));
        changes.approve(r.id(), DISTRICT_ZHAO, MARKET);
        changes.modify(r.id(), CITY_CHEN);

        assertThat(history.employer(e.id()).orElseThrow().creditCode()).isEqualTo(newCode);
        assertThat(history.employerHistory(e.id())).extracting(RecordVersion::version).containsExactly(1, 2);
        assertThat(history.employerHistory(e.id()).get(1).changes()).containsExactly(
                new FieldChange(ChangeField.EMPLOYER_CREDIT_CODE, e.creditCode(), newCode));
    }

    // ------------------------------------------------------------------------------------- DATA-8

    @Test
    void data8_approverIsNotTheApplicant_modifierIsNotTheApplicant_andReviewerIsNotTheModifier() {
        Person p = registry.persons(1).get(0);
        ChangeRequest r = changes.apply(DISTRICT_LI, application("姓名登记错字", new ProposedChange(p.id(),
                ChangeField.PERSON_NAME, "王建华")));

        assertRefused(() -> changes.approve(r.id(), DISTRICT_LI, POLICE), Kind.NOT_PERMITTED, "申请人不得审批");
        assertRefused(() -> changes.reject(r.id(), DISTRICT_LI, "撤回"), Kind.NOT_PERMITTED, "申请人不得");
        assertRefused(() -> changes.approve(r.id(), COMMUNITY_CLERK, POLICE), Kind.NOT_PERMITTED, "CHANGE_REVIEW");
        changes.approve(r.id(), DISTRICT_ZHAO, POLICE);
        assertRefused(() -> changes.modify(r.id(), DISTRICT_LI), Kind.NOT_PERMITTED, "申请人不得修改");
        assertRefused(() -> changes.modify(r.id(), STREET_CLERK), Kind.NOT_PERMITTED, "CHANGE_REVIEW");
        changes.modify(r.id(), DISTRICT_ZHAO);
        assertRefused(() -> changes.review(r.id(), DISTRICT_ZHAO, null), Kind.NOT_PERMITTED, "修改人不得复核");
        assertRefused(() -> changes.reject(r.id(), DISTRICT_ZHAO, "不对"), Kind.NOT_PERMITTED, "修改人不得复核");
        assertThat(changes.review(r.id(), DISTRICT_LI, null).status()).isEqualTo(ChangeStatus.REVIEWED);
        assertRefused(() -> changes.apply(new ChangeActor("auditor.he", StaffRole.AUDITOR), application("x",
                new ProposedChange(p.id(), ChangeField.PERSON_ADDRESS, "某地"))), Kind.NOT_PERMITTED, "CHANGE_APPLY");
        // the database holds the same rule, whatever door a row comes through
        assertThatThrownBy(() -> jdbc.sql("update registry.change_request set approved_by = applied_by where id = :id")
                .param("id", r.id()).update()).hasMessageContaining("change_request_check");
    }

    @Test
    void data8_batchChangeNeedsCityLevelApproval() {
        List<Person> three = registry.persons(3);
        List<ProposedChange> moves = three.stream().map(p -> new ProposedChange(p.id(), ChangeField.PERSON_REGION,
                "220204001003")).toList();

        ChangeRequest r = changes.apply(DISTRICT_LI, new ChangeApplication("社区合并，三户划入新社区", moves));

        assertThat(r.batch()).isTrue();
        assertThat(r.records()).isEqualTo(3);
        assertThat(r.immediate()).as("a batch waits for approval whatever its fields").isFalse();
        assertThat(r.status()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(history.person(three.get(0).id()).orElseThrow().regionCode()).isEqualTo("220204001001");
        assertRefused(() -> changes.approve(r.id(), DISTRICT_ZHAO, null), Kind.NOT_PERMITTED, "批量修改须经市级审批");
        assertRefused(() -> changes.approve(r.id(), CITY_CHEN, null), Kind.NOT_PERMITTED, "CHANGE_BATCH_APPROVE");
        assertRefused(() -> changes.reject(r.id(), DISTRICT_ZHAO, "不同意"), Kind.NOT_PERMITTED, "市级");

        ChangeRequest approved = changes.approve(r.id(), CITY_ADMIN, null);
        assertThat(approved.approved().role()).isEqualTo(StaffRole.CITY_ADMINISTRATOR);
        changes.modify(r.id(), DISTRICT_ZHAO);
        changes.review(r.id(), CITY_CHEN, null);
        for (Person p : three) {
            assertThat(history.person(p.id()).orElseThrow().regionCode()).isEqualTo("220204001003");
            assertThat(history.personHistory(p.id()).get(1).changeRequestId()).isEqualTo(r.id());
        }
    }

    @Test
    void data8_everyVersionKeptAndRecordSeenAsOnADate() {
        Person p = registry.persons(1).get(0);
        LocalDate loadDay = LocalDate.of(2026, 6, 1);
        clock.set(ChangeTestConfiguration.START.plus(Duration.ofDays(9)));
        ChangeRequest phone = changes.apply(COMMUNITY_CLERK, application("换号", new ProposedChange(p.id(),
                ChangeField.PERSON_PHONE, "13904320001")));
        clock.set(ChangeTestConfiguration.START.plus(Duration.ofDays(19)));
        ChangeRequest name = changes.apply(COMMUNITY_CLERK, application("改名（公安已办理变更登记）",
                new ProposedChange(p.id(), ChangeField.PERSON_NAME, "王新华")));
        changes.approve(name.id(), DISTRICT_LI, POLICE);
        clock.set(ChangeTestConfiguration.START.plus(Duration.ofDays(21)));
        changes.modify(name.id(), DISTRICT_ZHAO);

        List<RecordVersion> versions = history.personHistory(p.id());
        assertThat(versions).extracting(RecordVersion::version).containsExactly(1, 2, 3);
        RecordVersion v1 = versions.get(0);
        assertThat(v1.recordedBy()).isEqualTo(RecordVersion.BASELINE);
        assertThat(v1.validFrom()).as("the baseline load's time").isEqualTo(ChangeTestConfiguration.START);
        assertThat(v1.changeRequestId()).isNull();
        RecordVersion v2 = versions.get(1);
        assertThat(v2.recordedBy()).isEqualTo("clerk.wang");
        assertThat(v2.reason()).isEqualTo("换号");
        assertThat(v2.changeRequestId()).isEqualTo(phone.id());
        assertThat(v2.changes()).containsExactly(new FieldChange(ChangeField.PERSON_PHONE, p.phone(), "13904320001"));
        RecordVersion v3 = versions.get(2);
        assertThat(v3.recordedBy()).as("the modifier").isEqualTo("district.zhao");
        assertThat(v3.validFrom()).isEqualTo(ChangeTestConfiguration.START.plus(Duration.ofDays(21)));
        assertThat(v3.changes()).containsExactly(new FieldChange(ChangeField.PERSON_NAME, p.name(), "王新华"));

        assertThat(history.personAsOf(p.id(), loadDay.minusDays(1))).as("not loaded yet").isEmpty();
        assertThat(history.personAsOf(p.id(), loadDay)).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.phone()).isEqualTo(p.phone());
        });
        assertThat(history.personAsOf(p.id(), loadDay.plusDays(9))).as("the day of the change includes it")
                .hasValueSatisfying(v -> assertThat(v.phone()).isEqualTo("13904320001"));
        assertThat(history.personAsOf(p.id(), loadDay.plusDays(20))).as("approved is not yet changed")
                .hasValueSatisfying(v -> {
                    assertThat(v.version()).isEqualTo(2);
                    assertThat(v.name()).isEqualTo(p.name());
                });
        assertThat(history.personAsOf(p.id(), ChangeTestConfiguration.START.plus(Duration.ofDays(21))))
                .hasValueSatisfying(v -> assertThat(v.name()).isEqualTo("王新华"));
        assertThat(history.personAsOf(p.id() + 1_000_000, loadDay)).isEmpty();

        // history is append-only for the application's database role: it may only seal a version's
        // personal values again under another key (a rotation), never rewrite or remove a version
        for (String tampering : List.of("update registry.person_version set reason = 'x' where person_id = :id",
                "delete from registry.person_version where person_id = :id")) {
            assertThatThrownBy(() -> jdbc.sql(tampering).param("id", p.id()).update()).as(tampering).rootCause()
                    .hasMessageContaining("permission denied");
        }
        String sameKey = """
                update registry.person_version v set name = w.name
                  from registry.person_version w
                 where v.person_id = :id and w.person_id = :id and v.version = 1 and w.version = 2""";
        assertThatThrownBy(() -> jdbc.sql(sameKey).param("id", p.id()).update()).as("a swap under the same key")
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate registry.person_version").update()).rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void data8_theBaselineLoadWritesNoVersions_andARecordNeverChangedIsAtVersion1() {
        long versions = jdbc.sql("select count(*) from registry.person_version").query(Long.class).single();
        Person p = registry.persons(3).get(1);

        assertThat(jdbc.sql("select count(*) from registry.person_version").query(Long.class).single()).isEqualTo(versions);
        assertThat(history.personHistory(p.id())).singleElement().satisfies(v -> {
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.validFrom()).isEqualTo(ChangeTestConfiguration.START);
            assertThat(v.changes()).isEmpty();
        });
        assertThat(history.person(p.id())).hasValueSatisfying(v -> assertThat(v.idNumber()).isEqualTo(p.idNumber()));
    }

    // ------------------------------------------------------------------------------ DATA-18, atomicity

    @Test
    void data18_everyActIsAuditedLastWithoutPersonalData_andTheChainVerifies() {
        Person p = registry.persons(1).get(0);
        long before = audit.verify().lastSeq();
        String newId = RegistryFixture.freshIdNumber(p.birthDate());

        ChangeRequest r = changes.apply(COMMUNITY_CLERK, application("身份证号码升位错误",
                new ProposedChange(p.id(), ChangeField.PERSON_ID_NUMBER, newId)));
        changes.approve(r.id(), DISTRICT_LI, POLICE);
        changes.modify(r.id(), DISTRICT_ZHAO);
        changes.reject(r.id(), CITY_CHEN, "复核发现核查回执不属于本人");

        List<AuditedEvent> events = eventsAfter(before);
        assertThat(events).extracting(AuditedEvent::action, AuditedEvent::subject, AuditedEvent::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AuditAction.APPROVAL, "change-request:" + r.id(), "clerk.wang"),
                org.assertj.core.groups.Tuple.tuple(AuditAction.APPROVAL, "change-request:" + r.id(), "district.li"),
                org.assertj.core.groups.Tuple.tuple(AuditAction.CHANGE, "person:" + p.id(), "district.zhao"),
                org.assertj.core.groups.Tuple.tuple(AuditAction.CHANGE, "person:" + p.id(), "city.chen"),
                org.assertj.core.groups.Tuple.tuple(AuditAction.APPROVAL, "change-request:" + r.id(), "city.chen"));
        assertThat(events).extracting(e -> e.detail().get("step"))
                .containsExactly("apply", "approve", "modify", "revert", "reject");
        for (AuditedEvent e : events) {
            String all = e.subject() + e.detail();
            assertThat(all).doesNotContain(p.idNumber()).doesNotContain(newId).doesNotContain(p.name())
                    .doesNotContain(POLICE.reference()).doesNotContain("回执");
        }
        assertThat(audit.verify().intact()).isTrue();
        // rejected at review: the record is back as it was, as a third version, and history keeps all three
        assertThat(history.person(p.id()).orElseThrow().idNumber()).isEqualTo(p.idNumber());
        assertThat(history.personHistory(p.id())).extracting(RecordVersion::version).containsExactly(1, 2, 3);
        assertThat(history.personHistory(p.id()).get(2).reason()).contains("复核发现核查回执不属于本人");
        assertThat(changes.find(r.id()).orElseThrow().rejectedFrom()).isEqualTo(ChangeStatus.MODIFIED);
    }

    @Test
    void data8_aRolledBackActLeavesNeitherChangeNorAudit() {
        List<Person> two = registry.persons(2);
        long before = audit.verify().lastSeq();

        // an act inside a transaction that rolls back: the immediate change and its event go together
        transactions.executeWithoutResult(tx -> {
            changes.apply(COMMUNITY_CLERK, application("回滚", new ProposedChange(two.get(0).id(),
                    ChangeField.PERSON_ADDRESS, "某街某号")));
            tx.setRollbackOnly();
        });
        assertThat(history.personHistory(two.get(0).id())).hasSize(1);
        assertThat(audit.verify().lastSeq()).isEqualTo(before);

        // a batch whose second record changed after the application: the whole modification is refused
        ChangeRequest batch = changes.apply(DISTRICT_LI, new ChangeApplication("统一更正地址", List.of(
                new ProposedChange(two.get(0).id(), ChangeField.PERSON_ADDRESS, "新地址一号"),
                new ProposedChange(two.get(1).id(), ChangeField.PERSON_ADDRESS, "新地址二号"))));
        changes.approve(batch.id(), CITY_ADMIN, null);
        changes.apply(COMMUNITY_CLERK, application("本人又来改", new ProposedChange(two.get(1).id(),
                ChangeField.PERSON_ADDRESS, "本人新址")));
        long beforeModify = audit.verify().lastSeq();

        assertRefused(() -> changes.modify(batch.id(), DISTRICT_ZHAO), Kind.CONFLICT, "请驳回后重新申请");

        assertThat(history.person(two.get(0).id()).orElseThrow().address()).as("the first record is untouched too")
                .doesNotContain("新地址");
        assertThat(history.personHistory(two.get(0).id())).hasSize(1);
        assertThat(changes.find(batch.id()).orElseThrow().status()).isEqualTo(ChangeStatus.APPROVED);
        assertThat(audit.verify().lastSeq()).isEqualTo(beforeModify);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void data8_theSameApprovalTwiceChangesNothingTheSecondTime_andAnotherApproverGetsAConflict() {
        Person p = registry.persons(1).get(0);
        ChangeRequest r = changes.apply(COMMUNITY_CLERK, application("改名", new ProposedChange(p.id(),
                ChangeField.PERSON_NAME, "王晓华")));
        ChangeRequest first = changes.approve(r.id(), DISTRICT_LI, POLICE);
        long after = audit.verify().lastSeq();

        clock.set(ChangeTestConfiguration.START.plus(Duration.ofHours(1)));
        ChangeRequest again = changes.approve(r.id(), DISTRICT_LI, POLICE);

        assertThat(again).isEqualTo(first);
        assertThat(audit.verify().lastSeq()).isEqualTo(after);
        assertRefused(() -> changes.approve(r.id(), DISTRICT_ZHAO, POLICE), Kind.CONFLICT, "APPROVED");
        changes.modify(r.id(), DISTRICT_ZHAO);
        ChangeRequest modifiedTwice = changes.modify(r.id(), DISTRICT_ZHAO);
        assertThat(modifiedTwice.status()).isEqualTo(ChangeStatus.MODIFIED);
        assertThat(history.personHistory(p.id())).as("one modification, one version").hasSize(2);
        assertRefused(() -> changes.approve(Long.MAX_VALUE, DISTRICT_LI, POLICE), Kind.NOT_FOUND, "无此变更申请");
    }

    // ----------------------------------------------------------------------------------- helpers

    private static ChangeApplication application(String reason, ProposedChange... proposed) {
        return new ChangeApplication(reason, List.of(proposed));
    }

    private static void assertRefused(Runnable step, Kind kind, String says) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(ChangeRefusedException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).contains(says);
        });
    }

    private long requestCount() {
        return jdbc.sql("select count(*) from registry.change_request").query(Long.class).single();
    }

    /** The events appended after sequence number {@code seq}, oldest first. */
    private List<AuditedEvent> eventsAfter(long seq) {
        return audit.recent(Optional.empty(), Optional.empty(), 1000).stream().filter(e -> e.seq() > seq)
                .sorted(java.util.Comparator.comparingLong(AuditedEvent::seq)).toList();
    }
}
