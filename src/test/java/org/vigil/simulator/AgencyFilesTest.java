package org.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vigil.identity.CreditCode;
import org.vigil.identity.Gender;
import org.vigil.identity.Parsed;
import org.vigil.identity.RegionCode;
import org.vigil.identity.ResidentId;

class AgencyFilesTest {

    private static final Set<String> SCHEMES = Set.of("EMPLOYEE_PENSION", "RESIDENT_PENSION", "EMPLOYEE_MEDICAL",
            "RESIDENT_MEDICAL", "NCMS", "WORK_INJURY", "MATERNITY", "UNEMPLOYMENT");
    private static final Set<String> RESIDENT_SCHEMES = Set.of("RESIDENT_PENSION", "RESIDENT_MEDICAL", "NCMS");

    private static SmallCity.Table agency(String name) {
        return SmallCity.csv(SmallCity.root().resolve("agency").resolve(name));
    }

    private static ResidentId valid(String raw) {
        Parsed<ResidentId> parsed = ResidentId.parse(raw, SmallCity.DAY_BEFORE);
        assertThat(parsed.isValid()).as(raw + " " + parsed.problem()).isTrue();
        return parsed.orElseThrow();
    }

    @Test
    void everyAddressedCommunityIsListedUnderARealStreetOrTown() {
        SmallCity.Table communities = agency("communities.csv");
        assertThat(communities.header()).containsExactly("code", "name", "township_code");
        Set<String> codes = new HashSet<>();
        for (Map<String, String> c : communities.maps()) {
            RegionCode code = RegionCode.parse(c.get("code")).orElseThrow();
            assertThat(code.value()).hasSize(12).startsWith(c.get("township_code"));
            assertThat(org.vigil.identity.RegionDirectory.standard().find(RegionCode.parse(c.get("township_code"))
                    .orElseThrow())).as(c.get("township_code")).isPresent();
            assertThat(c.get("name")).matches(".+(社区|村)");
            assertThat(codes.add(code.value())).as("unique " + code.value()).isTrue();
        }
        assertThat(codes).containsAll(agency("persons.csv").values("region_code"));
    }

    @Test
    void everyIdInTheAgencyFilesIsValid_REG2() {
        SmallCity.Table persons = agency("persons.csv");
        assertThat(persons.header()).containsExactly("id_number", "name", "gender", "birth_date", "region_code", "address",
                "phone");
        Set<String> seen = new HashSet<>();
        for (Map<String, String> p : persons.maps()) {
            ResidentId id = valid(p.get("id_number"));
            assertThat(id.value()).isEqualTo(p.get("id_number"));
            assertThat(seen.add(id.value())).as("unique " + id.value()).isTrue();
            assertThat(id.birthDate()).isEqualTo(LocalDate.parse(p.get("birth_date")));
            assertThat(id.gender()).isEqualTo(p.get("gender").equals("M") ? Gender.MALE : Gender.FEMALE);
            assertThat(p.get("name")).isNotBlank();
        }
        for (String id : agency("enrollments.csv").values("id_number")) {
            valid(id);
        }
        for (Map<String, String> r : agency("recipients.csv").maps()) {
            valid(r.get("id_number"));
            if (!r.get("deceased_worker_id").isEmpty()) {
                valid(r.get("deceased_worker_id"));
            }
        }
        assertThat(seen).hasSizeGreaterThan(SmallCity.RESIDENTS * 8 / 10);
    }

    @Test
    void everyRecipientHasAPersonRow_CERT1() {
        Set<String> persons = new HashSet<>(agency("persons.csv").values("id_number"));
        List<String> recipients = agency("recipients.csv").values("id_number");
        assertThat(recipients).isNotEmpty();
        assertThat(persons).containsAll(recipients);
        Set<String> enrolled = new HashSet<>(agency("enrollments.csv").values("id_number"));
        assertThat(persons).containsAll(enrolled);
    }

    @Test
    void employersHaveValidCreditCodesAndEnrollmentsNameRegisteredOnes_REG2() {
        SmallCity.Table employers = agency("employers.csv");
        assertThat(employers.header()).containsExactly("credit_code", "name", "region_code", "registered_on");
        Set<String> codes = new HashSet<>();
        for (Map<String, String> e : employers.maps()) {
            assertThat(CreditCode.parse(e.get("credit_code")).isValid()).as(e.get("credit_code")).isTrue();
            assertThat(codes.add(e.get("credit_code"))).isTrue();
            assertThat(e.get("region_code")).matches("2202\\d{2}(\\d{3})?");
            LocalDate.parse(e.get("registered_on"));
        }
        SmallCity.Table enrollments = agency("enrollments.csv");
        assertThat(enrollments.header()).containsExactly("id_number", "scheme", "credit_code", "start_date", "end_date");
        for (Map<String, String> e : enrollments.maps()) {
            assertThat(SCHEMES).contains(e.get("scheme"));
            if (RESIDENT_SCHEMES.contains(e.get("scheme"))) {
                assertThat(e.get("credit_code")).isEmpty();
            } else {
                assertThat(codes).contains(e.get("credit_code"));
            }
            LocalDate start = LocalDate.parse(e.get("start_date"));
            assertThat(start).isBefore(SmallCity.START.atDay(1));
            if (!e.get("end_date").isEmpty()) {
                assertThat(LocalDate.parse(e.get("end_date"))).isAfter(start);
            }
        }
        assertThat(enrollments.values("scheme")).containsAll(SCHEMES);
    }

