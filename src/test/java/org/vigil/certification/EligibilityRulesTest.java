package org.vigil.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The articles of seed 003 chapters 3–6 that decide a month, one test (or more) per article. */
@DisplayName("Eligibility rules (seed 003 第十条–第二十四条)")
class EligibilityRulesTest {

    static final CertificationPolicy POLICY = PolicyBook.classpath(PolicyBook.DEFAULT).inForceOn(LocalDate.of(2026, 11, 1));
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    static long row = 1;

    static Entitlement pensioner(LocalDate lastCertified) {
        return new Entitlement(BenefitKind.ENTERPRISE_PENSION, null, LocalDate.of(1950, 3, 4), LocalDate.of(2010, 4, 1),
                lastCertified, 0);
    }

    static Entitlement dependent(DependentRelation relation, LocalDate birth, LocalDate lastCertified) {
        return new Entitlement(BenefitKind.DEPENDENT, relation, birth, LocalDate.of(2015, 1, 1), lastCertified, 0);
    }

    static Evidence ev(String kind, String date) {
        return Evidence.on(kind, LocalDate.parse(date), new EvidenceRef("provider", kind, 7, row++));
    }

    static Evidence custody(String kind, String start, String end) {
        return new Evidence(kind, LocalDate.parse(start), end == null ? null : LocalDate.parse(end),
                new EvidenceRef("court", kind, 8, row++));
    }

    static Decision decide(Entitlement e, Evidence... evidence) {
        return EligibilityRules.decide(e, List.of(evidence), POLICY, AS_OF);
    }

    @Test
    void cert3_article10_aDependentUnder16HasNoPeriodAndIsQualified() {
        Decision d = decide(dependent(DependentRelation.CHILD, LocalDate.of(2012, 5, 1), LocalDate.of(2020, 1, 1)));
        assertThat(d.status()).isEqualTo(EligibilityStatus.QUALIFIED);
        assertThat(d.reason().code()).isEqualTo(ReasonCode.MINOR_DEPENDENT);
        assertThat(d.periodEnd()).isNull();
    }

    @Test
    void cert3_article10_fromSixteenADependentsPeriodIsSixMonths() {
        Entitlement e = dependent(DependentRelation.CHILD, LocalDate.of(2000, 5, 1), LocalDate.of(2026, 9, 10));
        Decision d = decide(e);
        assertThat(d.status()).isEqualTo(EligibilityStatus.TO_BE_VERIFIED);
        assertThat(d.periodEnd()).isEqualTo(LocalDate.of(2027, 3, 10));
        assertThat(POLICY.periodMonths(e, AS_OF)).isEqualTo(6);
    }

    @Test
    void cert3_article10_aDependentWhoTurns16StartsTheFirstPeriodOnThatBirthday() {
        // ADR 0015: turning 16 two months ago, certified years before: due six months after the birthday, not overdue
        Entitlement e = dependent(DependentRelation.CHILD, LocalDate.of(2010, 9, 15), LocalDate.of(2021, 1, 1));
        Decision d = decide(e);
        assertThat(d.periodEnd()).isEqualTo(LocalDate.of(2027, 3, 15));
        assertThat(d.bucket()).isEqualTo(DueBucket.LATER);
        assertThat(d.certificationFailed()).isFalse();
    }

    @Test
    void cert3_article11_everyoneElseHasTwelveMonthsExtendableByLevelToAtMost24() {
        Entitlement standard = pensioner(LocalDate.of(2026, 1, 31));
        assertThat(POLICY.periodMonths(standard, AS_OF)).isEqualTo(12);
        Entitlement extended = new Entitlement(BenefitKind.WORK_INJURY, null, LocalDate.of(1970, 1, 1),
                LocalDate.of(2010, 1, 1), LocalDate.of(2026, 1, 31), 18);
        assertThat(POLICY.periodMonths(extended, AS_OF)).isEqualTo(18);
        Entitlement tooLong = new Entitlement(BenefitKind.WORK_INJURY, null, LocalDate.of(1970, 1, 1),
                LocalDate.of(2010, 1, 1), LocalDate.of(2026, 1, 31), 36);
        assertThat(POLICY.periodMonths(tooLong, AS_OF)).isEqualTo(24);
        assertThatThrownBy(() -> new CertificationPolicy("x", AS_OF, 16, 6, 12, 30, true, List.of(1, 2, 3), 80, 25, 8, true,
                POLICY.evidence())).hasMessageContaining("24");
    }

