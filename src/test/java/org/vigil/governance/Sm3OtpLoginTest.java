package org.vigil.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import org.vigil.VigilIntegrationTest;
import org.vigil.identity.RegionCode;
import org.vigil.identity.ResidentId;
import org.vigil.runtime.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login with the SM3 dynamic password (DATA-3, 密评): with {@code vigil.staff.second-factor:
 * sm3-otp} the account's seed is provisioned for a GM/T 0021 token and only its codes log in.
 */
@VigilIntegrationTest
@TestPropertySource(properties = "vigil.staff.second-factor=sm3-otp")
@Import(Sm3OtpLoginTest.Today.class)
class Sm3OtpLoginTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant NOON = LocalDate.of(2026, 12, 2).atTime(12, 0).atZone(ZONE).toInstant();
    static final char[] PASSWORD = "Guo-mi-2026!otp".toCharArray();

    @TestConfiguration(proxyBeanMethods = false)
    static class Today {
        @Bean
        @Primary
        SettableClock sm3Clock() {
            return new SettableClock(NOON, ZONE);
        }
    }

    private final StaffDirectory staff;
    private final SettableClock clock;

    @Autowired
    Sm3OtpLoginTest(StaffDirectory staff, SettableClock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    @Test
    void data3_withTheSm3OptionATokensCodeLogsIn_onceAndWithinAPeriod_andATotpCodeDoesNot() {
        clock.set(NOON);
        String first17 = "22020219750615123";
        ResidentId holder = ResidentId.parse(first17 + ResidentId.checkDigit(first17), LocalDate.of(2026, 12, 2))
                .orElseThrow();
        StaffDirectory.OpenedAccount opened = staff.open(new NewStaffAccount("guo.mi", "郭密", holder,
                StaffRole.CITY_OFFICER, RegionCode.parse("220200").orElseThrow(), null, SignedAgreements.SIGNED), PASSWORD, "security.admin");
        assertThat(opened.provisioningUri()).contains("algorithm=SM3").contains("period=60")
                .contains("secret=" + opened.totpSecret());

        assertThat(staff.login("guo.mi", PASSWORD, TotpCodes.at(opened.totpSecret(), NOON)).result())
                .as("an RFC 6238 code").isEqualTo(LoginOutcome.Result.REJECTED);
        String code = Sm3OtpCodes.at(opened.totpSecret(), NOON);
        assertThat(staff.login("guo.mi", PASSWORD, code).succeeded()).isTrue();
        assertThat(staff.login("guo.mi", PASSWORD, code).result()).as("the same code again")
                .isEqualTo(LoginOutcome.Result.REJECTED);

        clock.set(NOON.plusSeconds(60));
        assertThat(staff.login("guo.mi", PASSWORD, Sm3OtpCodes.at(opened.totpSecret(), NOON.plusSeconds(60)))
                .succeeded()).as("the next period's code").isTrue();
    }
}