    @Test
    void recipientsFileUsesTheExchangeFormat_CERT1() {
        SmallCity.Table recipients = agency("recipients.csv");
        assertThat(recipients.header()).containsExactly("id_number", "name", "benefit_kind", "relation",
                "deceased_worker_id", "benefit_start", "monthly_amount", "bank_account", "region_code",
                "paying_region_code", "employer_credit_code", "last_certified", "over_80", "sick", "disabled");
        Set<String> kinds = new HashSet<>();
        for (Map<String, String> r : recipients.maps()) {
            String kind = r.get("benefit_kind");
            kinds.add(kind);
            boolean dependent = kind.equals("DEPENDENT");
            assertThat(r.get("relation").isEmpty()).isEqualTo(!dependent);
            assertThat(r.get("deceased_worker_id").isEmpty()).isEqualTo(!dependent);
            assertThat(r.get("employer_credit_code").isEmpty()).isEqualTo(!kind.equals("INSTITUTION_PENSION"));
            assertThat(r.get("monthly_amount")).matches("\\d+\\.\\d\\d");
            assertThat(r.get("bank_account")).matches("62\\d{17}");
            assertThat(RegionCode.parse(r.get("region_code")).orElseThrow().value()).hasSize(12);
            assertThat(r.get("paying_region_code")).matches("2202\\d\\d");
            assertThat(r.get("over_80")).isIn("true", "false");
            LocalDate start = LocalDate.parse(r.get("benefit_start"));
            LocalDate certified = LocalDate.parse(r.get("last_certified"));
            assertThat(certified).isAfterOrEqualTo(start).isBeforeOrEqualTo(SmallCity.DAY_BEFORE);
        }
        assertThat(kinds).containsExactlyInAnyOrder("ENTERPRISE_PENSION", "INSTITUTION_PENSION", "RESIDENT_PENSION",
                "WORK_INJURY", "DEPENDENT");
    }

    @Test
    void pensionsStartAtTheLegalAges_CERT1() {
        for (Map<String, String> r : agency("recipients.csv").maps()) {
            LocalDate birth = ResidentId.parse(r.get("id_number"), SmallCity.DAY_BEFORE).orElseThrow().birthDate();
            LocalDate start = LocalDate.parse(r.get("benefit_start"));
            switch (r.get("benefit_kind")) {
                case "RESIDENT_PENSION" -> assertThat(start).isAfter(birth.plusYears(60));
                case "INSTITUTION_PENSION" -> assertThat(start).isAfter(birth.plusYears(55));
                // women workers in arduous jobs may retire at 45, men at 55
                case "ENTERPRISE_PENSION" -> assertThat(start).isAfter(birth.plusYears(45));
                default -> {
                }
            }
        }
    }

    @Test
    void dependentsIncludeChildrenUnderAndOverSixteenAndSpouses_CERT3() {
        SmallCity.Table truth = SmallCity.csv(SmallCity.root().resolve("truth/residents.csv"));
        Map<String, String> deathDates = new HashMap<>();
        for (Map<String, String> t : truth.maps()) {
            deathDates.put(t.get("id_number"), t.get("death_date"));
        }
        int under16 = 0;
        int over16 = 0;
        Set<String> relations = new HashSet<>();
        for (Map<String, String> r : agency("recipients.csv").maps()) {
            if (!r.get("benefit_kind").equals("DEPENDENT")) {
                continue;
            }
            relations.add(r.get("relation"));
            String worker = r.get("deceased_worker_id");
            assertThat(deathDates.get(worker)).as("worker " + worker + " died").isNotEmpty();
            assertThat(LocalDate.parse(deathDates.get(worker))).isBefore(LocalDate.parse(r.get("benefit_start")));
            if (r.get("relation").equals("CHILD")) {
                int age = ResidentId.parse(r.get("id_number"), SmallCity.DAY_BEFORE).orElseThrow().ageOn(SmallCity.DAY_BEFORE);
                if (age < 16) {
                    under16++;
                } else {
                    over16++;
                }
            }
        }
        assertThat(under16).isPositive();
        assertThat(over16).isPositive();
        assertThat(relations).contains("SPOUSE", "CHILD");
    }

    @Test
    void theNeverInsuredAndUnregisteredEmployersAreMissingFromTheAgency_REG4() {
        Path root = SmallCity.root();
        Set<String> persons = new HashSet<>(agency("persons.csv").values("id_number"));
        long neverInsured = SmallCity.csv(root.resolve("truth/residents.csv")).maps().stream()
                .filter(t -> t.get("in_agency").equals("false") && t.get("death_date").isEmpty())
                .peek(t -> assertThat(persons).doesNotContain(t.get("id_number")))
                .count();
        assertThat(neverInsured).isPositive();
        Set<String> employers = new HashSet<>(agency("employers.csv").values("credit_code"));
        long unregistered = SmallCity.csv(root.resolve("truth/employers.csv")).maps().stream()
                .filter(e -> e.get("si_registered").equals("false"))
                .peek(e -> assertThat(employers).doesNotContain(e.get("credit_code")))
                .count();
        assertThat(unregistered).isPositive();
        assertThat(SmallCity.csv(root.resolve("truth/gaps.csv")).values("gap"))
                .contains("EMPLOYER_NOT_REGISTERED", "EMPLOYEE_NOT_INSURED", "NEWBORN_NOT_ENROLLED");
    }
}
