package org.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class GroundTruthTest {

    /** Where each death source of truth/deaths.csv sends its file (SHARE-3 class 1). */
    private static final Map<String, String> DEATH_FILES = Map.of(
            "police", "police/death_deregistration",
            "civil_affairs_cremation", "civil_affairs/cremations",
            "civil_affairs_allowance", "civil_affairs/elderly_allowance_deaths",
            "veteran_cadres", "veteran_cadres/retired_cadre_deaths",
            "medical_insurance", "medical_insurance/death_deregistration",
            "health", "health/death_certificates",
            "community", "community/");

    private static SmallCity.Table truth(String name) {
        return SmallCity.csv(SmallCity.root().resolve("truth").resolve(name));
    }

    /** Normalised IDs found in each feed file (month + "/" + file without extension). */
    private static Map<String, Set<String>> idsByFeed() {
        Map<String, Set<String>> out = new HashMap<>();
        for (Map<String, String> f : SmallCity.manifests()) {
            if (f.get("format").equals("jsonl")) {
                continue;
            }
            SmallCity.Table t = SmallCity.read(f);
            Set<String> ids = new HashSet<>();
            boolean community = f.get("provider").equals("community");
            for (List<String> row : t.rows()) {
                if (community && !row.get(t.column("情况类别")).equals("死亡")) {
                    continue;
                }
                for (String cell : row) {
                    if (cell.length() >= 15 && cell.length() <= 18) {
                        String id = SmallCity.normalisedId(cell);
                        if (id != null) {
                            ids.add(id);
                        }
                    }
                }
            }
            String file = f.get("file");
            String key = f.get("month") + "/" + (file.startsWith("community/") ? "community/" : file.substring(0, file.lastIndexOf('.')));
            out.computeIfAbsent(key, k -> new HashSet<>()).addAll(ids);
        }
        return out;
    }

    @Test
    void deathsReachFeedsWithLagsOfZeroToThreeMonths_SHARE3() {
        Map<String, Set<String>> feeds = idsByFeed();
        YearMonth first = SmallCity.START;
        YearMonth last = SmallCity.START.plusMonths(SmallCity.MONTHS - 1L);
        int reports = 0;
        int found = 0;
        int dueAndReported = 0;
        for (Map<String, String> d : truth("deaths.csv").maps()) {
            YearMonth died = YearMonth.from(LocalDate.parse(d.get("death_date")));
            boolean unreported = d.get("unreported").equals("true");
            if (unreported) {
                assertThat(d.get("reported_by")).isEmpty();
                continue;
            }
            if (!died.isBefore(first.minusMonths(3)) && !died.isAfter(last.minusMonths(3))) {
                assertThat(d.get("reported_by")).as("death of " + d.get("id_number") + " in " + died).isNotEmpty();
                dueAndReported++;
            }
            if (d.get("reported_by").isEmpty()) {
                continue;
            }
            for (String report : d.get("reported_by").split(";")) {
                String source = report.substring(0, report.indexOf('@'));
                YearMonth arrived = YearMonth.parse(report.substring(report.indexOf('@') + 1));
                long lag = ChronoUnit.MONTHS.between(died, arrived);
                assertThat(lag).as(report).isBetween(0L, 3L);
                if (arrived.isBefore(first)) {
                    continue;
                }
                reports++;
                Set<String> ids = feeds.getOrDefault(arrived + "/" + DEATH_FILES.get(source), Set.of());
                if (ids.contains(d.get("id_number"))) {
                    found++;
                }
            }
        }
        assertThat(dueAndReported).isPositive();
        assertThat(reports).isPositive();
        // Rows with a mistyped check digit, no ID or a spreadsheet-mangled number cannot be matched by ID.
        assertThat(found).isGreaterThanOrEqualTo(reports * 85 / 100);
    }

    @Test
    void deliberatelyUnreportedDeathsAppearInNoDeathFeed_SHARE3() {
        Map<String, Set<String>> feeds = idsByFeed();
        Set<String> reported = new HashSet<>();
        for (Map.Entry<String, Set<String>> e : feeds.entrySet()) {
            for (String file : DEATH_FILES.values()) {
                if (e.getKey().endsWith("/" + file)) {
                    reported.addAll(e.getValue());
                }
            }
        }
        List<String> unreported = new ArrayList<>();
        for (Map<String, String> d : truth("deaths.csv").maps()) {
            if (d.get("unreported").equals("true")) {
                unreported.add(d.get("id_number"));
            }
        }
        assertThat(unreported).isNotEmpty();
        assertThat(reported).doesNotContainAnyElementsOf(unreported);
    }

    @Test
    void fraudCasesExistAndAreMarkedInTruth_SHARE7() {
        SmallCity.Table fraud = truth("fraud.csv");
        assertThat(fraud.values("fraud")).contains("DEATH_UNREPORTED", "DEATH_SINGLE_SOURCE", "DEAD_ACCOUNT_USED",
                "CUSTODY_BENEFIT_CONTINUES");
        Map<String, String> deathDates = new HashMap<>();
        Map<String, Map<String, String>> deaths = new HashMap<>();
        for (Map<String, String> d : truth("deaths.csv").maps()) {
            deathDates.put(d.get("id_number"), d.get("death_date"));
            deaths.put(d.get("id_number"), d);
        }
        Set<String> agencyRecipients = new HashSet<>(
                SmallCity.csv(SmallCity.root().resolve("agency/recipients.csv")).values("id_number"));
        Map<String, Map<String, String>> custody = new HashMap<>();
        for (Map<String, String> c : truth("custody.csv").maps()) {
            custody.put(c.get("id_number"), c);
        }
        Map<String, LocalDate> lastBankUse = lastBankUse();
        int accountUsedSeen = 0;
        for (Map<String, String> f : fraud.maps()) {
            String id = f.get("id_number");
            assertThat(agencyRecipients).as("the agency still pays " + id).contains(id);
            switch (f.get("fraud")) {
                case "DEATH_UNREPORTED" -> {
                    assertThat(LocalDate.parse(deathDates.get(id))).isBefore(SmallCity.START.atDay(1));
                    assertThat(deaths.get(id).get("reported_by")).isEmpty();
                }
                case "DEATH_SINGLE_SOURCE" -> assertThat(deaths.get(id).get("reported_by").split(";")).hasSize(1);
                case "DEAD_ACCOUNT_USED" -> {
                    LocalDate used = lastBankUse.get(id);
                    if (used != null && used.isAfter(LocalDate.parse(deathDates.get(id)))) {
                        accountUsedSeen++;
                    }
                }
                case "CUSTODY_BENEFIT_CONTINUES" -> {
                    Map<String, String> c = custody.get(id);
                    assertThat(LocalDate.parse(c.get("custody_start"))).isBefore(SmallCity.START.atDay(1));
                    assertThat(c.get("court_reports")).isEmpty();
                    assertThat(c.get("released_on")).isEmpty();
                }
                default -> throw new AssertionError(f);
            }
        }
        assertThat(accountUsedSeen).isPositive();
    }

    private static Map<String, LocalDate> lastBankUse() {
        Map<String, LocalDate> out = new HashMap<>();
        for (Map<String, String> f : SmallCity.manifests()) {
            if (!f.get("file").equals("bank/counter_verifications.csv")) {
                continue;
            }
            for (Map<String, String> r : SmallCity.read(f).maps()) {
                String id = SmallCity.normalisedId(r.get("证件号码"));
                if (id != null) {
                    String d = r.get("交易日期");
                    LocalDate day = LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)),
                            Integer.parseInt(d.substring(6, 8)));
                    out.merge(id, day, (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        return out;
    }

    @Test
    void dependentsLoseEligibilityForTheReasonsOfCert9() {
        YearMonth last = SmallCity.START.plusMonths(SmallCity.MONTHS - 1L);
        SmallCity.Table month = truth(last + "/recipients.csv");
        Set<String> reasons = new HashSet<>(month.values("reason"));
        assertThat(reasons).contains("DEATH", "CUSTODY", "ADOPTED", "REMARRIED", "EMPLOYED", "ENLISTED");
        for (Map<String, String> r : month.maps()) {
            boolean eligible = r.get("eligible").equals("true");
            assertThat(r.get("reason").isEmpty()).isEqualTo(eligible);
            if (r.get("alive").equals("false")) {
                assertThat(r.get("reason")).isEqualTo("DEATH");
                assertThat(LocalDate.parse(r.get("death_date"))).isBeforeOrEqualTo(last.atEndOfMonth());
            }
            if (List.of("ADOPTED", "ENLISTED", "EMPLOYED", "REMARRIED", "AGE_LIMIT").contains(r.get("reason"))) {
                assertThat(r.get("benefit_kind")).isEqualTo("DEPENDENT");
            }
        }
    }

    @Test
    void everyMonthHasATruthFileCoveringEveryRecipient() {
        Path root = SmallCity.root();
        int recipients = SmallCity.csv(root.resolve("agency/recipients.csv")).rows().size();
        for (int m = 0; m < SmallCity.MONTHS; m++) {
            SmallCity.Table t = truth(SmallCity.START.plusMonths(m) + "/recipients.csv");
            long inAgency = t.values("in_agency").stream().filter("true"::equals).count();
            assertThat(inAgency).isEqualTo(recipients);
        }
    }

    @Test
    void lifeEventsCoverTheMonthlyChangesOfACity() {
        Set<String> kinds = new HashSet<>(truth("events.csv").values("event"));
        assertThat(kinds).contains("DEATH", "BIRTH", "MOVE", "MARRIAGE", "TURNED_80", "CUSTODY_START", "HIRED", "LEFT_JOB",
                "ADOPTION", "ENLISTED", "DISABLED");
    }

    @Test
    void courtAndPrisonReportImprisonmentsWithinThreeMonths_SHARE3() {
        int reports = 0;
        for (Map<String, String> c : truth("custody.csv").maps()) {
            if (c.get("court_reports").isEmpty()) {
                continue;
            }
            YearMonth judged = YearMonth.from(LocalDate.parse(c.get("judgment_date")));
            for (String report : c.get("court_reports").split(";")) {
                long lag = ChronoUnit.MONTHS.between(judged, YearMonth.parse(report.substring(report.indexOf('@') + 1)));
                assertThat(lag).isBetween(0L, 3L);
                reports++;
            }
        }
        assertThat(reports).isPositive();
    }

    @Test
    void populationHasTheOldAgeStructureOfJilinCity() {
        int total = 0;
        int over60 = 0;
        int under15 = 0;
        int men = 0;
        Set<String> households = new HashSet<>();
        Map<Character, Integer> surnames = new HashMap<>();
        for (Map<String, String> r : truth("residents.csv").maps()) {
            if (r.get("relation_to_head").equals("已故职工") || r.get("born_in_simulation").equals("true")) {
                continue;
            }
            total++;
            int age = SmallCity.START.getYear() - 1 - LocalDate.parse(r.get("birth_date")).getYear();
            over60 += age >= 60 ? 1 : 0;
            under15 += age < 15 ? 1 : 0;
            men += r.get("gender").equals("M") ? 1 : 0;
            households.add(r.get("household_no"));
            surnames.merge(r.get("name").charAt(0), 1, Integer::sum);
        }
        assertThat(total).isEqualTo(SmallCity.RESIDENTS);
        assertThat(over60 * 100 / total).isBetween(22, 34);
        assertThat(under15 * 100 / total).isBetween(8, 15);
        assertThat(men * 100 / total).isBetween(46, 53);
        assertThat(total / (double) households.size()).isBetween(2.0, 2.6);
        List<Character> top = surnames.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(5)
                .map(Map.Entry::getKey).toList();
        assertThat(top).contains('王', '李', '张', '刘');
    }
}
