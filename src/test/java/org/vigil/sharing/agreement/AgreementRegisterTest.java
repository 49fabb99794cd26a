package org.vigil.sharing.agreement;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.sharing.agreement.AgreementTestConfiguration.TODAY;

/** The agreement register on PostgreSQL: no delivery without an agreement in force (SHARE-2, DATA-14). */
@AgreementIntegrationTest
class AgreementRegisterTest {

    static final String DEATHS = "death.police_deregistration";
    static final String EXIT_ENTRY = "life.exit_entry";
    static final String AGENCY = "吉林市社会医疗保险管理局";
    static final Set<AgreementPurpose> FRAUD = Set.of(AgreementPurpose.FRAUD_PREVENTION);

    private final Path scanRoot;

    private final AgreementRegister register;
    private final ProviderRegistry providers;
    private final JdbcClient jdbc;

    @Autowired
    AgreementRegisterTest(AgreementRegister register, ProviderRegistry providers, JdbcClient jdbc, ScanStore scans) {
        this.register = register;
        this.providers = providers;
        this.jdbc = jdbc;
        scanRoot = scans.root();
    }

    /** A city police provider delivering deaths and exit/entry records. */
    private void police(String code) {
        providers.register(new ProviderRegistration(code, "吉林市公安局", ProviderLevel.CITY, "220200"));
        providers.configureFeed(code, new FeedSetting(DEATHS, null, Map.of()));
        providers.configureFeed(code, new FeedSetting(EXIT_ENTRY, AgeScope.MEN_60_WOMEN_50, Map.of()));
    }

    private Agreement agreement(String number, String provider, LocalDate from, LocalDate to, List<String> feeds) {
        return register.record(new AgreementDraft(number, provider, AGENCY, from.isAfter(TODAY) ? TODAY : from, from, to,
                feeds, FRAUD));
    }

