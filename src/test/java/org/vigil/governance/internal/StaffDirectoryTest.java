package org.vigil.governance.internal;

import org.vigil.governance.SignedAgreements;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.VigilIntegrationTest;
import org.vigil.runtime.SettableClock;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditLog;
import org.vigil.governance.AuditedEvent;
import org.vigil.governance.ConfidentialityAgreement;
import org.vigil.governance.LoginOutcome;
import org.vigil.governance.NewStaffAccount;
import org.vigil.governance.StaffAccount;
import org.vigil.governance.StaffDirectory;
import org.vigil.governance.StaffRole;
import org.vigil.governance.TotpCodes;
import org.vigil.identity.RegionCode;
import org.vigil.identity.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Staff accounts and login on real PostgreSQL (DATA-3, 等保 level 3 §8.1.4.1): strong passwords,
 * a mandatory second factor, lockout, the three separated administrator duties, nothing readable
 * at rest.
 */
@VigilIntegrationTest
@Import(StaffDirectoryTest.Today.class)
class StaffDirectoryTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant NOON = LocalDate.of(2026, 12, 2).atTime(12, 0).atZone(ZONE).toInstant();
    static final char[] PASSWORD = "Chang-yi-2026!".toCharArray();

    @TestConfiguration(proxyBeanMethods = false)
    static class Today {
        @Bean
        @Primary
        SettableClock staffClock() {
            return new SettableClock(NOON, ZONE);
        }
    }

    private final StaffDirectory staff;
    private final AuditLog audit;
    private final SettableClock clock;
    private final JdbcClient jdbc;
    private int serial;

    @Autowired
    StaffDirectoryTest(StaffDirectory staff, AuditLog audit, SettableClock clock, JdbcClient jdbc) {
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void noon() {
        clock.set(NOON);
    }

    @Test
    void data3_anAccountOpensWithASecondFactor_andNothingOfThePersonIsReadableAtRest() {
        ResidentId wang = person(1);
        StaffDirectory.OpenedAccount opened = staff.open(new NewStaffAccount(name("wang"), "王丽", wang,
                StaffRole.DISTRICT_OFFICER, region("220202"), null, SignedAgreements.SIGNED), PASSWORD, "security.admin");

        StaffAccount a = opened.account();
        assertThat(a.role()).isEqualTo(StaffRole.DISTRICT_OFFICER);
        assertThat(a.region().value()).isEqualTo("220202");
        assertThat(a.secondFactorEnrolled()).isFalse();
        assertThat(opened.totpSecret()).matches("[A-Z2-7]{32}");
        assertThat(opened.provisioningUri()).startsWith("otpauth://totp/Vigil:" + a.username() + "?secret="
                + opened.totpSecret());
        String row = jdbc.sql("select s::text from governance.staff_account s where id = :id").param("id", a.id())
                .query(String.class).single();
        assertThat(row).doesNotContain(wang.value()).doesNotContain(wang.value().substring(6, 14))
                .doesNotContain(opened.totpSecret()).doesNotContain(new String(PASSWORD)).contains("$argon2id$");
        assertThat(audit.recent(Optional.of("security.admin"), Optional.of("staff:" + a.id()), 5)).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("role", "DISTRICT_OFFICER")
                        .containsEntry("region", "220202"));
    }

    @Test
    void data14_noAccountWithoutASignedConfidentialityAgreement_andOneWithoutOnRecordCannotSignIn(
            @Autowired javax.sql.DataSource dataSource) throws java.sql.SQLException {
        assertThatThrownBy(() -> new NewStaffAccount(name("nobm"), "未签", person(40), StaffRole.CITY_OFFICER,
                region("220200"), null, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("DATA-14");
        ConfidentialityAgreement tomorrow = new ConfidentialityAgreement(LocalDate.of(2026, 12, 3), "BM-2026-0999");
        assertThatThrownBy(() -> staff.open(new NewStaffAccount(name("early"), "提前", person(41), StaffRole.CITY_OFFICER,
                region("220200"), null, tomorrow), PASSWORD, "security.admin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("保密协议须签订后登记");

        StaffDirectory.OpenedAccount opened = open(StaffRole.CITY_OFFICER, region("220200"), person(42));
        String username = opened.account().username();
        assertThat(jdbc.sql("select agreement_reference from governance.staff_account where username = :u")
                .param("u", username).query(String.class).single()).isEqualTo(SignedAgreements.SIGNED.reference());
        // an account opened before agreements were kept, as the schema's owner would find it after the upgrade
        JdbcClient owner = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl(), "postgres", ""));
        owner.sql("update governance.staff_account set agreement_signed_on = null, agreement_reference = null "
                + "where username = :u").param("u", username).update();

        LoginOutcome refused = staff.login(username, PASSWORD, code(opened, NOON));
        assertThat(refused.result()).isEqualTo(LoginOutcome.Result.REJECTED);
        assertThat(audit.recent(Optional.of(username), Optional.empty(), 1)).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("agreement", "MISSING"));

        staff.recordAgreement(username, new ConfidentialityAgreement(LocalDate.of(2026, 12, 2), "BM-2026-0412"),
                "security.admin");
        clock.set(NOON.plusSeconds(60));
        assertThat(staff.login(username, PASSWORD, code(opened, NOON.plusSeconds(60))).result())
                .isEqualTo(LoginOutcome.Result.SUCCESS);
        assertThat(audit.recent(Optional.of("security.admin"), Optional.of("staff:" + opened.account().id()), 1))
                .singleElement().satisfies(e -> assertThat(e.detail()).containsEntry("agreement", "BM-2026-0412"));
    }

    @Test
    void data3_passwordAndCodeLogIn_aStolenPasswordWithoutTheCodeGetsNothing_andACodeWorksOnce() {
        StaffDirectory.OpenedAccount opened = open(StaffRole.COMMUNITY_WORKER, region("220202001001"), person(2));
        String username = opened.account().username();
        String code = code(opened, NOON);

        assertThat(staff.login(username, PASSWORD, "000000").result()).isEqualTo(LoginOutcome.Result.REJECTED);
        assertThat(staff.login(username, PASSWORD, null).result()).isEqualTo(LoginOutcome.Result.REJECTED);
        assertThat(staff.login(username, "Wrong-password-1".toCharArray(), code).result())
                .isEqualTo(LoginOutcome.Result.REJECTED);
        LoginOutcome in = staff.login(username, PASSWORD, code);
        assertThat(in.succeeded()).isTrue();
        assertThat(in.account().secondFactorEnrolled()).isTrue();
        assertThat(staff.login(username, PASSWORD, code).result()).as("the same code again").isEqualTo(
                LoginOutcome.Result.REJECTED);

        clock.set(NOON.plusSeconds(60));
        assertThat(staff.login(username, PASSWORD, code(opened, NOON.plusSeconds(60))).succeeded()).isTrue();
        List<AuditedEvent> logins = audit.recent(Optional.of(username), Optional.empty(), 10);
        assertThat(logins).extracting(AuditedEvent::action).containsOnly(AuditAction.LOGIN).hasSize(6);
        assertThat(logins).extracting(e -> e.detail().get("result")).containsExactly("SUCCESS", "REJECTED", "SUCCESS",
                "REJECTED", "REJECTED", "REJECTED");
    }

    @Test
    void data3_repeatedFailuresLockTheAccount_evenAgainstTheRightPassword_untilTheLockoutEnds() {
        StaffDirectory.OpenedAccount opened = open(StaffRole.STREET_WORKER, region("220202001"), person(3));
        String username = opened.account().username();
        for (int i = 0; i < 4; i++) {
            assertThat(staff.login(username, ("Guess-number-" + i).toCharArray(), "123456").result())
                    .isEqualTo(LoginOutcome.Result.REJECTED);
        }
        LoginOutcome fifth = staff.login(username, "Guess-number-5".toCharArray(), "123456");
        assertThat(fifth.result()).isEqualTo(LoginOutcome.Result.LOCKED);
        assertThat(fifth.lockedUntil()).isEqualTo(NOON.plus(Duration.ofMinutes(30)));

        clock.set(NOON.plusSeconds(90));
        assertThat(staff.login(username, PASSWORD, code(opened, NOON.plusSeconds(90))).result())
                .isEqualTo(LoginOutcome.Result.LOCKED);

        clock.set(NOON.plus(Duration.ofMinutes(31)));
        assertThat(staff.login(username, PASSWORD, code(opened, NOON.plus(Duration.ofMinutes(31)))).succeeded()).isTrue();
    }

    @Test
    void data3_theSecurityAdministratorCanUnlock_andADisabledAccountCannotLogIn() {
        StaffDirectory.OpenedAccount opened = open(StaffRole.CITY_OFFICER, region("220200"), person(4));
        String username = opened.account().username();
        for (int i = 0; i < 5; i++) {
            staff.login(username, ("Guess-number-" + i).toCharArray(), "123456");
        }
        assertThat(staff.find(username).orElseThrow().lockedUntil()).isNotNull();
        assertThat(staff.unlock(username, "security.admin").lockedUntil()).isNull();
        assertThat(staff.login(username, PASSWORD, code(opened, NOON)).succeeded()).isTrue();

        staff.disable(username, "security.admin");
        clock.set(NOON.plusSeconds(60));
        assertThat(staff.login(username, PASSWORD, code(opened, NOON.plusSeconds(60))).result())
                .isEqualTo(LoginOutcome.Result.REJECTED);
    }

    @Test
    void data3_aResetSecondFactorReplacesTheOldOne_atOnce() {
        StaffDirectory.OpenedAccount opened = open(StaffRole.DISTRICT_OFFICER, region("220203"), person(9));
        String username = opened.account().username();
        assertThat(staff.login(username, PASSWORD, code(opened, NOON)).succeeded()).isTrue();

        StaffDirectory.OpenedAccount reset = staff.resetSecondFactor(username, "security.admin");

        assertThat(reset.totpSecret()).isNotEqualTo(opened.totpSecret());
        assertThat(reset.account().secondFactorEnrolled()).isFalse();
        clock.set(NOON.plusSeconds(60));
        assertThat(staff.login(username, PASSWORD, code(opened, NOON.plusSeconds(60))).result())
                .as("the lost phone's code").isEqualTo(LoginOutcome.Result.REJECTED);
        assertThat(staff.login(username, PASSWORD, code(reset, NOON.plusSeconds(60))).succeeded()).isTrue();
    }

    @Test
    void data3_anUnknownUsernameGetsTheSameAnswer_andIsNotWrittenDown() {
        assertThat(staff.login("no.such.user", PASSWORD, "123456")).isEqualTo(new LoginOutcome(
                LoginOutcome.Result.REJECTED, null, null));
        assertThat(audit.recent(Optional.of("anonymous"), Optional.empty(), 100)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.subject()).isEqualTo("staff:unknown"))
                .noneSatisfy(e -> assertThat(e.detail().toString()).contains("no.such.user"));
    }

    @Test
    void data3_oneInvalidPasswordRuleEach() {
        for (String weak : List.of("Short-1a", "alllowercaseletters", "ALLUPPER12345", "Contains-" + "kate-" + "2026")) {
            NewStaffAccount account = new NewStaffAccount("kate" + (++serial), "凯特", person(50 + serial),
                    StaffRole.CITY_OFFICER, region("220200"), null, SignedAgreements.SIGNED);
            char[] password = weak.replace("kate-", account.username()).toCharArray();
            assertThatThrownBy(() -> staff.open(account, password, "security.admin")).as(weak)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
        }
    }

    @Test
    void data3_theThreeAdministratorDutiesAreNeverHeldByOnePerson() {
        ResidentId zhao = person(5);
        open(StaffRole.SYSTEM_ADMINISTRATOR, region("220200"), zhao);

        assertThatThrownBy(() -> open(StaffRole.AUDIT_ADMINISTRATOR, region("220200"), zhao))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("三权分立");
        assertThatThrownBy(() -> open(StaffRole.DISTRICT_OFFICER, region("220202"), zhao))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SYSTEM_ADMINISTRATOR");
        ResidentId sun = person(6);
        open(StaffRole.DISTRICT_OFFICER, region("220202"), sun);
        assertThat(open(StaffRole.COMMUNITY_WORKER, region("220202001001"), sun).account().role())
                .as("two business roles may be one person's").isEqualTo(StaffRole.COMMUNITY_WORKER);
    }

    @Test
    void data3_aRoleWorksInADivisionOfItsOwnLevel_andAProviderAccountNamesItsProvider() {
        assertThatThrownBy(() -> new NewStaffAccount("li.na", "李娜", person(7), StaffRole.DISTRICT_OFFICER,
                region("220202001"), null, SignedAgreements.SIGNED)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COUNTY");
        assertThatThrownBy(() -> new NewStaffAccount("li.na", "李娜", person(7), StaffRole.DATA_PROVIDER, null, null, SignedAgreements.SIGNED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("provider");
        assertThatThrownBy(() -> new NewStaffAccount("Li Na", "李娜", person(7), StaffRole.CITY_OFFICER, region("220200"),
                null, SignedAgreements.SIGNED)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("username");
        assertThat(open(StaffRole.DATA_PROVIDER, null, person(8), "jl_police").account().provider()).isEqualTo("jl_police");
    }

    /** What every maker-checker rule asks of an approver (exports, statistics, the law-enforcement register). */
    @Test
    void data3_twoAccountsOfOnePersonAreTheSamePerson_andTwoPeopleAreNot() {
        ResidentId zhao = person(61);
        long district = open(StaffRole.DISTRICT_OFFICER, region("220202"), zhao).account().id();
        long city = open(StaffRole.CITY_ADMINISTRATOR, region("220200"), zhao).account().id();
        long other = open(StaffRole.CITY_ADMINISTRATOR, region("220200"), person(62)).account().id();

        assertThat(staff.samePerson(district, city)).isTrue();
        assertThat(staff.samePerson(city, city)).isTrue();
        assertThat(staff.samePerson(district, other)).isFalse();
        assertThat(staff.samePerson(district, 987_654_321L)).as("no such account").isFalse();
    }

    private StaffDirectory.OpenedAccount open(StaffRole role, RegionCode region, ResidentId person) {
        return open(role, region, person, null);
    }

    private StaffDirectory.OpenedAccount open(StaffRole role, RegionCode region, ResidentId person, String provider) {
        return staff.open(new NewStaffAccount(name(role.name().toLowerCase().replace('_', '.')), "工作人员", person, role,
                region, provider, SignedAgreements.SIGNED), PASSWORD, "security.admin");
    }

    private String name(String stem) {
        return stem + "." + (++serial) + "." + System.nanoTime() % 100_000;
    }

    /** What the holder's authenticator app shows at that moment. */
    private static String code(StaffDirectory.OpenedAccount opened, Instant at) {
        return TotpCodes.at(opened.totpSecret(), at);
    }

    private static RegionCode region(String code) {
        return RegionCode.parse(code).orElseThrow();
    }

    private ResidentId person(int n) {
        String first17 = "220202" + "1980" + String.format("%02d", 1 + n % 12) + String.format("%02d", 1 + n % 28)
                + String.format("%03d", 100 + n + (int) (System.nanoTime() % 500));
        return ResidentId.parse(first17 + ResidentId.checkDigit(first17), LocalDate.of(2026, 12, 2)).orElseThrow();
    }
}
