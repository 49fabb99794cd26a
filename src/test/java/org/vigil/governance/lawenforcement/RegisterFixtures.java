package org.vigil.governance.lawenforcement;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.StaffRole;
import org.vigil.identity.ResidentId;
import org.vigil.runtime.SettableClock;

/**
 * What the register's tests share: a clock they move (one bean, so both test classes share one
 * application context), the acting staff, and drafts as a liaison would fill them in.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RegisterFixtures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant NOON = LocalDate.of(2026, 12, 2).atTime(12, 0).atZone(ZONE).toInstant();
    static final Instant DAY_BEFORE = NOON.minusSeconds(24 * 3600);
    static final Instant WEEK_LATER = NOON.plusSeconds(7 * 24 * 3600);

    static final StaffPrincipal LIAISON = new StaffPrincipal(9101, "le.liaison", "执法协查联络员",
            StaffRole.LAW_ENFORCEMENT_LIAISON, "220200", null);
    static final StaffPrincipal SECOND_LIAISON = new StaffPrincipal(9103, "le.liaison2", "执法协查联络员二",
            StaffRole.LAW_ENFORCEMENT_LIAISON, "220200", null);
    static final StaffPrincipal APPROVER = new StaffPrincipal(9102, "le.approver", "市局审批人", StaffRole.CITY_ADMINISTRATOR,
            "220200", null);
    static final StaffPrincipal OFFICER = new StaffPrincipal(9104, "le.officer", "经办人", StaffRole.CITY_OFFICER, "220200",
            null);

    /** A minimal PDF's first bytes: enough for the format check, and findable if stored in plain. */
    static final byte[] PDF = "%PDF-1.4\n% approval of 吉市公刑审字[2026]88号\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Bean
    @Primary
    SettableClock registerClock() {
        return new SettableClock(NOON, ZONE);
    }

    /** A valid ID number no other test uses. */
    static ResidentId person() {
        int n = SERIAL.incrementAndGet();
        // each context has its own database, so a counter is unique enough
        String first17 = "220202" + "1950" + String.format("%02d", 1 + n / 1000 % 12)
                + String.format("%02d", 1 + n / 12_000 % 28) + String.format("%03d", n % 1000);
        return ResidentId.parse(first17 + ResidentId.checkDigit(first17), LocalDate.of(2026, 12, 2)).orElseThrow();
    }

    static List<Officer> twoOfficers() {
        return List.of(Officer.of("刘建国", CredentialType.POLICE, "220" + (100_000 + SERIAL.incrementAndGet())),
                Officer.of("陈晓东", CredentialType.POLICE, "220" + (200_000 + SERIAL.incrementAndGet())));
    }

    static LawEnforcementDraft draft(List<Officer> officers, AccessWindow window, ResidentId... persons) {
        return draft(officers, window, EnumSet.of(DataCategory.IDENTITY, DataCategory.PAYMENTS), true, persons);
    }

    static LawEnforcementDraft draft(List<Officer> officers, AccessWindow window, EnumSet<DataCategory> categories,
            boolean confidentiality, ResidentId... persons) {
        return new LawEnforcementDraft("吉市公(刑)立字[2026]" + SERIAL.incrementAndGet() + "号", "吉林市公安局船营分局",
                "核查冒领养老金案件涉案人员待遇发放情况", "《中华人民共和国刑事诉讼法》第五十四条", "吉市公刑审字[2026]88号",
                new AccessScope(categories, new LinkedHashSet<>(List.of(persons))), officers,
                ApprovalDocument.of("审批表.pdf", PDF), window, new Supervisor("赵志刚", "市社保局纪检监察室主任", null),
                confidentiality);
    }

    static AccessWindow window(Instant from, Instant to) {
        return new AccessWindow(from, to);
    }
}