    @Test
    void share2_aDeliveryIsAllowedOnEveryDayOfTheAgreementBothEndsIncluded() {
        police("agr_police");
        Agreement a = agreement("JL-2026-001", "agr_police", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of(DEATHS));

        for (LocalDate day : List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 15), LocalDate.of(2026, 12, 31))) {
            AgreementCheck check = register.inForce("agr_police", DEATHS, day);
            assertThat(check.permitted()).as(day.toString()).isTrue();
            assertThat(check.orElseThrow().number()).isEqualTo(a.number());
        }
    }

    @Test
    void share2_deliveryWithoutAgreementInForceIsRefused_expired() {
        police("agr_expired");
        agreement("JL-2025-007", "agr_expired", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), List.of(DEATHS));

        AgreementCheck check = register.inForce("agr_expired", DEATHS, LocalDate.of(2026, 1, 1));

        assertThat(check).isInstanceOfSatisfying(AgreementCheck.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(RefusalReason.EXPIRED);
            assertThat(r.previous()).get().extracting(Agreement::number).isEqualTo("JL-2025-007");
            assertThat(r.chinese()).contains("agr_expired", "吉林市公安局", DEATHS, "2026-01-01", "JL-2025-007", "2025-12-31", "到期");
            assertThat(r.english()).contains("agr_expired", DEATHS, "2026-01-01", "expired on 2025-12-31");
        });
        assertThatThrownBy(check::orElseThrow).isInstanceOf(NoAgreementInForceException.class)
                .hasMessageContaining("2025-12-31");
    }

    @Test
    void share2_deliveryWithoutAgreementInForceIsRefused_notYetInForce() {
        police("agr_pending");
        agreement("JL-2026-020", "agr_pending", LocalDate.of(2026, 7, 1), LocalDate.of(2027, 6, 30), List.of(DEATHS));

        AgreementCheck check = register.inForce("agr_pending", DEATHS, LocalDate.of(2026, 6, 30));

        assertThat(check).isInstanceOfSatisfying(AgreementCheck.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(RefusalReason.NOT_YET_IN_FORCE);
            assertThat(r.previous()).isEmpty();
            assertThat(r.english()).contains("agr_pending", DEATHS, "2026-06-30", "JL-2026-020 comes into force on 2026-07-01");
            assertThat(r.chinese()).contains("自 2026-07-01 起生效");
        });
        assertThat(register.inForce("agr_pending", DEATHS, LocalDate.of(2026, 7, 1)).permitted()).isTrue();
    }

    @Test
    void share2_deliveryWithoutAgreementInForceIsRefused_terminated() {
        police("agr_revoked");
        agreement("JL-2026-030", "agr_revoked", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of(DEATHS));
        Agreement ended = register.terminate("JL-2026-030", LocalDate.of(2026, 7, 1), "提供方书面撤回授权");

        assertThat(ended.termination()).get().extracting(Termination::effectiveFrom).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(register.inForce("agr_revoked", DEATHS, LocalDate.of(2026, 6, 30)).permitted()).isTrue();
        assertThat(register.inForce("agr_revoked", DEATHS, LocalDate.of(2026, 7, 1)))
                .isInstanceOfSatisfying(AgreementCheck.Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo(RefusalReason.TERMINATED);
                    assertThat(r.chinese()).contains("JL-2026-030", "2026-07-01", "终止", "提供方书面撤回授权");
                    assertThat(r.english()).contains("agr_revoked", DEATHS, "was terminated from 2026-07-01");
                });
    }

    @Test
    void share2_deliveryWithoutAgreementInForceIsRefused_otherFeed() {
        police("agr_otherfeed");
        agreement("JL-2026-040", "agr_otherfeed", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of(DEATHS));

        assertThat(register.inForce("agr_otherfeed", EXIT_ENTRY, TODAY))
                .isInstanceOfSatisfying(AgreementCheck.Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo(RefusalReason.NO_AGREEMENT);
                    assertThat(r.english()).contains("agr_otherfeed", EXIT_ENTRY, TODAY.toString(), "none has ever been recorded");
                    assertThat(r.chinese()).contains(EXIT_ENTRY, "从未签订协议");
                });
        // another provider's agreement does not cover this one
        police("agr_otherprovider");
        assertThat(register.inForce("agr_otherprovider", DEATHS, TODAY).permitted()).isFalse();
    }

    @Test
    void share2_deliveryWithoutAgreementInForceIsRefused_unknownProvider() {
        assertThat(register.inForce("agr_nobody", DEATHS, TODAY))
                .isInstanceOfSatisfying(AgreementCheck.Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo(RefusalReason.UNKNOWN_PROVIDER);
                    assertThat(r.message()).contains("agr_nobody", DEATHS, TODAY.toString(), "未登记", "not registered");
                });
    }

    @Test
    void share2_aGapBetweenTwoAgreementsNamesBothTheLastAndTheNext() {
        police("agr_gap");
        agreement("JL-2025-050", "agr_gap", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), List.of(DEATHS));
        agreement("JL-2026-051", "agr_gap", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31), List.of(DEATHS));

        assertThat(register.inForce("agr_gap", DEATHS, LocalDate.of(2026, 2, 1)))
                .isInstanceOfSatisfying(AgreementCheck.Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo(RefusalReason.EXPIRED);
                    assertThat(r.english()).contains("JL-2025-050, expired on 2025-12-31", "JL-2026-051 comes into force on 2026-03-01");
                });
    }

    @Test
    void share2_everyUseCarriesItsPurposeAndTheAgreementMustPermitIt() {
        police("agr_purpose");
        agreement("JL-2026-060", "agr_purpose", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of(DEATHS));

        assertThat(register.inForce("agr_purpose", DEATHS, TODAY, AgreementPurpose.FRAUD_PREVENTION).permitted()).isTrue();
        assertThat(register.inForce("agr_purpose", DEATHS, TODAY, AgreementPurpose.ENROLLMENT_EXPANSION))
                .isInstanceOfSatisfying(AgreementCheck.Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo(RefusalReason.PURPOSE_NOT_PERMITTED);
                    assertThat(r.chinese()).contains("JL-2026-060", "不允许用于全民参保登记比对扩面");
                });
    }

    @Test
    void share2_theValidityMayNotEndBeforeItStarts() {
        police("agr_order");
        assertThatThrownBy(() -> register.record(new AgreementDraft("JL-BAD-1", "agr_order", AGENCY, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 30), List.of(DEATHS), FRAUD)))
                .isInstanceOfSatisfying(RegisterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegisterProblem.Kind.INVALID);
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("validTo");
                        assertThat(v.problem()).isEqualTo(RegisterProblem.VALIDITY_ORDER);
                    });
                });
        assertThat(register.find("JL-BAD-1")).isEmpty();
    }

    @Test
    void share2_anAgreementTakesEffectWhenSignedNotBeforeAndIsNotRecordedBeforeItIsSigned() {
        police("agr_signed");
        assertThatThrownBy(() -> register.record(new AgreementDraft("JL-BAD-2", "agr_signed", AGENCY, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of(DEATHS), FRAUD)))
                .isInstanceOfSatisfying(RegisterException.class,
                        e -> assertThat(e.has(RegisterProblem.VALID_BEFORE_SIGNING)).isTrue());
        assertThatThrownBy(() -> register.record(new AgreementDraft("JL-BAD-3", "agr_signed", AGENCY, TODAY.plusDays(1),
                TODAY.plusDays(1), LocalDate.of(2027, 12, 31), List.of(DEATHS), FRAUD)))
                .isInstanceOfSatisfying(RegisterException.class,
                        e -> assertThat(e.has(RegisterProblem.SIGNED_IN_FUTURE)).isTrue());
    }

    @Test
    void share2_anAgreementCoversOnlyFeedsTheProviderDeliversAndNamesAPurpose() {
        police("agr_feeds");
        assertThatThrownBy(() -> register.record(new AgreementDraft("JL-BAD-4", "agr_feeds", AGENCY, TODAY, TODAY,
                TODAY.plusYears(1), List.of(DEATHS, "life.rail"), Set.of())))
                .isInstanceOfSatisfying(RegisterException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::problem)
                            .containsExactly(RegisterProblem.NO_PURPOSE, RegisterProblem.FEED_NOT_DELIVERED);
                    assertThat(e.violations().get(1).field()).isEqualTo("feeds[1]");
                });
        assertThatThrownBy(() -> register.record(new AgreementDraft("JL-BAD-5", "agr_unregistered", AGENCY, TODAY, TODAY,
                TODAY.plusYears(1), List.of(DEATHS), FRAUD)))
                .isInstanceOfSatisfying(RegisterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegisterProblem.Kind.NOT_FOUND);
                    assertThat(e.has(RegisterProblem.UNKNOWN_PROVIDER)).isTrue();
                });
    }

    @Test
    void anAgreementNumberIsRecordedOnce() {
        police("agr_number");
        agreement("吉社保协〔2026〕8号", "agr_number", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of(DEATHS));
        assertThatThrownBy(() -> agreement("吉社保协〔2026〕8号", "agr_number", LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 12, 31), List.of(DEATHS)))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.has(RegisterProblem.AGREEMENT_EXISTS)).isTrue());
        assertThatThrownBy(() -> agreement("JL 2026/9", "agr_number", LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 12, 31), List.of(DEATHS)))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.has(RegisterProblem.AGREEMENT_NUMBER)).isTrue());
    }

    @Test
    void share2_aTerminationIsNeverBackdatedNorAfterTheEndAndHappensOnce() {
        police("agr_term");
        agreement("JL-2026-070", "agr_term", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of(DEATHS));

        assertThatThrownBy(() -> register.terminate("JL-2026-070", TODAY.minusDays(1), "补录"))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.has(RegisterProblem.TERMINATION_DATE)).isTrue());
        assertThatThrownBy(() -> register.terminate("JL-2026-070", LocalDate.of(2027, 1, 1), "到期后"))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.has(RegisterProblem.TERMINATION_DATE)).isTrue());
        assertThatThrownBy(() -> register.terminate("JL-2026-070", TODAY, " "))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.has(RegisterProblem.TERMINATION_REASON)).isTrue());

        Agreement ended = register.terminate("JL-2026-070", TODAY, "发生泄密事件（附件2第四条）");
        assertThat(ended.statusOn(TODAY)).isEqualTo(AgreementStatus.TERMINATED);
        assertThat(register.inForce("agr_term", DEATHS, TODAY).permitted()).isFalse();
        assertThatThrownBy(() -> register.terminate("JL-2026-070", TODAY.plusDays(5), "再次"))
                .isInstanceOfSatisfying(RegisterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegisterProblem.Kind.CONFLICT);
                    assertThat(e.has(RegisterProblem.ALREADY_TERMINATED)).isTrue();
                });
        assertThatThrownBy(() -> register.terminate("JL-NONE", TODAY, "x"))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.kind()).isEqualTo(RegisterProblem.Kind.NOT_FOUND));
    }

    @Test
    void share2_theExpiringListHoldsWhatEndsFromTodayToTheLastDayOfTheWindow() {
        police("agr_exp");
        LocalDate asOf = LocalDate.of(2031, 3, 1);
        LocalDate last = asOf.plusDays(60);
        agreement("EXP-BEFORE", "agr_exp", TODAY, asOf.minusDays(1), List.of(DEATHS));
        agreement("EXP-FIRST", "agr_exp", TODAY, asOf, List.of(DEATHS));
        agreement("EXP-LAST", "agr_exp", TODAY, last, List.of(DEATHS));
        agreement("EXP-AFTER", "agr_exp", TODAY, last.plusDays(1), List.of(DEATHS));
        agreement("EXP-MIDDLE", "agr_exp", TODAY, asOf.plusDays(30), List.of(DEATHS, EXIT_ENTRY));
        agreement("EXP-TERMINATED", "agr_exp", TODAY, asOf.plusDays(10), List.of(DEATHS));
        register.terminate("EXP-TERMINATED", TODAY.plusDays(1), "另签新协议");

        List<ExpiringAgreement> expiring = register.expiring(asOf, Period.ofDays(60)).stream()
                .filter(e -> e.providerCode().equals("agr_exp")).toList();

        assertThat(expiring).extracting(ExpiringAgreement::number).containsExactly("EXP-FIRST", "EXP-MIDDLE", "EXP-LAST");
        assertThat(expiring).extracting(ExpiringAgreement::daysLeft).containsExactly(0L, 30L, 60L);
        assertThat(expiring.get(0).providerName()).isEqualTo("吉林市公安局");
        // EXP-FIRST's deaths are continued without a gap by three longer agreements, all starting on the same
        // day: the first by number answers; only EXP-AFTER continues EXP-LAST
        assertThat(expiring.get(0).renewedBy()).contains("EXP-AFTER");
        assertThat(expiring.get(2).renewedBy()).contains("EXP-AFTER");
        // nothing continues EXP-MIDDLE's exit/entry feed
        assertThat(expiring.get(1).renewedBy()).isEmpty();
        assertThat(register.expiring(asOf).stream().filter(e -> e.providerCode().equals("agr_exp")))
                .extracting(ExpiringAgreement::number).containsExactly("EXP-FIRST", "EXP-MIDDLE", "EXP-LAST");
        assertThat(register.expiring(asOf, Period.ZERO).stream().filter(e -> e.providerCode().equals("agr_exp")))
                .extracting(ExpiringAgreement::number).containsExactly("EXP-FIRST");
    }

    @Test
    void share2_theSignedScanIsKeptUnderItsSha256AndTheSameBytesAreOneFile() throws Exception {
        police("agr_scan");
        agreement("JL-SCAN-1", "agr_scan", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of(DEATHS));
        agreement("JL-SCAN-2", "agr_scan", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of(EXIT_ENTRY));
        byte[] bytes = ScanStoreTest.pdf("防冒领数据共享保密协议 签字盖章");
        String hash = ScanStoreTest.sha256(bytes);

        Agreement a = register.attachScan("JL-SCAN-1", new ByteArrayInputStream(bytes), "C:\\扫描\\协议.pdf");

        assertThat(a.scan()).get().satisfies(s -> {
            assertThat(s.sha256()).isEqualTo(hash);
            assertThat(s.bytes()).isEqualTo(bytes.length);
            assertThat(s.format()).isEqualTo(ScanFormat.PDF);
            assertThat(s.fileName()).isEqualTo("协议.pdf");
        });
        assertThat(jdbc.sql("select scan_sha256 from sharing.agreement where number = 'JL-SCAN-1'").query(String.class).single())
                .isEqualTo(hash);
        Path file = scanRoot.resolve(hash.substring(0, 2)).resolve(hash);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);

        // the same bytes again, for this agreement or another, are the same file
        assertThat(register.attachScan("JL-SCAN-1", new ByteArrayInputStream(bytes), "again.pdf").scan()).isEqualTo(a.scan());
        register.attachScan("JL-SCAN-2", new ByteArrayInputStream(bytes), "copy.pdf");
        try (Stream<Path> files = Files.walk(scanRoot)) {
            assertThat(files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().equals(hash))).hasSize(1);
        }
        try (InputStream in = register.openScan("JL-SCAN-1").orElseThrow().content()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        // a signed scan is evidence: different bytes never replace it
        assertThatThrownBy(() -> register.attachScan("JL-SCAN-1", new ByteArrayInputStream(ScanStoreTest.pdf("改过的")), "x.pdf"))
                .isInstanceOfSatisfying(RegisterException.class,
                        e -> assertThat(e.has(RegisterProblem.SCAN_ALREADY_ATTACHED)).isTrue());
        assertThat(register.find("JL-SCAN-1").orElseThrow().scan().orElseThrow().sha256()).isEqualTo(hash);
    }

    @Test
    void theSchemaRefusesAnInvertedValidityEvenFromPlainSql() {
        police("agr_sql");
        assertThatThrownBy(() -> jdbc.sql("""
                insert into sharing.agreement (number, provider_code, agency_name, signed_on, valid_from, valid_to, recorded_at)
                values ('SQL-1', 'agr_sql', '社保局', date '2026-01-01', date '2026-05-01', date '2026-04-30', now())""").update())
                .hasMessageContaining("agreement_check");
        // an agreement cannot cover a feed its provider is not registered as delivering
        agreement("SQL-2", "agr_sql", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of(DEATHS));
        assertThatThrownBy(() -> jdbc.sql("""
                insert into sharing.agreement_feed (agreement_id, provider_code, feed_code)
                select id, provider_code, 'life.rail' from sharing.agreement where number = 'SQL-2'""").update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class)
                .hasMessageContaining("agreement_feed_provider_code_feed_code_fkey");
    }
}
