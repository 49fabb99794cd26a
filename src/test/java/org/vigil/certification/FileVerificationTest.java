package org.vigil.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.identity.BadInputException;
import org.vigil.identity.ResidentId;

/** The monthly run from files: the benchmark's edge rules (docs/performance.md), bad input, output safety. */
class FileVerificationTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    static final CertificationPolicy BENCH = PolicyBook.classpath(PolicyBook.BENCHMARK).inForceOn(AS_OF);

    @TempDir
    Path dir;

    /** A valid ID born on {@code birth} with serial {@code serial}. */
    static String id(String birth, int serial) {
        String first17 = "370202" + birth.replace("-", "") + String.format("%03d", serial);
        return first17 + ResidentId.checkDigit(first17);
    }

    Map<String, String[]> run(String recipients, String evidence) throws IOException {
        Path r = dir.resolve("recipients.csv");
        Path e = dir.resolve("evidence.csv");
        Files.writeString(r, "id_number,benefit_kind,birth_date,last_certified,period_months,region_code,monthly_amount\n"
                + recipients, StandardCharsets.UTF_8);
        Files.writeString(e, "id_number,kind,event_date,end_date,source\n" + evidence, StandardCharsets.UTF_8);
        FileVerification.run(r, e, AS_OF, BENCH, dir.resolve("out"), 2);
        List<String> lines = Files.readAllLines(dir.resolve("out/result.csv"));
        assertThat(lines.get(0)).isEqualTo("id_number,district,benefit_kind,status,reason,new_last_certified,due_date,bucket");
        return lines.stream().skip(1).map(l -> l.split(",", -1)).collect(Collectors.toMap(a -> a[0], Function.identity()));
    }

    static String recipient(String id, String kind, String birth, String last, String period) {
        return id + "," + kind + "," + birth + "," + last + "," + period + ",370202001001,3000.00\n";
    }

    @Test
    void theBenchmarksEdgeRulesHold() throws IOException {
        String dead = id("1940-01-01", 11);
        String deadLater = id("1940-01-01", 21);
        String jailed = id("1950-02-02", 31);
        String released = id("1950-02-02", 41);
        String tie = id("1945-03-03", 51);
        String minor = id("2015-06-01", 61);
        String oneMonth = id("1950-05-05", 71);
        String overdue = id("1950-05-05", 81);
        String clamped = id("1950-05-05", 91);
        String extended = id("1950-05-05", 101);
        String recipients = recipient(dead, "pension", "1940-01-01", "2026-01-01", "12")
                + recipient(deadLater, "pension", "1940-01-01", "2026-01-01", "12")
                + recipient(jailed, "injury", "1950-02-02", "2026-03-01", "12")
                + recipient(released, "pension", "1950-02-02", "2026-03-01", "12")
                + recipient(tie, "pension", "1945-03-03", "2026-01-01", "12")
                + recipient(minor, "dependent", "2015-06-01", "2025-01-01", "")
                + recipient(oneMonth, "pension", "1950-05-05", "2025-12-20", "12")
                + recipient(overdue, "pension", "1950-05-05", "2025-11-19", "12")
                + recipient(clamped, "pension", "1950-05-05", "2026-01-31", "12")
                + recipient(extended, "pension", "1950-05-05", "2025-01-10", "24");
        String evidence = dead + ",death,2026-10-01,,police\n" + dead + ",custody,2026-01-01,,court\n"
                + dead + ",rail,2026-11-01,,rail\n"
                + deadLater + ",death,2026-11-21,,police\n"
                + jailed + ",custody,2026-05-01,2026-11-20,prison\n"
                + released + ",custody,2026-05-01,2026-11-19,prison\n"
                + tie + ",bank_counter,2026-09-09,,bank\n" + tie + ",rail,2026-09-09,,rail\n" + tie + ",flight,2026-09-01,,air\n"
                + tie + ",telecom_realname,2026-11-21,,telecom\n"
                + id("1960-01-01", 5) + ",rail,2026-09-09,,rail\n";
        Map<String, String[]> out = run(recipients, evidence);
        assertThat(out).hasSize(10);
        assertThat(out.get(dead)).containsExactly(dead, "370202", "pension", "disqualified", "death", "", "", "");
        assertThat(out.get(deadLater)[3]).as("a death after the as-of date does not count").isEqualTo("pending");
        assertThat(out.get(jailed)).containsExactly(jailed, "370202", "injury", "disqualified", "custody", "", "", "");
        assertThat(out.get(released)[3]).as("custody ended the day before").isEqualTo("pending");
        assertThat(out.get(tie)).containsExactly(tie, "370202", "pension", "qualified", "rail", "2026-09-09", "", "");
        assertThat(out.get(minor)).containsExactly(minor, "370202", "dependent", "qualified", "minor_dependent", "", "", "");
        assertThat(out.get(oneMonth)).containsExactly(oneMonth, "370202", "pension", "pending", "", "", "2026-12-20", "1m");
        assertThat(out.get(overdue)).containsExactly(overdue, "370202", "pension", "pending", "", "", "2026-11-19", "overdue");
        assertThat(out.get(clamped)[6]).isEqualTo("2027-01-31");
        assertThat(out.get(extended)).containsExactly(extended, "370202", "pension", "pending", "", "", "2027-01-10", "2m");
        List<String> summary = Files.readAllLines(dir.resolve("out/summary.csv"));
        assertThat(summary).contains("status,qualified,2", "status,disqualified,2", "status,pending,6",
                "district_status,370202/pending,6", "pending_bucket,overdue,1", "pending_bucket,1m,1");
    }

    @Test
    void aBadEvidenceRowIsListedWithFileRowColumnAndReasonAndLeftOut() throws IOException {
        String a = id("1950-05-05", 11);
        Map<String, String[]> out = run(recipient(a, "pension", "1950-05-05", "2026-01-01", "12"),
                a.substring(0, 17) + "0,rail,2026-09-09,,rail\n" + a + ",seance,2026-09-09,,x\n" + a + ",rail,2026-02-30,,x\n"
                        + a + ",bank_counter,2026-03-03,,bank\n");
        assertThat(out.get(a)[4]).isEqualTo("bank_counter");
        List<String> rejects = Files.readAllLines(dir.resolve("out/rejects.csv"));
        assertThat(rejects).hasSize(4);
        assertThat(rejects.get(1)).startsWith("evidence.csv,2,id_number,");
        assertThat(rejects.get(2)).startsWith("evidence.csv,3,kind,seance,");
        assertThat(rejects.get(3)).startsWith("evidence.csv,4,event_date,2026-02-30,");
    }

    @Test
    void aBadRecipientRowRefusesTheRunNamingItsRowAndLeavesNoLists() throws IOException {
        String a = id("1950-05-05", 11);
        String b = id("1950-05-05", 21);
        assertThatThrownBy(() -> run(recipient(a, "pension", "1950-05-05", "2026-01-01", "12")
                + recipient(b, "pension", "1950-05-06", "2026-01-01", "12"), ""))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("recipients.csv").hasMessageContaining("row 3").hasMessageContaining("birth_date");
        assertThat(dir.resolve("out/result.csv")).doesNotExist();
        assertThatThrownBy(() -> run(recipient(a, "pension", "1950-05-05", "2026-01-01", "12")
                + recipient(a, "pension", "1950-05-05", "2026-01-01", "12"), ""))
                .isInstanceOf(BadInputException.class).hasMessageContaining("twice");
    }

    @Test
    void runningTwiceGivesTheSameFiles() throws IOException {
        String a = id("1950-05-05", 11);
        String recipients = recipient(a, "pension", "1950-05-05", "2026-01-01", "12");
        run(recipients, a + ",rail,2026-09-09,,rail\n");
        byte[] first = Files.readAllBytes(dir.resolve("out/result.csv"));
        run(recipients, a + ",rail,2026-09-09,,rail\n");
        assertThat(Files.readAllBytes(dir.resolve("out/result.csv"))).isEqualTo(first);
        assertThat(dir.resolve("out/result.csv.partial")).doesNotExist();
    }

    /**
     * ADR 0016: the fold keeps only the latest sign of life and all rare evidence; deciding on
     * that must give what deciding on every row gives. Random recipients and evidence, checked
     * against {@link EligibilityRules} fed the whole list.
     */
    @Test
    void foldingTheEvidenceDecidesAsEveryRowWould() throws IOException {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(20261120);
        List<String> kinds = BENCH.evidence().keySet().stream().sorted().toList();
        StringBuilder recipients = new StringBuilder();
        StringBuilder evidence = new StringBuilder();
        Map<String, Entitlement> entitlements = new java.util.LinkedHashMap<>();
        Map<String, List<Evidence>> all = new java.util.HashMap<>();
        for (int i = 0; i < 400; i++) {
            LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(rnd.nextInt(30_000));
            String id = id(birth.toString(), i);
            String kind = List.of("pension", "injury", "dependent").get(rnd.nextInt(3));
            LocalDate last = AS_OF.minusDays(rnd.nextInt(730));
            if (last.isBefore(birth)) {
                last = birth;
            }
            int period = kind.equals("pension") && rnd.nextInt(10) == 0 ? 24 : 12;
            recipients.append(recipient(id, kind, birth.toString(), last.toString(), kind.equals("dependent") ? "6" : "" + period));
            BenefitKind benefit = kind.equals("pension") ? BenefitKind.ENTERPRISE_PENSION
                    : kind.equals("injury") ? BenefitKind.WORK_INJURY : BenefitKind.DEPENDENT;
            entitlements.put(id, new Entitlement(benefit, benefit == BenefitKind.DEPENDENT ? DependentRelation.OTHER : null, birth,
                    last, last, period > 12 ? period : 0));
            all.put(id, new java.util.ArrayList<>());
        }
        List<String> ids = List.copyOf(entitlements.keySet());
        for (int row = 2; row < 6002; row++) {
            String id = ids.get(rnd.nextInt(ids.size()));
            String kind = rnd.nextInt(50) == 0 ? "death" : rnd.nextInt(50) == 0 ? "custody" : kinds.get(rnd.nextInt(kinds.size()));
            LocalDate date = AS_OF.minusDays(rnd.nextInt(560) - 10);
            LocalDate end = kind.equals("custody") && rnd.nextBoolean() ? date.plusDays(rnd.nextInt(400)) : null;
            evidence.append(id).append(',').append(kind).append(',').append(date).append(',').append(end == null ? "" : end)
                    .append(",src\n");
            all.get(id).add(new Evidence(kind, date, end, new EvidenceRef("evidence.csv", kind, 0, row)));
        }
        Map<String, String[]> out = run(recipients.toString(), evidence.toString());
        int checked = 0;
        for (String id : ids) {
            Decision d = EligibilityRules.decide(entitlements.get(id), all.get(id), BENCH, AS_OF);
            String[] line = out.get(id);
            assertThat(line[3]).as(id).isEqualTo(switch (d.status()) {
                case QUALIFIED -> "qualified";
                case DISQUALIFIED -> "disqualified";
                case TO_BE_VERIFIED -> "pending";
            });
            assertThat(line[5]).as(id).isEqualTo(d.certifiedOn() == null ? "" : d.certifiedOn().toString());
            if (d.status() == EligibilityStatus.QUALIFIED && d.reason().code() == ReasonCode.PROOF_OF_LIFE) {
                assertThat(line[4]).as(id).isEqualTo(d.reason().evidenceKind());
            }
            if (d.status() == EligibilityStatus.TO_BE_VERIFIED) {
                assertThat(line[6]).as(id).isEqualTo(d.periodEnd().toString());
            }
            checked++;
        }
        assertThat(checked).isEqualTo(400);
        assertThat(out.values().stream().map(l -> l[3]).distinct()).contains("qualified", "disqualified", "pending");
    }
}