    @Test
    void cert4_article12_aPeriodStartsAtTheLatestCertificationAndEndsAfterThePersonsPeriod() {
        Decision d = decide(pensioner(LocalDate.of(2026, 1, 31)));
        // month arithmetic clamps to the month's end: 2026-01-31 + 12 months = 2027-01-31
        assertThat(d.periodEnd()).isEqualTo(LocalDate.of(2027, 1, 31));
        Decision leap = decide(pensioner(LocalDate.of(2024, 2, 29)));
        assertThat(leap.periodEnd()).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void cert4_article12_aNewRecipientsPeriodStartsAtTheConfirmedBenefitStart() {
        Entitlement fresh = new Entitlement(BenefitKind.ENTERPRISE_PENSION, null, LocalDate.of(1966, 1, 1),
                LocalDate.of(2026, 6, 1), null, 0);
        assertThat(decide(fresh).periodEnd()).isEqualTo(LocalDate.of(2027, 6, 1));
    }

    @Test
    void cert4_article13_everyCertificationInsideThePeriodRestartsIt() {
        Decision d = decide(pensioner(LocalDate.of(2026, 1, 10)), ev("life.rail", "2026-03-01"),
                ev("life.bank_counter", "2026-10-15"), ev("life.telecom", "2026-07-01"));
        assertThat(d.status()).isEqualTo(EligibilityStatus.QUALIFIED);
        assertThat(d.certifiedOn()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(d.periodEnd()).isEqualTo(LocalDate.of(2027, 10, 15));
        assertThat(d.reason().evidenceKind()).isEqualTo("life.bank_counter");
        assertThat(d.evidence()).hasSize(1);
    }

    @Test
    void cert4_article13_evidenceOnOrBeforeTheLastCertificationDoesNotCertifyAgain() {
        Decision d = decide(pensioner(LocalDate.of(2026, 3, 1)), ev("life.rail", "2026-03-01"), ev("life.rail", "2026-01-01"));
        assertThat(d.status()).isEqualTo(EligibilityStatus.TO_BE_VERIFIED);
    }

    @Test
    void cert5_article14_conclusiveThirdPartyEvidenceUpdatesTheCertificationDirectly() {
        // the social-security card bank's confirmation certifies with nobody acting: new date, period restarted
        Decision d = decide(pensioner(LocalDate.of(2025, 10, 1)), ev("life.social_security_card", "2026-11-02"));
        assertThat(d.status()).isEqualTo(EligibilityStatus.QUALIFIED);
        assertThat(d.certifiedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(d.periodEnd()).isEqualTo(LocalDate.of(2027, 11, 2));
        // a sign of life from a weak source certifies nobody
        java.util.Map<String, EvidenceRule> rules = new java.util.HashMap<>(POLICY.evidence());
        rules.put("life.rumour", new EvidenceRule("life.rumour", null, EvidenceEffect.ALIVE, EvidenceStrength.INDICATIVE, null));
        CertificationPolicy withRumour = new CertificationPolicy("rumour", AS_OF, 16, 6, 12, 24, true, List.of(1, 2, 3), 80, 25,
                8, true, rules);
        Decision rumour = EligibilityRules.decide(pensioner(LocalDate.of(2025, 10, 1)),
                List.of(ev("life.rumour", "2026-11-02")), withRumour, AS_OF);
        assertThat(rumour.status()).isEqualTo(EligibilityStatus.TO_BE_VERIFIED);
    }

    @Test
    void cert6_article15_evidenceDatedAfterTheAsOfDateDoesNotExistYet() {
        Decision d = decide(pensioner(LocalDate.of(2026, 1, 10)), ev("death.police_deregistration", "2026-11-21"),
                ev("life.rail", "2026-11-25"));
        assertThat(d.status()).isEqualTo(EligibilityStatus.TO_BE_VERIFIED);
        assertThat(d.evidence()).isEmpty();
    }

    @Test
    void cert7_article16_everyDecisionIsOnExactlyOneListWithItsReasonsAndPolicyVersion() {
        for (Decision d : List.of(decide(pensioner(LocalDate.of(2026, 1, 10))),
                decide(pensioner(LocalDate.of(2026, 1, 10)), ev("life.rail", "2026-05-01")),
                decide(pensioner(LocalDate.of(2026, 1, 10)), ev("death.cremation", "2026-05-01")))) {
            assertThat(d.reasons()).isNotEmpty();
            assertThat(d.policyVersion()).isEqualTo(POLICY.version());
        }
    }

    @Test
    void cert8_article17_anyQualifyingKindCertifiesAndTiesOnTheDateGoToTheGreatestKindName() {
        List<Evidence> evidence = new ArrayList<>(List.of(ev("life.aviation", "2026-09-01"), ev("verification.face", "2026-09-01"),
                ev("life.bank_counter", "2026-09-01")));
        for (int i = 0; i < 3; i++) {
            Collections.rotate(evidence, 1);
            Decision d = EligibilityRules.decide(pensioner(LocalDate.of(2026, 1, 10)), evidence, POLICY, AS_OF);
            assertThat(d.reason().evidenceKind()).isEqualTo("verification.face");
        }
        for (EvidenceRule rule : POLICY.evidence().values()) {
            if (rule.effect() == EvidenceEffect.ALIVE) {
                assertThat(decide(pensioner(LocalDate.of(2026, 1, 10)), ev(rule.kind(), "2026-06-01")).status())
                        .as(rule.kind()).isEqualTo(EligibilityStatus.QUALIFIED);
            }
        }
    }

    @Test
    void cert9_article18_aConclusiveDeathDisqualifiesFromTheDateOfDeathWithEveryReportAsEvidence() {
        Decision d = decide(pensioner(LocalDate.of(2026, 1, 10)), ev("death.cremation", "2026-08-04"),
                ev("death.police_deregistration", "2026-08-02"), ev("life.rail", "2026-07-01"));
        assertThat(d.status()).isEqualTo(EligibilityStatus.DISQUALIFIED);
        assertThat(d.reason().code()).isEqualTo(ReasonCode.DEATH);
        assertThat(d.lossFrom()).isEqualTo(LocalDate.of(2026, 8, 2));
        assertThat(d.evidence()).hasSize(2);
    }

    @Test
    void cert9_article18_deathWinsOverCustody() {
        Decision d = decide(pensioner(LocalDate.of(2026, 1, 10)), custody("sentence.court", "2025-01-01", null),
                ev("death.health_certificate", "2026-10-01"));
        assertThat(d.reason().code()).isEqualTo(ReasonCode.DEATH);
    }

    @Test
    void cert9_article18_custodyDisqualifiesOnlyWhileItCoversTheAsOfDateEndInclusive() {
        Entitlement e = pensioner(LocalDate.of(2026, 1, 10));
        assertThat(decide(e, custody("sentence.court", "2026-02-01", "2026-11-20")).status())
                .isEqualTo(EligibilityStatus.DISQUALIFIED);
        assertThat(decide(e, custody("sentence.court", "2026-02-01", null)).lossFrom()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(decide(e, custody("sentence.court", "2026-02-01", "2026-11-19")).status())
                .isEqualTo(EligibilityStatus.TO_BE_VERIFIED);
        assertThat(decide(e, custody("custody.prison", "2026-11-21", null)).status())
                .isEqualTo(EligibilityStatus.TO_BE_VERIFIED);
    }

    @Test
    void cert9_article18_missingInAnHrssDatabaseDisqualifies() {
        assertThat(decide(pensioner(LocalDate.of(2026, 1, 10)), ev("missing.hrss", "2026-04-01")).reason().code())
                .isEqualTo(ReasonCode.MISSING);
    }

    @Test
    void cert9_article18_2_aDependentChildAdoptedEmployedOrEnlistedLosesTheRight() {
        Entitlement child = dependent(DependentRelation.CHILD, LocalDate.of(2006, 1, 1), LocalDate.of(2026, 6, 1));
        assertThat(decide(child, ev("registry.adoption", "2026-09-01")).reason().code()).isEqualTo(ReasonCode.ADOPTED);
        assertThat(decide(child, ev("registry.enlistment", "2026-09-01")).reason().code()).isEqualTo(ReasonCode.ENLISTED);
        assertThat(decide(child, ev("registry.established_post", "2026-09-01")).reason().code()).isEqualTo(ReasonCode.EMPLOYED);
        // a child's marriage is not a spouse's remarriage
        assertThat(decide(child, ev("registry.marriage", "2026-09-01")).status()).isEqualTo(EligibilityStatus.TO_BE_VERIFIED);
    }

    @Test
    void cert9_article18_2_theDeceasedWorkersSpouseRemarriedLosesTheRight() {
        Entitlement spouse = dependent(DependentRelation.SPOUSE, LocalDate.of(1960, 1, 1), LocalDate.of(2026, 6, 1));
        Decision d = decide(spouse, ev("registry.marriage", "2026-09-01"));
        assertThat(d.reason().code()).isEqualTo(ReasonCode.REMARRIED);
        assertThat(d.lossFrom()).isEqualTo(LocalDate.of(2026, 9, 1));
        // a spouse's own employment or enlistment does not end the benefit; a parent is not adopted
        assertThat(decide(spouse, ev("registry.established_post", "2026-09-01")).status())
                .isEqualTo(EligibilityStatus.TO_BE_VERIFIED);
        Entitlement parent = dependent(DependentRelation.PARENT, LocalDate.of(1950, 1, 1), LocalDate.of(2026, 6, 1));
        assertThat(decide(parent, ev("registry.adoption", "2026-09-01")).status()).isEqualTo(EligibilityStatus.TO_BE_VERIFIED);
    }

    @Test
    void cert9_article18_2_dependentEvidenceNeverTouchesAPension() {
        assertThat(decide(pensioner(LocalDate.of(2026, 6, 1)), ev("registry.marriage", "2026-09-01")).status())
                .isEqualTo(EligibilityStatus.TO_BE_VERIFIED);
    }

    @Test
    void cert9_aWeakSourceAloneNeverDisqualifies() {
        Decision d = decide(pensioner(LocalDate.of(2026, 6, 1)), ev("death.community_report", "2026-09-01"));
        assertThat(d.status()).isEqualTo(EligibilityStatus.TO_BE_VERIFIED);
        assertThat(d.reason().code()).isEqualTo(ReasonCode.LOSS_UNCONFIRMED);
        assertThat(d.investigate()).isTrue();
        assertThat(d.evidence()).hasSize(1);
        // signs of life after the report answer it
        Decision answered = decide(pensioner(LocalDate.of(2026, 6, 1)), ev("death.community_report", "2026-09-01"),
                ev("life.medical_settlement", "2026-10-01"));
        assertThat(answered.status()).isEqualTo(EligibilityStatus.QUALIFIED);
    }

    @Test
    void cert9_aDeathFollowedBySignsOfLifeGoesToPeopleWithBothSides() {
        Decision d = decide(pensioner(LocalDate.of(2026, 1, 10)), ev("death.police_deregistration", "2026-05-01"),
                ev("life.bank_counter", "2026-08-01"));
        assertThat(d.status()).isEqualTo(EligibilityStatus.TO_BE_VERIFIED);
        assertThat(d.investigate()).isTrue();
        assertThat(d.reasons()).extracting(Decision.Reason::code).startsWith(ReasonCode.DEATH_CONTRADICTED,
                ReasonCode.PROOF_OF_LIFE);
        assertThat(d.evidence()).hasSize(2);
    }

    @Test
    void cert10_article19_everyoneElseIsToBeVerifiedInTheLedgerOfTheirPeriodsEnd() {
        assertThat(decide(pensioner(LocalDate.of(2025, 12, 20))).bucket()).isEqualTo(DueBucket.ONE_MONTH);
        assertThat(decide(pensioner(LocalDate.of(2025, 12, 21))).bucket()).isEqualTo(DueBucket.TWO_MONTHS);
        assertThat(decide(pensioner(LocalDate.of(2026, 2, 20))).bucket()).isEqualTo(DueBucket.THREE_MONTHS);
        assertThat(decide(pensioner(LocalDate.of(2026, 2, 21))).bucket()).isEqualTo(DueBucket.LATER);
        Decision d = decide(pensioner(LocalDate.of(2026, 5, 1)));
        assertThat(d.reason().code()).isEqualTo(ReasonCode.NO_EVIDENCE);
        assertThat(d.lossFrom()).isNull();
    }

    @Test
    void cert11_article20_ledgerOffsetsArePolicyData() {
        CertificationPolicy onlyOne = new CertificationPolicy("one", AS_OF, 16, 6, 12, 24, true, List.of(1), 80, 25, 8, true,
                POLICY.evidence());
        assertThat(EligibilityRules.bucketOf(LocalDate.of(2027, 1, 10), AS_OF, onlyOne)).isEqualTo(DueBucket.LATER);
        assertThat(EligibilityRules.bucketOf(LocalDate.of(2027, 1, 10), AS_OF, POLICY)).isEqualTo(DueBucket.TWO_MONTHS);
        assertThatThrownBy(() -> new CertificationPolicy("bad", AS_OF, 16, 6, 12, 24, true, List.of(3, 1), 80, 25, 8, true,
                POLICY.evidence())).hasMessageContaining("ascending");
    }

    @Test
    void cert15_article24_aPeriodEndedWithoutCertificationFailsWithTheReasonNoted() {
        Decision d = decide(pensioner(LocalDate.of(2025, 11, 19)));
        assertThat(d.bucket()).isEqualTo(DueBucket.OVERDUE);
        assertThat(d.certificationFailed()).isTrue();
        assertThat(d.reason().code()).isEqualTo(ReasonCode.PERIOD_ENDED);
        assertThat(d.reason().code().article()).isEqualTo("第二十四条");
        // the period's last day itself is not yet a failure
        assertThat(decide(pensioner(LocalDate.of(2025, 11, 20))).certificationFailed()).isFalse();
    }

    @Test
    void evidenceOfAKindThePolicyDoesNotKnowIsAnErrorNotSilence() {
        assertThatThrownBy(() -> decide(pensioner(LocalDate.of(2026, 1, 1)), ev("life.seance", "2026-05-01")))
                .hasMessageContaining("life.seance").hasMessageContaining(POLICY.version());
    }

    @Test
    void theDecisionDoesNotDependOnTheOrderOfTheEvidence() {
        List<Evidence> evidence = new ArrayList<>(List.of(ev("death.police_deregistration", "2026-05-01"),
                ev("death.cremation", "2026-05-01"), ev("life.rail", "2026-04-01"), custody("sentence.court", "2026-01-01", null)));
        Decision first = EligibilityRules.decide(pensioner(LocalDate.of(2026, 1, 1)), evidence, POLICY, AS_OF);
        for (int i = 0; i < evidence.size(); i++) {
            Collections.rotate(evidence, 1);
            Decision again = EligibilityRules.decide(pensioner(LocalDate.of(2026, 1, 1)), evidence, POLICY, AS_OF);
            assertThat(again.status()).isEqualTo(first.status());
            assertThat(again.reasons()).isEqualTo(first.reasons());
            assertThat(again.lossFrom()).isEqualTo(first.lossFrom());
            assertThat(again.evidence()).containsExactlyInAnyOrderElementsOf(first.evidence());
        }
    }

    @Test
    void cert3_aPolicyFileWithAMisspeltFieldIsRefusedNamingTheFileVersionAndField(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("draft.yml"), """
                versions:
                  - version: "draft"
                    effectiveFrom: 2027-01-01
                    dependentMinorAge: 16
                    dependentPeriodMonths: 6
                    standardPeriodMonths: 12
                    maxPeriodMonths: 24
                    periodFromMinorAge: true
                    ledgerMonths: [1, 2, 3]
                    homeVisitAge: 80
                    runBeforeDay: 25
                    suspensionByDay: 8
                    investigateContradictions: true
                    evidence:
                      - {kind: life.rail, effect: ALIVE, strenght: CONCLUSIVE}
                """);
        assertThatThrownBy(() -> PolicyBook.file(file)).hasMessageContaining("draft.yml").hasMessageContaining("version draft")
                .hasMessageContaining("unknown field strenght");
    }
}
